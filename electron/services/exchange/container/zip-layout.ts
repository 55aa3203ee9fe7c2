import { refused } from './refuse';
import type { ZipDirectory, ZipEntryRecord } from './zip-directory';

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const HAS_DATA_DESCRIPTOR = 0x0008;
const ZIP64_FIELD = 0x0001;
const ZIP64_MARK = 0xffffffff;
const END_RECORD = 0x06054b50;
const ZIP64_END_RECORD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;

/**
 * Checks how the entries lie in the file, reading only their small headers. Each local header must say
 * what the central directory says (name, flags, method, time, CRC and sizes), and the entries must
 * follow one another with nothing before, between or after them up to the central directory. Tools
 * disagree about which of two differing headers to believe, and overlapping entries are how the worst
 * zip bombs multiply one stretch of data; bytes in a gap would be covered by no hash.
 */
export async function checkLayout(dir: ZipDirectory): Promise<void> {
  const sorted = [...dir.entries].sort((a, b) => a.raw.relativeOffsetOfLocalHeader - b.raw.relativeOffsetOfLocalHeader);
  let expected = 0;
  for (const record of sorted) {
    if (record.raw.relativeOffsetOfLocalHeader !== expected) throw refused('entryDamaged', { entry: record.shown });
    expected = await checkLocalHeader(dir, record);
  }
  if (expected !== dir.centralDirectoryOffset) throw refused('damaged');
  await checkEndRecords(dir);
}

/**
 * The end records must describe exactly the central directory that was read: its size (the records
 * follow one another with no gap), its offset and entry count, one disk, and nothing between the
 * directory and the end. A zip has no comment here (checked before), so the end record is the file's
 * last 22 bytes; large packages add the zip64 record and locator just before it.
 */
async function checkEndRecords(dir: ZipDirectory): Promise<void> {
  const size = dir.reader.size;
  const count = dir.entries.length;
  const directorySize = dir.entries.reduce((n, e) => n + 46 + e.raw.fileNameLength + e.raw.extraFieldLength + e.raw.fileCommentLength, 0);
  const end = await readAt(dir, size - 22, 22);
  if (!end || end.readUInt32LE(0) !== END_RECORD) throw refused('damaged');
  const field16 = (at: number, value: number) => end.readUInt16LE(at) === value;
  const field32 = (at: number, value: number) => end.readUInt32LE(at) === value;
  const locator = size >= 22 + 20 + 56 ? await readAt(dir, size - 42, 20) : null;
  if (!locator || locator.readUInt32LE(0) !== ZIP64_LOCATOR) {
    const exact =
      field16(6, 0) && field16(8, count) && field16(10, count) && field32(12, directorySize) && field32(16, dir.centralDirectoryOffset);
    if (!exact || dir.centralDirectoryOffset + directorySize !== size - 22) throw refused('damaged');
    return;
  }
  const recordAt = Number(locator.readBigUInt64LE(8));
  const record =
    locator.readUInt32LE(4) === 0 && locator.readUInt32LE(16) === 1 && recordAt + 56 === size - 42 ? await readAt(dir, recordAt, 56) : null;
  const u64 = (at: number) => Number(record?.readBigUInt64LE(at) ?? -1);
  const exact =
    record !== null &&
    record.readUInt32LE(0) === ZIP64_END_RECORD &&
    u64(4) === 44 &&
    record.readUInt16LE(14) >= 45 &&
    record.readUInt16LE(14) <= 63 &&
    record.readUInt32LE(16) === 0 &&
    record.readUInt32LE(20) === 0 &&
    u64(24) === count &&
    u64(32) === count &&
    u64(40) === directorySize &&
    u64(48) === dir.centralDirectoryOffset &&
    dir.centralDirectoryOffset + directorySize === recordAt;
  // The classic record may carry the true value or the "see zip64" mark in each field.
  const either16 = (at: number, value: number) => field16(at, value) || field16(at, 0xffff);
  const either32 = (at: number, value: number) => field32(at, value) || field32(at, ZIP64_MARK);
  if (
    !exact ||
    !either16(4, 0) ||
    !either16(6, 0) ||
    !either16(8, count) ||
    !either16(10, count) ||
    !either32(12, directorySize) ||
    !either32(16, dir.centralDirectoryOffset)
  )
    throw refused('damaged');
}

