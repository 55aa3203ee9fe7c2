import type { FileHandle } from 'node:fs/promises';
import zlib from 'node:zlib';

/** Read and written a megabyte at a time: a gigabyte of evidence is a thousand reads, not sixteen thousand. */
const CHUNK_BYTES = 1024 * 1024;
const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
const ZIP64_END_RECORD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const UTF8_NAME = 1 << 11;
const HAS_DATA_DESCRIPTOR = 1 << 3;
const VERSION_NEEDED = 20;
const VERSION_NEEDED_ZIP64 = 45;
/** Unix, zip 6.3: as yazl writes it. */
const VERSION_MADE_BY = (3 << 8) | 63;
const MARK32 = 0xffffffff;

interface WrittenEntry {
  name: Buffer;
  options: ZipEntryOptions;
  method: 0 | 8;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export interface ZipEntryOptions {
  date: Date;
  /** Unix mode stored in the external attributes (0o100644). */
  mode: number;
}

/**
 * Writes a zip sequentially to an open file, in exactly the layout yazl wrote for our packages
 * (write-package.test.ts compares them byte for byte): UTF-8 names, DOS timestamps only, in-memory
 * entries with CRC and sizes in the local header, file entries stored with a data descriptor after
 * them, zip64 fields and end records only where a size, an offset or the count needs them.
 *
 * Why not yazl: it computes CRC-32 in JavaScript (about 400 MB/s here, zlib's is ten times that) and
 * moves every 64 KB chunk through six streams. Here each file is read a megabyte at a time into one of
 * two reused buffers, shown to the caller (to hash it), CRC'd natively and written, while the next
 * megabyte is already being read. Every byte written passes `onWrite`, for the whole-file hash.
 */
export class ZipWriter {
  private readonly entries: WrittenEntry[] = [];
  private position = 0;

  constructor(
    private readonly out: FileHandle,
    private readonly onWrite: (bytes: Buffer) => void,
    private readonly options: { forceZip64?: boolean } = {},
  ) {}

  /** Bytes written so far: the size of the zip once `end` has resolved. */
  get size(): number {
    return this.position;
  }

  /** An entry whose bytes are in memory (the manifest, JSON, PEM): deflated when `compress`. */
  async addBuffer(name: string, bytes: Buffer, compress: boolean, options: ZipEntryOptions): Promise<void> {
    const data = compress ? zlib.deflateRawSync(bytes, { level: 6 }) : bytes;
    const entry = this.entry(name, compress ? 8 : 0, UTF8_NAME, options);
    entry.crc32 = zlib.crc32(bytes);
    entry.size = bytes.length;
    entry.compressedSize = data.length;
    await this.write(this.localHeader(entry));
    await this.write(data);
  }

