import { checkJsonText, checkSheets, refused, type FileCheck, type FileFormat } from '../../../shared/framework/check-file';
import { tablesToCsv, csvToTables } from '../../../shared/framework/csv-sheets';
import { frameworkToSheets } from '../../../shared/framework/framework-to-sheets';
import { FILE_LIMITS } from '../../../shared/framework/sheet-layout';
import { frameworkSchema, type Framework } from '../../../shared/framework/schema';
import { AppError } from '../../../shared/ipc/result';
import { tablesToXlsx, xlsxToTables } from './xlsx-sheets';

export interface FrameworkFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

export const mediaTypes: Record<FileFormat, string> = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/** The format a file claims by its name; content is checked against it when read. */
export function formatOfFile(fileName: string): FileFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  return extension === 'json' || extension === 'xlsx' || extension === 'csv' ? extension : null;
}

/**
 * Reads and checks an untrusted framework file (JSON, XLSX or CSV) without importing it. Every refusal
 * is a problem in the result, never an exception, so the caller can show all of them at once.
 */
export async function checkFrameworkFile(fileName: string, bytes: Buffer): Promise<FileCheck> {
  const format = formatOfFile(fileName);
  const whole = (code: string, message: string) => refused(format ?? 'json', [{ path: [], code, message }]);
  if (format === null) {
    return /\.(xlsm|xltm|xls)$/i.test(fileName)
      ? whole('unsupported-file', 'Old or macro-enabled Excel files are not accepted: save the workbook as .xlsx.')
      : whole('unsupported-file', 'Choose a .json, .xlsx or .csv file.');
  }
  if (bytes.length > FILE_LIMITS.bytes) return whole('file-too-large', `The file is larger than ${FILE_LIMITS.bytes / 1024 / 1024} MB.`);
  if (bytes.length === 0) return whole('empty-file', 'The file is empty.');
  const isZip = zipMagic.every((b, i) => bytes[i] === b);

  if (format === 'xlsx') {
    if (!isZip) return whole('not-xlsx', 'The file is not an XLSX workbook.');
    const read = await xlsxToTables(bytes);
    if (read.errors.length > 0 && read.tables.length === 0) return refused('xlsx', read.errors, read.warnings);
    return checkSheets('xlsx', read.tables, read);
  }
  if (isZip) return whole('not-text', `This looks like an XLSX workbook, not a .${format} file.`);
  const text = decodeUtf8(bytes);
  if (text === null) {
    return whole('not-utf8', 'The file is not UTF-8 text. Save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)").');
  }
  if (format === 'json') return checkJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const read = csvToTables(text);
  if (read.errors.length > 0) return refused('csv', read.errors, read.warnings);
  return checkSheets('csv', read.tables, read);
}

function decodeUtf8(bytes: Buffer): string | null {
  // UTF-16 (Excel's "Unicode text") would decode as valid-looking junk; refuse it by its byte-order mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A stored framework as a file: pretty JSON in the schema's key order, or the spreadsheet form. */
export async function frameworkToFile(framework: Framework, format: FileFormat): Promise<FrameworkFile> {
  const fileName = `${framework.id}-${framework.version}.${format}`;
  if (format === 'json') {
    const ordered = frameworkSchema.parse(framework);
    return { fileName, mediaType: mediaTypes.json, bytes: Buffer.from(`${JSON.stringify(ordered, null, 2)}\n`, 'utf8') };
  }
  const tables = frameworkToSheets(framework);
  for (const table of tables) {
    for (const row of table.rows) {
      if (row.cells.some((c) => typeof c === 'string' && c.length > FILE_LIMITS.cellChars)) {
        throw new AppError(
          'validation',
          `Row ${row.row} of sheet ${table.name} is too large for a spreadsheet cell (${FILE_LIMITS.cellChars} characters); export as JSON instead.`,
        );
      }
    }
  }
  if (format === 'csv') return { fileName, mediaType: mediaTypes.csv, bytes: Buffer.from(tablesToCsv(tables), 'utf8') };
  return { fileName, mediaType: mediaTypes.xlsx, bytes: await tablesToXlsx(tables) };
}
