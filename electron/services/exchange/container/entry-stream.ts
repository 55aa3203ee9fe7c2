import { createHash } from 'node:crypto';
import { Transform, type TransformCallback, type Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { AppError } from '../../../../shared/ipc/result';
import { ARCHIVE_HEAD_BYTES, archiveFormatOf } from './archive-signatures';
import { refused } from './refuse';
import type { ZipDirectory, ZipEntryRecord } from './zip-directory';

export interface EntryExpectation {
  /** The exact number of bytes the entry must unpack to. */
  size: number;
  /** Its SHA-256 (hex), or null for the manifest and its signature, which the signature itself vouches for. */
  sha256: string | null;
  /** Evidence may be a ZIP-based office document (see archive-signatures.ts). */
  officeZipAllowed: boolean;
  onBytes?: (bytes: number) => void;
}

/**
 * Streams one entry into `sink`, unpacking it at most to its expected size and checking on the way:
 * the byte count, SHA-256, the zip's own CRC-32, and that it does not start like an archive. Nothing
 * is held in memory beyond a stream buffer; the sink sees bytes before they are proven, so a sink that
 * writes must discard what it wrote when this rejects (extractTo does).
 */
export async function streamEntry(dir: ZipDirectory, record: ZipEntryRecord, expect: EntryExpectation, sink: Writable): Promise<void> {
  const { raw } = record;
  try {
    const source = await new Promise<Readable>((resolve, reject) =>
      dir.zip.openReadStreamLowLevel(
        record.dataStart,
        raw.compressedSize,
        0,
        raw.compressedSize,
        raw.compressionMethod === 8,
        raw.uncompressedSize,
        (error, stream) => (error ? reject(error) : resolve(stream)),
      ),
    );
    await pipeline(source, new EntryVerifier(record, expect), sink);
  } catch (error) {
    throw streamError(error, record);
  }
}

class EntryVerifier extends Transform {
  private readonly hash = createHash('sha256');
  private crc = 0;
  private count = 0;
  private head: Buffer | null = Buffer.alloc(0);

  constructor(
    private readonly record: ZipEntryRecord,
    private readonly expect: EntryExpectation,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.expect.size) return done(refused('sizeMismatch', { entry: this.record.shown }));
    this.hash.update(chunk);
    this.crc = zlib.crc32(chunk, this.crc);
    if (this.head) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, ARCHIVE_HEAD_BYTES)]);
      if (this.head.length >= ARCHIVE_HEAD_BYTES && !this.headIsHarmless())
        return done(refused('nestedArchive', { entry: this.record.shown }));
    }
    this.expect.onBytes?.(chunk.length);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const entry = this.record.shown;
    if (this.head && !this.headIsHarmless()) return done(refused('nestedArchive', { entry }));
    if (this.count !== this.expect.size) return done(refused('sizeMismatch', { entry }));
    if (this.expect.sha256 !== null && this.hash.digest('hex') !== this.expect.sha256) return done(refused('hashMismatch', { entry }));
    // The SHA-256 matched the manifest, so a different CRC means the zip's own record was altered.
    if (this.crc !== this.record.raw.crc32) return done(refused('entryDamaged', { entry }));
    done();
  }

  private headIsHarmless(): boolean {
    const harmless = archiveFormatOf(this.head ?? Buffer.alloc(0), this.expect.officeZipAllowed) === null;
    this.head = null;
    return harmless;
  }
}

function streamError(error: unknown, record: ZipEntryRecord): AppError {
  if (error instanceof AppError) return error;
  const e = error as NodeJS.ErrnoException;
  const entry = record.shown;
  // yauzl counts unpacked bytes against the declared size and stops at the first one too many.
  if (/too many bytes|not enough bytes/.test(e.message ?? '')) return refused('sizeMismatch', { entry });
  // A failing disk or a destination that cannot be written is not the package's fault.
  if (typeof e.syscall === 'string') return new AppError('io', `“${entry}” could not be read or written: ${e.message}`);
  return refused('entryDamaged', { entry });
}
