import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { megabytes } from '../../../../shared/evidence/refusals';
import type { ManifestEntry, PackageManifest } from '../../../../shared/exchange/manifest';
import type { PackageSigner } from '../../../../shared/exchange/schema';
import { AppError } from '../../../../shared/ipc/result';
import { streamEntry } from './entry-stream';
import { refused } from './refuse';
import { collectInto, discard } from './sinks';
import { closeZipDirectory, type ZipDirectory, type ZipEntryRecord } from './zip-directory';

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Listed {
  record: ZipEntryRecord;
  entry: ManifestEntry;
}

/**
 * A package whose directory, manifest and signature have passed. Entries are read by their manifest
 * path only, and every read checks size and SHA-256 as it streams: a byte changed anywhere in an entry
 * refuses that read, naming the entry.
 */
export class OpenedPackage {
  readonly manifest: PackageManifest;
  /** The exact signed bytes of manifest.json. */
  readonly manifestBytes: Buffer;
  /** SHA-256 (hex) of manifest.json: the package's identity, so the same package is recognised again. */
  readonly packageId: string;
  readonly signer: PackageSigner;
  private closed = false;

  constructor(
    private readonly dir: ZipDirectory,
    opened: { manifest: PackageManifest; manifestBytes: Buffer; packageId: string; signer: PackageSigner },
    private readonly listed: Map<string, Listed>,
  ) {
    this.manifest = opened.manifest;
    this.manifestBytes = opened.manifestBytes;
    this.packageId = opened.packageId;
    this.signer = opened.signer;
  }

  /** Whether the manifest lists this path (optional files, e.g. `data/reports.json`). */
  has(entryPath: string): boolean {
    return this.listed.has(entryPath);
  }

  /** An entry's bytes, verified; refused when it is bigger than `maxBytes` (checked before reading). */
  async readBytes(entryPath: string, maxBytes: number): Promise<Buffer> {
    const { record, entry } = this.find(entryPath);
    if (entry.size > maxBytes)
      throw refused('entryTooLarge', { entry: entry.path, size: megabytes(entry.size, 'up'), limit: megabytes(maxBytes) });
    const { sink, bytes } = collectInto(entry.size);
    await streamEntry(this.dir, record, this.expectation(entry), sink);
    return bytes();
  }

  /** An entry parsed as JSON, after its size and SHA-256 have been checked against the manifest. */
  async readJson(entryPath: string, maxBytes: number): Promise<unknown> {
    const bytes = await this.readBytes(entryPath, maxBytes);
    try {
      return JSON.parse(utf8.decode(bytes));
    } catch {
      throw refused('invalidJson', { entry: entryPath });
    }
  }

  /**
   * Streams an entry to a file the caller chose (an entry's name never becomes a path). The bytes go to
   * a temporary file beside the destination, flushed to disk and renamed over it only once size and
   * SHA-256 have matched; on any failure the temporary file is removed, so nothing is left behind.
   * The destination's folder must exist.
   */
  async extractTo(entryPath: string, destFile: string): Promise<void> {
    const { record, entry } = this.find(entryPath);
    const target = path.resolve(destFile);
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
    let out: fs.WriteStream | null = null;
    try {
      out = fs.createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true });
      await streamEntry(this.dir, record, this.expectation(entry), out);
      if (!out.closed) await once(out, 'close');
      await fs.promises.rename(temp, target);
    } catch (error) {
      // Windows cannot remove a file that is still open: wait for the stream to let go first.
      if (out && !out.closed) await once(out, 'close').catch(() => undefined);
      await fs.promises.rm(temp, { force: true });
      if (error instanceof AppError) throw error;
      throw new AppError('io', `“${entry.path}” could not be written to ${target}: ${(error as Error).message}`);
    }
  }

  /**
   * Reads every entry once, in file order, and checks its size, SHA-256 and CRC and that it is not an
   * archive. Refuses at the first entry that fails, naming it.
   */
  async verifyAll(onProgress?: (doneBytes: number, totalBytes: number) => void): Promise<void> {
    if (this.closed) throw new AppError('internal', 'The package has been closed.');
    const all = [...this.listed.values()].sort((a, b) => a.record.dataStart - b.record.dataStart);
    const total = all.reduce((sum, l) => sum + l.entry.size, 0);
    let done = 0;
    for (const { record, entry } of all) {
      await streamEntry(
        this.dir,
        record,
        {
          ...this.expectation(entry),
          onBytes: (n) => {
            done += n;
            onProgress?.(done, total);
          },
        },
        discard(),
      );
    }
  }

  /** Releases the file (on Windows a package cannot be deleted while it is open). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeZipDirectory(this.dir);
  }

  private find(entryPath: string): Listed {
    if (this.closed) throw new AppError('internal', 'The package has been closed.');
    const found = this.listed.get(entryPath);
    if (!found) throw refused('entryMissing', { entry: entryPath });
    return found;
  }

  private expectation(entry: ManifestEntry) {
    return { size: entry.size, sha256: entry.sha256, officeZipAllowed: entry.path.startsWith('evidence/') };
  }
}
