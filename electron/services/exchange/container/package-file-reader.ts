import fs from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

const WINDOW_BYTES = 256 * 1024;
const outside = () => new Error('unexpected EOF: the range lies outside the file');

/**
 * The one descriptor everything in a package is read through, so every read sees the same file.
 * Unlike yauzl's own file reader:
 * - Every read is checked to lie inside the file. A hostile zip64 record can hold an offset beyond
 *   2^53, which fs.read rejects by throwing outside any callback: with yauzl's reader that ends the
 *   whole process (seen in the byte-flipping test).
 * - The descriptor is closed here only, once no read is in flight (a destroyed entry stream may still
 *   have one). Entry streams are plain positional reads, not Node file streams: those close their
 *   descriptor when destroyed, even with autoClose off, under the other readers of the package or,
 *   once the number is reused, another file's.
 * - Small header reads come from a window read ahead (see headerRead).
 */
export class PackageFileReader extends yauzl.RandomAccessReader {
  private pending = 0;
  private window: { start: number; bytes: Buffer } | null = null;
  private closing: (() => void) | null = null;

  constructor(
    readonly fd: number,
    readonly size: number,
  ) {
    super();
  }

  inside(start: number, end: number): boolean {
    return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end <= this.size;
  }

  /** Reads into `buffer` at `position`; resolves with the bytes read (fewer at the end of the file). */
  readInto(buffer: Buffer, position: number): Promise<number> {
    return new Promise((resolve, reject) =>
      this.headerRead(buffer, 0, buffer.length, position, (err, n) => (err ? reject(err) : resolve(n))),
    );
  }

  override _readStreamForRange(start: number, end: number): Readable {
    let position = start;
    const stream: Readable = new Readable({
      // A megabyte per read: a gigabyte of evidence is a thousand reads and buffers to collect, not sixteen thousand.
      highWaterMark: 1024 * 1024,
      read: (size) => {
        const length = Math.min(size, end - position);
        if (length <= 0) return void stream.push(null);
        const buffer = Buffer.allocUnsafe(length);
        this.pread(buffer, 0, length, position, (err, n) => {
          if (stream.destroyed) return;
          if (err || n === 0) return void stream.destroy(err ?? outside());
          position += n;
          stream.push(buffer.subarray(0, n));
        });
      },
    });
    if (!this.inside(start, end)) setImmediate(() => stream.destroy(outside()));
    return stream;
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    this.headerRead(buffer, offset, length, position, callback as (err: Error | null, n: number) => void);
  }

  /**
   * Headers and directory records are small and read in file order, one after another: they are
   * served from a window read ahead, so 100,000 entries cost a few hundred reads, not 300,000.
   */
  private headerRead(buffer: Buffer, offset: number, length: number, position: number, done: (err: Error | null, n: number) => void): void {
    const serve = () => {
      const from = position - (this.window?.start ?? 0);
      const n = this.window ? Math.max(0, Math.min(length, this.window.bytes.length - from)) : 0;
      if (n > 0) this.window?.bytes.copy(buffer, offset, from, from + n);
      setImmediate(() => done(null, n));
    };
    const w = this.window;
    if (w && position >= w.start && position + length <= w.start + w.bytes.length) return serve();
    if (length > WINDOW_BYTES || !this.inside(position, position)) return this.pread(buffer, offset, length, position, done);
    const bytes = Buffer.allocUnsafe(Math.min(WINDOW_BYTES, this.size - position));
    this.pread(bytes, 0, bytes.length, position, (err, n) => {
      if (err) return done(err, 0);
      this.window = { start: position, bytes: bytes.subarray(0, n) };
      serve();
    });
  }

  override close(callback: (err: Error | null) => void): void {
    const close = () => fs.close(this.fd, callback);
    if (this.pending === 0) close();
    else this.closing = close;
  }

  private pread(buffer: Buffer, offset: number, length: number, position: number, done: (err: Error | null, n: number) => void): void {
    if (!this.inside(position, position + length)) {
      setImmediate(() => done(outside(), 0));
      return;
    }
    this.pending += 1;
    fs.read(this.fd, buffer, offset, length, position, (err, n) => {
      this.pending -= 1;
      if (this.pending === 0 && this.closing) this.closing();
      done(err, n);
    });
  }
}
