import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import { newId } from '../support/ids';
import { ensurePrivateDir, ensurePrivateDirAsync, privateFileMode } from '../support/private-files';
import { exifDateTaken } from './exif-date';
import { safeFileName } from './file-name';
import { sha256OfBytes, sha256OfFile } from './hash';
import { detectMediaType, type EvidenceMediaType } from './media-type';

export interface StoredEvidenceFile {
  sha256: string;
  size: number;
  mediaType: EvidenceMediaType;
  originalName: string;
  /** From the photo's EXIF when it has one (local time, no zone); otherwise null. */
  takenAt: string | null;
  /** False when the same bytes were already stored (deduplicated). */
  created: boolean;
}

export type FileCheck = 'intact' | 'missing' | 'altered';

export interface EvidenceStoreOptions {
  maxFileBytes: number;
  /** Test hook: runs after the temporary file is written and verified, before the rename. */
  beforeRename?: (tempPath: string) => void;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return sha256Pattern.test(value);
}

/**
 * Content-addressed evidence files: each file is stored once, under its SHA-256, in
 * `<root>/objects/<first two hex>/<hash>`. A file is written to `<root>/tmp`, flushed, read back and
 * re-hashed, and only then renamed into place, so a crash or power cut never leaves a damaged file under
 * its final name. Paths are built from validated hashes only, never from names supplied by a user.
 */
export class EvidenceStore {
  private readonly objects: string;
  private readonly temp: string;

  constructor(
    readonly root: string,
    private readonly options: EvidenceStoreOptions,
  ) {
    this.objects = path.join(root, 'objects');
    this.temp = path.join(root, 'tmp');
    ensurePrivateDir(this.root);
    ensurePrivateDir(this.objects);
    ensurePrivateDir(this.temp);
    // Anything left in tmp was interrupted before it was complete: it was never evidence.
    for (const leftover of fs.readdirSync(this.temp)) fs.rmSync(path.join(this.temp, leftover), { force: true });
  }

  get tempDir(): string {
    return this.temp;
  }

  pathOf(hash: string): string {
    if (!sha256Pattern.test(hash)) throw new AppError('validation', 'This is not an evidence file id.');
    return path.join(this.objects, hash.slice(0, 2), hash);
  }

  /**
   * Stores bytes under their hash (or finds them already stored). `knownSha256` saves hashing twice when
   * the caller has just hashed the bytes; the copy on disk is verified against it all the same.
   */
  async put(bytes: Uint8Array, originalName: string, knownSha256?: string): Promise<StoredEvidenceFile> {
    const name = safeFileName(originalName);
    if (bytes.length === 0) throw new AppError('validation', `“${name}” is empty.`);
    if (bytes.length > this.options.maxFileBytes) {
      throw new AppError('validation', `“${name}” is ${mb(bytes.length)} MB; the limit per file is ${mb(this.options.maxFileBytes)} MB.`);
    }
    const mediaType = detectMediaType(bytes, name);
    if (!mediaType) {
      throw new AppError('validation', `“${name}” is not an allowed evidence type (images, PDF, office documents, text or audio).`);
    }
    const hash = knownSha256 ?? (await sha256OfBytes(bytes));
    const finalPath = this.pathOf(hash);
    const takenAt = mediaType === 'image/jpeg' ? exifDateTaken(bytes) : null;
    if ((await this.check(hash)) === 'intact')
      return { sha256: hash, size: bytes.length, mediaType, originalName: name, takenAt, created: false };

    const tempPath = path.join(this.temp, `${newId()}.part`);
    try {
      const handle = await fs.promises.open(tempPath, 'wx', privateFileMode);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Read back what reached the disk: the hash is the promise the report makes to its reader.
      if ((await sha256OfFile(tempPath)) !== hash) throw new AppError('io', `“${name}” was not written correctly. Nothing was stored.`);
      this.options.beforeRename?.(tempPath);
      await ensurePrivateDirAsync(path.dirname(finalPath));
      await fs.promises.rename(tempPath, finalPath);
      await syncDirectory(path.dirname(finalPath));
    } catch (error) {
      await fs.promises.rm(tempPath, { force: true });
      throw error;
    }
    return { sha256: hash, size: bytes.length, mediaType, originalName: name, takenAt, created: true };
  }

  async read(hash: string): Promise<Buffer> {
    try {
      return await fs.promises.readFile(this.pathOf(hash));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('not-found', 'This evidence file is missing from the evidence store.');
    }
  }

  /** Re-hashes one stored file (read in pieces: checking hundreds of files never holds one whole in memory). */
  async check(hash: string): Promise<FileCheck> {
    let actual: string;
    try {
      actual = await sha256OfFile(this.pathOf(hash));
    } catch {
      return 'missing';
    }
    return actual === hash ? 'intact' : 'altered';
  }

  /** Removes a file no record needs any more; callers decide that (see the evidence service). */
  async remove(hash: string): Promise<void> {
    await fs.promises.rm(this.pathOf(hash), { force: true });
  }
}

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

// On Linux a rename is durable only once its directory is flushed; elsewhere this is a harmless no-op.
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
