import zlib from 'node:zlib';

/** Limits for what an XLSX file (a ZIP archive) may unpack to; far above any real framework workbook. */
export const ZIP_LIMITS = {
  entries: 2000,
  unpackedBytes: 64 * 1024 * 1024,
} as const;

export type ZipCheck = { ok: true; entries: Map<string, Buffer> } | { ok: false; code: string; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Unpacks an untrusted ZIP archive under a byte budget before any XLSX library sees it. The sizes a ZIP
 * declares can lie (a "zip bomb" unpacks a few megabytes into gigabytes), so every entry is actually
 * inflated here with a hard output limit; the XLSX reader later inflates the same bytes and therefore
 * stays within the same budget. Macro-enabled workbooks (a VBA project inside) are refused outright.
 */
export function unpackZip(bytes: Buffer): ZipCheck {
  const bad = (message: string): ZipCheck => ({ ok: false, code: 'not-xlsx', message });
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return bad('The file is not an XLSX workbook (no ZIP directory found).');
  const count = bytes.readUInt16LE(eocd + 10);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return bad('ZIP64 archives are not supported for frameworks.');
  if (count > ZIP_LIMITS.entries)
    return { ok: false, code: 'xlsx-too-large', message: `The workbook holds more than ${ZIP_LIMITS.entries} parts.` };

  const entries = new Map<string, Buffer>();
  let budget: number = ZIP_LIMITS.unpackedBytes;
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return bad('The ZIP directory of the file is damaged.');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if ((flags & 1) !== 0) return { ok: false, code: 'xlsx-encrypted', message: 'Password-protected workbooks cannot be read.' };
    if (/vbaProject\.bin$/i.test(name)) {
      return { ok: false, code: 'xlsx-macros', message: 'The workbook contains macros; save it as a plain .xlsx workbook.' };
    }
    if (name.endsWith('/')) continue;
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) return bad('The ZIP data of the file is damaged.');
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (data.length !== compressedSize) return bad('The ZIP data of the file is cut short.');

    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = zlib.inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return tooBig();
        return bad('The ZIP data of the file is damaged.');
      }
    } else return bad(`The workbook uses an unsupported compression method (${method}).`);
    budget -= content.length;
    if (budget < 0) return tooBig();
    entries.set(name.replace(/^\//, ''), content);
  }
  if (!entries.has('xl/workbook.xml')) return bad('The file is a ZIP archive but not an XLSX workbook.');
  const types = entries.get('[Content_Types].xml')?.toString('utf8') ?? '';
  if (/macroEnabled/i.test(types)) {
    return { ok: false, code: 'xlsx-macros', message: 'The workbook is macro-enabled; save it as a plain .xlsx workbook.' };
  }
  return { ok: true, entries };
}

function tooBig(): ZipCheck {
  return {
    ok: false,
    code: 'xlsx-too-large',
    message: `The workbook unpacks to more than ${ZIP_LIMITS.unpackedBytes / 1024 / 1024} MB.`,
  };
}

/** The end-of-central-directory record sits in the last 64 KiB + 22 bytes (a trailing comment may precede the end). */
function findEndOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 65557);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/** Rows written in the worksheets, counted without parsing them: a cheap guard before the XLSX reader runs. */
export function countWorksheetRows(entries: Map<string, Buffer>): number {
  let rows = 0;
  for (const [name, content] of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    rows += content.toString('utf8').match(/<(?:\w+:)?row[\s>/]/g)?.length ?? 0;
  }
  return rows;
}