  /**
   * A file streamed in as stored bytes (evidence and reports are already compressed). `onChunk` sees
   * every chunk in order before it is written; a reused buffer, valid only during the call. Resolves
   * with the bytes read, which the caller checks against what it expected.
   */
  async addFile(name: string, file: FileHandle, options: ZipEntryOptions, onChunk: (chunk: Buffer) => void): Promise<number> {
    const entry = this.entry(name, 0, UTF8_NAME | HAS_DATA_DESCRIPTOR, options);
    await this.write(this.localHeader(entry));
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    let turn = 0;
    let crc = 0;
    let size = 0;
    let reading = file.read(buffers[0]!, 0, CHUNK_BYTES, null);
    for (;;) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) break;
      turn ^= 1;
      // The next megabyte is read into the other buffer while this one is hashed and written.
      reading = file.read(buffers[turn]!, 0, CHUNK_BYTES, null);
      const chunk = buffer.subarray(0, bytesRead);
      onChunk(chunk);
      crc = zlib.crc32(chunk, crc);
      size += bytesRead;
      await this.write(chunk);
    }
    entry.crc32 = crc;
    entry.size = size;
    entry.compressedSize = size;
    const zip64 = this.needsZip64(entry);
    const descriptor = Buffer.alloc(zip64 ? 24 : 16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc, 4);
    if (zip64) {
      descriptor.writeBigUInt64LE(BigInt(size), 8);
      descriptor.writeBigUInt64LE(BigInt(size), 16);
    } else {
      descriptor.writeUInt32LE(size, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    await this.write(descriptor);
    return size;
  }

  /** The central directory and end records; the zip is complete once this resolves. */
  async end(): Promise<void> {
    const directoryStart = this.position;
    for (const entry of this.entries) await this.write(this.centralRecord(entry));
    const directorySize = this.position - directoryStart;
    const count = this.entries.length;
    const zip64 = this.options.forceZip64 === true || count >= 0xffff || directorySize >= MARK32 || directoryStart >= MARK32;
    if (zip64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(ZIP64_END_RECORD, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(VERSION_MADE_BY, 12);
      record.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(directorySize), 40);
      record.writeBigUInt64LE(BigInt(directoryStart), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP64_LOCATOR, 0);
      locator.writeBigUInt64LE(BigInt(this.position), 8);
      locator.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([record, locator]));
    }
    const forced = this.options.forceZip64 === true;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_RECORD, 0);
    end.writeUInt16LE(forced || count >= 0xffff ? 0xffff : count, 8);
    end.writeUInt16LE(forced || count >= 0xffff ? 0xffff : count, 10);
    end.writeUInt32LE(forced || directorySize >= MARK32 ? MARK32 : directorySize, 12);
    end.writeUInt32LE(forced || directoryStart >= MARK32 ? MARK32 : directoryStart, 16);
    await this.write(end);
  }

  private entry(name: string, method: 0 | 8, flags: number, options: ZipEntryOptions): WrittenEntry {
    const entry: WrittenEntry = {
      name: Buffer.from(name, 'utf8'),
      options,
      method,
      flags,
      crc32: 0,
      compressedSize: 0,
      size: 0,
      offset: this.position,
    };
    if (entry.name.length > 0xffff) throw new Error(`entry name too long: ${name}`);
    this.entries.push(entry);
    return entry;
  }

  private needsZip64(entry: WrittenEntry): boolean {
    return this.options.forceZip64 === true || entry.size > 0xfffffffe || entry.compressedSize > 0xfffffffe || entry.offset > 0xfffffffe;
  }

  private localHeader(entry: WrittenEntry): Buffer {
    const { date, time } = dosDateTime(entry.options.date);
    const known = (entry.flags & HAS_DATA_DESCRIPTOR) === 0;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION_NEEDED, 4);
    header.writeUInt16LE(entry.flags, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(known ? entry.crc32 : 0, 14);
    header.writeUInt32LE(known ? entry.compressedSize : 0, 18);
    header.writeUInt32LE(known ? entry.size : 0, 22);
    header.writeUInt16LE(entry.name.length, 26);
    return Buffer.concat([header, entry.name]);
  }

  private centralRecord(entry: WrittenEntry): Buffer {
    const { date, time } = dosDateTime(entry.options.date);
    const zip64 = this.needsZip64(entry);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(entry.size), 4);
      extra.writeBigUInt64LE(BigInt(entry.compressedSize), 12);
      extra.writeBigUInt64LE(BigInt(entry.offset), 20);
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL_HEADER, 0);
    record.writeUInt16LE(VERSION_MADE_BY, 4);
    record.writeUInt16LE(zip64 ? VERSION_NEEDED_ZIP64 : VERSION_NEEDED, 6);
    record.writeUInt16LE(entry.flags, 8);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(entry.crc32, 16);
    record.writeUInt32LE(zip64 ? MARK32 : entry.compressedSize, 20);
    record.writeUInt32LE(zip64 ? MARK32 : entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt32LE((entry.options.mode << 16) >>> 0, 38);
    record.writeUInt32LE(zip64 ? MARK32 : entry.offset, 42);
    return Buffer.concat([record, entry.name, extra]);
  }

  private async write(bytes: Buffer): Promise<void> {
    this.onWrite(bytes);
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.out.write(bytes, done, bytes.length - done, null);
      done += bytesWritten;
    }
    this.position += bytes.length;
  }
}

/** DOS date and time in local time, clamped to what DOS can say (as yazl and every zip tool). */
function dosDateTime(d: Date): { date: number; time: number } {
  const min = new Date(1980, 0, 1);
  const max = new Date(2107, 11, 31, 23, 59, 58);
  const t = d < min ? min : d > max ? max : d;
  return {
    date: (t.getDate() & 0x1f) | (((t.getMonth() + 1) & 0xf) << 5) | (((t.getFullYear() - 1980) & 0x7f) << 9),
    time: Math.floor(t.getSeconds() / 2) | ((t.getMinutes() & 0x3f) << 5) | ((t.getHours() & 0x1f) << 11),
  };
}
