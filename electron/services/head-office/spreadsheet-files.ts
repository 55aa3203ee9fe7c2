import ExcelJS from 'exceljs';
import { safeCell } from '../../../shared/head-office/safe-cell';
import { escapeXlsxText } from '../frameworks/xlsx-sheets';

export type SheetValue = string | number | null;

export interface SheetTable {
  /** The worksheet's name (shortened to Excel's 31 characters). */
  name: string;
  header: string[];
  rows: SheetValue[][];
}

export const spreadsheetMediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark, so Excel reads Bangla correctly. Every cell goes through
 * safeCell first: text a spreadsheet would run as a formula is written as text.
 */
export function tableToCsv(table: SheetTable): Buffer {
  const line = (cells: readonly SheetValue[]) => cells.map((c) => csvField(safeCell(c))).join(',');
  const text = [line(table.header), ...table.rows.map(line)].join('\r\n') + '\r\n';
  return Buffer.from(`\ufeff${text}`, 'utf8');
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An XLSX workbook: the table on the first sheet (header frozen and bold), and any further sheets
 * (what the export was filtered on). Cells are plain strings and numbers — never formulas — and text
 * goes through safeCell, so a name like "=HYPERLINK(…)" stays text even when someone edits the cell.
 */
export async function tablesToXlsxFile(tables: readonly SheetTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TVET Inspector';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.header.map((h, i) => ({
      width: widthFor(
        h,
        table.rows.map((r) => r[i] ?? null),
      ),
    }));
    sheet.addRow(table.header.map(xlsxCell));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(xlsxCell));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function xlsxCell(value: SheetValue): string | number {
  const safe = safeCell(value);
  return typeof safe === 'string' ? escapeXlsxText(safe) : safe;
}

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
}

function widthFor(header: string, values: readonly SheetValue[]): number {
  const longest = values.slice(0, 200).reduce<number>((max, v) => Math.max(max, String(v ?? '').length), header.length);
  return Math.min(60, Math.max(10, longest + 2));
}
