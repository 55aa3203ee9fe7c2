import ExcelJS from 'exceljs';
import { clipValue, type Cell, type LocatedProblem, type SheetRow, type SheetTable } from '../../../shared/framework/located-problem';
import { columnLetter, FILE_LIMITS } from '../../../shared/framework/sheet-layout';
import { countWorksheetRows, unpackZip } from './zip-guard';

export interface XlsxRead {
  tables: SheetTable[];
  errors: LocatedProblem[];
  warnings: LocatedProblem[];
}

/**
 * Reads the sheets of an untrusted XLSX workbook as plain cell values. The archive is unpacked under a
 * budget first (zip-guard), and nothing in the workbook is ever run: a formula counts only by the value
 * Excel stored with it (with a warning), a formula without a stored value is an error, and rich text and
 * links are reduced to their text.
 */
export async function xlsxToTables(bytes: Buffer): Promise<XlsxRead> {
  const read: XlsxRead = { tables: [], errors: [], warnings: [] };
  const unpacked = unpackZip(bytes);
  if (!unpacked.ok) {
    read.errors.push({ path: [], code: unpacked.code, message: unpacked.message });
    return read;
  }
  // Counted before parsing: an XLSX library holds every row in memory.
  if (countWorksheetRows(unpacked.entries) > FILE_LIMITS.rows * 2) {
    read.errors.push({ path: [], code: 'too-many-rows', message: `The workbook has more than ${FILE_LIMITS.rows} rows.` });
    return read;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    read.errors.push({ path: [], code: 'not-xlsx', message: 'The file could not be read as an XLSX workbook.' });
    return read;
  }
  if (workbook.worksheets.length > FILE_LIMITS.sheets) {
    read.errors.push({ path: [], code: 'too-many-sheets', message: `A workbook has at most ${FILE_LIMITS.sheets} sheets.` });
    return read;
  }
  for (const worksheet of workbook.worksheets) {
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        if (columnNumber > FILE_LIMITS.columns) {
          read.errors.push({
            path: [],
            code: 'too-many-columns',
            message: `A row has at most ${FILE_LIMITS.columns} columns.`,
            sheet: worksheet.name,
            row: rowNumber,
            cell: `${columnLetter(columnNumber - 1)}${rowNumber}`,
          });
          return;
        }
        const place = { sheet: worksheet.name, row: rowNumber, cell: `${columnLetter(columnNumber - 1)}${rowNumber}` };
        while (cells.length < columnNumber - 1) cells.push('');
        cells.push(cellValue(cell.value, place, read));
      });
      if (cells.some((c) => c !== '' && !(typeof c === 'string' && c.trim() === ''))) rows.push({ row: rowNumber, cells });
    });
    read.tables.push({ name: worksheet.name, rows });
  }
  return read;
}

type Place = { sheet: string; row: number; cell: string };

function cellValue(value: ExcelJS.CellValue, place: Place, read: XlsxRead): Cell {
  const problem = (list: LocatedProblem[], code: string, message: string, shown?: unknown) => {
    const entry: LocatedProblem = { path: [], code, message, ...place };
    const clipped = clipValue(shown);
    if (clipped !== undefined) entry.value = clipped;
    list.push(entry);
  };
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return checkedText(value, place, read);
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) {
    problem(read.errors, 'date-cell', 'This cell holds a date; frameworks use no dates. Enter the value as text.');
    return '';
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value && value.formula ? value.formula : (value as ExcelJS.CellSharedFormulaValue).sharedFormula;
    const result = value.result;
    if (result === undefined || result === null) {
      problem(
        read.errors,
        'formula-without-value',
        'This cell holds a formula with no stored value; enter the value itself.',
        `=${formula}`,
      );
      return '';
    }
    if (typeof result === 'object' && !(result instanceof Date)) {
      problem(read.errors, 'cell-error', `This cell shows the error ${result.error}.`, `=${formula}`);
      return '';
    }
    problem(read.warnings, 'formula-value', 'This cell holds a formula; its stored value was used.', `=${formula}`);
    return cellValue(result, place, read);
  }
  if ('richText' in value) return checkedText(value.richText.map((part) => part.text).join(''), place, read);
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return checkedText(text, place, read);
    if (text && typeof text === 'object' && 'richText' in text) return cellValue(text as ExcelJS.CellRichTextValue, place, read);
    return '';
  }
  if ('error' in value) {
    problem(read.errors, 'cell-error', `This cell shows the error ${value.error}.`);
    return '';
  }
  problem(read.errors, 'unreadable-cell', 'This cell could not be read.');
  return '';
}

function checkedText(text: string, place: Place, read: XlsxRead): string {
  if (text.length <= FILE_LIMITS.cellChars) return text;
  read.errors.push({ path: [], code: 'cell-too-long', message: `A cell holds at most ${FILE_LIMITS.cellChars} characters.`, ...place });
  return '';
}

/**
 * Writes sheets as an XLSX workbook that a person can edit: a bold, frozen header row and readable
 * column widths. Every value is a plain string or number, never a formula.
 */
export async function tablesToXlsx(tables: SheetTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TVET Inspector';
  for (const table of tables) {
    const worksheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Column styles first, so every row added below takes them.
    worksheet.columns = (table.rows[0]?.cells ?? []).map((name) => {
      const width = widthFor(String(name));
      return width >= 40 ? { width, style: { alignment: { wrapText: true, vertical: 'top' } } } : { width };
    });
    for (const row of table.rows) worksheet.addRow(row.cells.map((c) => (typeof c === 'string' ? escapeXlsxText(c) : c)));
    worksheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function widthFor(column: string): number {
  if (/^(title|guidance|self_guidance|description|label|meaning)_/.test(column) || column === 'value') return 48;
  if (column === 'basis' || column === 'data_fields' || column === 'outcome' || column === 'name' || column === 'criteria') return 40;
  return Math.max(12, column.length + 4);
}

/**
 * XML cannot hold a carriage return or most control characters, so OOXML writes them as `_xHHHH_`, and
 * a literal `_xHHHH_` in the text as `_x005F_xHHHH_`. The XLSX reader undoes both, so text survives the
 * round trip exactly.
 */
export function escapeXlsxText(text: string): string {
  return text
    .replace(/_x([0-9A-F]{4})_/g, '_x005F_x$1_')
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}
