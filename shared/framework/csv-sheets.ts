import { clipValue, type Cell, type LocatedProblem, type SheetRow, type SheetTable } from './located-problem';
import { columnLetter, csvSheetMarker, FILE_LIMITS } from './sheet-layout';

/**
 * The CSV form of a framework: the workbook's sheets one after another in one file, each opened by a
 * marker row `#sheet:<name>` and followed by its header row (docs/framework-format.md). Row numbers are
 * record numbers, as a spreadsheet program shows them when it opens the file.
 */

export interface CsvRead {
  tables: SheetTable[];
  errors: LocatedProblem[];
  warnings: LocatedProblem[];
}

// Text that a spreadsheet would run as a formula gets one apostrophe in front on export; on import one
// apostrophe is taken off again. Text that already starts with apostrophes before such a character gets
// one more, so the round trip is exact.
const formulaStart = /^'*[=+\-@\t\r]/;
const escapedFormulaStart = /^'+[=+\-@\t\r]/;

export function csvToTables(text: string): CsvRead {
  const read: CsvRead = { tables: [], errors: [], warnings: [] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parseCsv(body, detectDelimiter(body), read);
  if (read.errors.length > 0) return read;
  let current: SheetTable | null = null;
  for (const record of records) {
    const first = typeof record.cells[0] === 'string' ? record.cells[0].trim() : '';
    if (first.toLowerCase().startsWith(csvSheetMarker)) {
      current = { name: first.slice(csvSheetMarker.length).trim(), rows: [] };
      read.tables.push(current);
      continue;
    }
    if (current === null) {
      read.errors.push({
        path: [],
        code: 'csv-no-sheet-marker',
        message: `The first row must name a sheet, e.g. "${csvSheetMarker}criteria".`,
        row: record.row,
        cell: `A${record.row}`,
        value: clipValue(record.cells[0]),
      });
      return read;
    }
    current.rows.push(record);
  }
  return read;
}

/** Writes sheets as one CSV: UTF-8 with a byte-order mark (so Excel shows Bangla), CRLF line ends. */
export function tablesToCsv(tables: SheetTable[]): string {
  const lines: string[] = [];
  tables.forEach((table, i) => {
    if (i > 0) lines.push('');
    lines.push(`${csvSheetMarker}${table.name}`);
    for (const row of table.rows) lines.push(row.cells.map(csvCell).join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(value: Cell): string {
  let text = typeof value === 'string' ? value : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Excel saves "CSV" with a semicolon or tab in some locales; take whichever separates the first lines. */
function detectDelimiter(text: string): string {
  const head = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/, 5)
    .join('\n');
  const count = (d: string) => head.split(d).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/**
 * RFC 4180 with the usual leniencies (LF or CR line ends, a stray quote inside an unquoted field is
 * kept as text). Blank records are skipped but still counted, so row numbers match the spreadsheet view.
 */
export function parseCsv(text: string, delimiter: string, read: Pick<CsvRead, 'errors'>): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let quoteStartRow = 0;
  let row = 1;
  let i = 0;
  let stop = false;

  const endField = () => {
    const value = unescapeFormula(field);
    field = '';
    // Empty padding cells are harmless up to a point; a row of a million commas is not.
    if ((value !== '' && cells.length >= FILE_LIMITS.columns) || cells.length >= FILE_LIMITS.columns * 5) {
      tooMuch('too-many-columns', `A row has at most ${FILE_LIMITS.columns} columns.`);
    }
    cells.push(value);
  };
  const endRecord = () => {
    endField();
    while (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop(); // Excel pads rows with empty cells
    if (cells.length > 0) {
      rows.push({ row, cells });
      if (rows.length > FILE_LIMITS.rows) tooMuch('too-many-rows', `The file has more than ${FILE_LIMITS.rows} rows.`);
    }
    cells = [];
    row += 1;
  };
  const tooMuch = (code: string, message: string, cell?: string) => {
    if (stop) return;
    read.errors.push(cell ? { path: [], code, message, row, cell } : { path: [], code, message, row });
    stop = true;
  };

  const n = text.length;
  while (i < n && !stop) {
    if (quoted) {
      const q = text.indexOf('"', i);
      if (q === -1) {
        field += text.slice(i);
        i = n;
      } else {
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          quoted = false;
          i = q + 1;
        }
      }
    } else {
      const ch = text[i]!;
      if (ch === '"' && field === '') {
        quoted = true;
        quoteStartRow = row;
        i += 1;
      } else if (ch === delimiter) {
        endField();
        i += 1;
      } else if (ch === '\r' || ch === '\n') {
        endRecord();
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      } else {
        let j = i + 1;
        while (j < n && text[j] !== delimiter && text[j] !== '\r' && text[j] !== '\n') j++;
        field += text.slice(i, j);
        i = j;
      }
    }
    if (field.length > FILE_LIMITS.cellChars) {
      tooMuch('cell-too-long', `A cell holds at most ${FILE_LIMITS.cellChars} characters.`, `${columnLetter(cells.length)}${row}`);
    }
  }
  if (stop) return rows;
  if (quoted) {
    read.errors.push({
      path: [],
      code: 'csv-unclosed-quote',
      message: 'A quoted cell starts here and is never closed.',
      row: quoteStartRow,
    });
    return rows;
  }
  if (field !== '' || cells.length > 0) endRecord();
  return rows;
}

function unescapeFormula(text: string): string {
  return escapedFormulaStart.test(text) ? text.slice(1) : text;
}