/** Returns where the entry ends (after its data descriptor, if any). */
async function checkLocalHeader(dir: ZipDirectory, record: ZipEntryRecord): Promise<number> {
  const { raw } = record;
  const damaged = () => refused('entryDamaged', { entry: record.shown });
  const start = raw.relativeOffsetOfLocalHeader;
  const head = await readAt(dir, start, 30 + raw.fileNameLength);
  if (!head || head.readUInt32LE(0) !== LOCAL_HEADER) throw damaged();
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  // yazl (like others) writes version 2.0 in the local header and 4.5 in the central one when an entry
  // needs zip64 fields, which only the central directory carries.
  const zip64 = raw.extraFields.some((f) => f.id === ZIP64_FIELD);
  const version = head.readUInt16LE(4);
  const sameHeader =
    (version === raw.versionNeededToExtract || (zip64 && raw.versionNeededToExtract === 45 && version <= 45)) &&
    head.readUInt16LE(6) === raw.generalPurposeBitFlag &&
    head.readUInt16LE(8) === raw.compressionMethod &&
    head.readUInt16LE(10) === raw.lastModFileTime &&
    head.readUInt16LE(12) === raw.lastModFileDate &&
    nameLength === raw.fileNameLength &&
    head.subarray(30).equals(raw.fileName as unknown as Buffer);
  if (!sameHeader) throw damaged();

  const hasDescriptor = (raw.generalPurposeBitFlag & HAS_DATA_DESCRIPTOR) !== 0;
  // Without a descriptor the header carries CRC and sizes; with one they may be zero until the descriptor.
  const agrees = (local: number, central: number) => local === central || local === ZIP64_MARK || (hasDescriptor && local === 0);
  const crc = head.readUInt32LE(14);
  if (!(crc === raw.crc32 || (hasDescriptor && crc === 0))) throw damaged();
  if (!agrees(head.readUInt32LE(18), raw.compressedSize) || !agrees(head.readUInt32LE(22), raw.uncompressedSize)) throw damaged();

  record.dataStart = start + 30 + nameLength + extraLength;
  const dataEnd = record.dataStart + raw.compressedSize;
  if (dataEnd > dir.centralDirectoryOffset) throw damaged();
  if (!hasDescriptor) return dataEnd;
  const descriptorLength = await checkDataDescriptor(dir, record, dataEnd);
  if (descriptorLength === null) throw damaged();
  return dataEnd + descriptorLength;
}

/** The descriptor after the data must repeat the central CRC and sizes; its signature is optional (APPNOTE 4.3.9.3). */
async function checkDataDescriptor(dir: ZipDirectory, record: ZipEntryRecord, at: number): Promise<number | null> {
  const { raw } = record;
  const zip64 = raw.extraFields.some((f) => f.id === ZIP64_FIELD);
  const sizeBytes = zip64 ? 8 : 4;
  const bytes = await readAt(dir, at, Math.min(4 + 4 + 2 * sizeBytes, dir.centralDirectoryOffset - at), true);
  if (!bytes) return null;
  const size = (offset: number) => (zip64 ? Number(bytes.readBigUInt64LE(offset)) : bytes.readUInt32LE(offset));
  for (const signed of [true, false]) {
    const p = signed ? 4 : 0;
    if (signed && (bytes.length < 4 || bytes.readUInt32LE(0) !== DATA_DESCRIPTOR)) continue;
    if (bytes.length < p + 4 + 2 * sizeBytes) continue;
    if (bytes.readUInt32LE(p) === raw.crc32 && size(p + 4) === raw.compressedSize && size(p + 4 + sizeBytes) === raw.uncompressedSize)
      return p + 4 + 2 * sizeBytes;
  }
  return null;
}

/** `length` bytes at `position`, or null when they are not all in the file (`partial`: as many as there are). */
async function readAt(dir: ZipDirectory, position: number, length: number, partial = false): Promise<Buffer | null> {
  if (length <= 0) return partial ? Buffer.alloc(0) : null;
  if (!dir.reader.inside(position, Math.min(position + length, dir.reader.size))) return null;
  const buffer = Buffer.alloc(length);
  const bytesRead = await dir.reader.readInto(buffer.subarray(0, Math.min(length, dir.reader.size - position)), position);
  if (bytesRead < length && !partial) return null;
  return buffer.subarray(0, bytesRead);
}
