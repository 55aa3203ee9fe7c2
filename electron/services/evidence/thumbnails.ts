import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { evidenceMediaTypes, type EvidenceMediaType } from '../../../shared/evidence/media-types';
import { newId } from '../support/ids';
import { ensurePrivateDir, privateFileMode } from '../support/private-files';
import type { EvidenceStore } from './evidence-store';
import { Limiter } from './limiter';

export const THUMBNAIL_SIZE = 256;

// sharp keeps recently read files open by default; on Windows an open file cannot be deleted or
// replaced, which would block removing evidence. Thumbnails are cached on disk instead.
sharp.cache({ files: 0 });

/**
 * Small WebP previews of image evidence, made once per file content and cached as
 * `<store>/thumbs/<sha256>.webp`. sharp works in libuv's thread pool and reads the photo from disk,
 * so a 20 MB photo never blocks the services or passes through JavaScript; at most two are made at
 * once, so opening an assessment with hundreds of photos does not flood the machine.
 */
export class Thumbnails {
  readonly dir: string;
  private readonly inFlight = new Map<string, Promise<Buffer | null>>();
  private readonly limiter = new Limiter(2);

  constructor(private readonly store: EvidenceStore) {
    this.dir = path.join(store.root, 'thumbs');
    ensurePrivateDir(this.dir);
    // A preview interrupted while it was written is made again when next asked for.
    for (const name of fs.readdirSync(this.dir)) if (name.endsWith('.part')) fs.rmSync(path.join(this.dir, name), { force: true });
  }

  pathOf(hash: string): string {
    // pathOf validates the hash: nothing but 64 hex digits ever becomes part of a path.
    return path.join(this.dir, `${path.basename(this.store.pathOf(hash))}.webp`);
  }

  /** The cached preview, made now if needed; null for non-images and files that are missing, altered or unreadable. */
  async get(hash: string, mediaType: EvidenceMediaType): Promise<Buffer | null> {
    if (evidenceMediaTypes[mediaType] !== 'image') return null;
    const file = this.pathOf(hash);
    try {
      return await fs.promises.readFile(file);
    } catch {
      // Not made yet.
    }
    let pending = this.inFlight.get(hash);
    if (pending === undefined) {
      pending = this.limiter.run(() => this.make(hash, file)).finally(() => this.inFlight.delete(hash));
      this.inFlight.set(hash, pending);
    }
    return pending;
  }

  /** Starts making previews in the background (after an attach), so the cards show them at once. */
  prefetch(files: readonly { sha256: string; mediaType: EvidenceMediaType }[]): void {
    for (const f of files) void this.get(f.sha256, f.mediaType).catch(() => null);
  }

  /** Drops a preview whose file is gone. */
  async remove(hash: string): Promise<void> {
    await fs.promises.rm(this.pathOf(hash), { force: true });
  }

  private async make(hash: string, file: string): Promise<Buffer | null> {
    // A preview must show the file the hash promises, never an altered copy.
    if ((await this.store.check(hash)) !== 'intact') return null;
    let preview: Buffer;
    try {
      preview = await sharp(this.store.pathOf(hash), { limitInputPixels: 200_000_000, sequentialRead: true })
        .rotate() // upright, as the camera's orientation tag says
        .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 72 })
        .toBuffer();
    } catch {
      return null;
    }
    const temp = path.join(this.dir, `.${newId()}.part`);
    try {
      await fs.promises.writeFile(temp, preview, { mode: privateFileMode });
      await fs.promises.rename(temp, file);
    } catch {
      await fs.promises.rm(temp, { force: true });
    }
    return preview;
  }
}
