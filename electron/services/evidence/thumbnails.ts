import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { evidenceMediaTypes, type EvidenceMediaType } from '../../../shared/evidence/media-types';
import { newId } from '../support/ids';
import { ensurePrivateDir, privateFileMode } from '../support/private-files';
import type { EvidenceStore } from './evidence-store';
import { Limiter } from './limiter';

export const THUMBNAIL_SIZE = 256;

/**
 * Report-sized copies of a photo, as JPEG: Chromium's PDF writer embeds JPEG bytes as they are, so the
 * signed PDF carries these files rather than re-encoded pixels. 480 px is sharp at the ~40 mm a photo
 * takes beside its finding; 1200 px is about 280 dpi at the annex's 80 mm photo height — more than
 * paper shows, and half the bytes (and a little over half the decoded pixels) of 1600 px, which is what
 * keeps a 200-photo report's PDF and the printer's memory small. A 5 MB camera original is never put
 * into the report itself.
 */
export const REPORT_IMAGE_SIZES = { finding: 480, annex: 1200 } as const;

/** JPEG quality of the copies: at print size 78 shows no artefacts, and every point more costs bytes in every report. */
export const REPORT_IMAGE_QUALITY = { finding: 78, annex: 78 } as const;

export interface ReportImages {
  finding: Buffer;
  annex: Buffer;
}

/** The same copies as paths of the cached files. */
export interface ReportImageFiles {
  finding: string;
  annex: string;
}

/** A cached copy's name says its size, so a copy made at another size by an older version is never used. */
const reportCopyName = /^[0-9a-f]{64}\.(finding|annex)(\d+)?\.jpg$/;

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
  private readonly reportInFlight = new Map<string, Promise<ReportImages | null>>();
  private readonly limiter = new Limiter(2);

  constructor(private readonly store: EvidenceStore) {
    this.dir = path.join(store.root, 'thumbs');
    ensurePrivateDir(this.dir);
    // A preview interrupted while it was written is made again when next asked for.
    for (const name of fs.readdirSync(this.dir))
      if (name.endsWith('.part') || staleReportCopy(name)) fs.rmSync(path.join(this.dir, name), { force: true });
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

  /**
   * The report-sized copies of a photo (see REPORT_IMAGE_SIZES), made once per file content and cached
   * beside the previews as `<sha256>.finding480.jpg` and `<sha256>.annex1200.jpg`, so signing a report again
   * reads two small files per photo instead of decoding the originals. Null for non-images and for files
   * that are missing, altered or unreadable.
   */
  async report(hash: string, mediaType: EvidenceMediaType): Promise<ReportImages | null> {
    if (evidenceMediaTypes[mediaType] !== 'image') return null;
    const files = { finding: this.reportPathOf(hash, 'finding'), annex: this.reportPathOf(hash, 'annex') };
    try {
      const [finding, annex] = await Promise.all([fs.promises.readFile(files.finding), fs.promises.readFile(files.annex)]);
      return { finding, annex };
    } catch {
      // Not made yet (or only half of it).
    }
    let pending = this.reportInFlight.get(hash);
    if (pending === undefined) {
      pending = this.limiter.run(() => this.makeReport(hash, files)).finally(() => this.reportInFlight.delete(hash));
      this.reportInFlight.set(hash, pending);
    }
    return pending;
  }

  /**
   * The copies as files, made now if needed (the printer loads them from disk: they never pass through
   * JavaScript). Null as for report().
   */
  async reportFiles(hash: string, mediaType: EvidenceMediaType): Promise<ReportImageFiles | null> {
    if (evidenceMediaTypes[mediaType] !== 'image') return null;
    const files = { finding: this.reportPathOf(hash, 'finding'), annex: this.reportPathOf(hash, 'annex') };
    if (await bothExist(files)) return files;
    if ((await this.report(hash, mediaType)) === null) return null;
    // Made, but keeping them may have failed (a full disk): then the photo is missing rather than the print failing.
    return (await bothExist(files)) ? files : null;
  }

  reportPathOf(hash: string, size: keyof typeof REPORT_IMAGE_SIZES): string {
    return path.join(this.dir, `${path.basename(this.store.pathOf(hash))}.${size}${REPORT_IMAGE_SIZES[size]}.jpg`);
  }

  /**
   * Starts making previews in the background (after an attach), so the cards show them at once; then the
   * report-sized copies, so that signing a report with hundreds of photos does not wait for them.
   */
  prefetch(files: readonly { sha256: string; mediaType: EvidenceMediaType }[]): void {
    for (const f of files) void this.get(f.sha256, f.mediaType).catch(() => null);
    for (const f of files) void this.report(f.sha256, f.mediaType).catch(() => null);
  }

  /** Drops a preview whose file is gone. */
  async remove(hash: string): Promise<void> {
    await fs.promises.rm(this.pathOf(hash), { force: true });
    await fs.promises.rm(this.reportPathOf(hash, 'finding'), { force: true });
    await fs.promises.rm(this.reportPathOf(hash, 'annex'), { force: true });
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
    await this.keep(file, preview);
    return preview;
  }

  /**
   * One integrity check and one decode of the original (at the annex size: libjpeg shrinks while it
   * decodes); the finding copy is made from the annex copy, which is far cheaper than the original.
   */
  private async makeReport(hash: string, files: Record<keyof ReportImages, string>): Promise<ReportImages | null> {
    if ((await this.store.check(hash)) !== 'intact') return null;
    let images: ReportImages;
    try {
      const annex = await sharp(this.store.pathOf(hash), { limitInputPixels: 200_000_000, sequentialRead: true })
        .rotate()
        .resize({ width: REPORT_IMAGE_SIZES.annex, height: REPORT_IMAGE_SIZES.annex, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' }) // a transparent PNG prints on white paper
        .jpeg({ quality: REPORT_IMAGE_QUALITY.annex })
        .toBuffer();
      const finding = await sharp(annex)
        .resize({ width: REPORT_IMAGE_SIZES.finding, height: REPORT_IMAGE_SIZES.finding, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: REPORT_IMAGE_QUALITY.finding })
        .toBuffer();
      images = { finding, annex };
    } catch {
      return null;
    }
    await this.keep(files.annex, images.annex);
    await this.keep(files.finding, images.finding);
    return images;
  }

  /** Written beside, then renamed into place: a half-written copy never stands under the final name. */
  private async keep(file: string, bytes: Buffer): Promise<void> {
    const temp = path.join(this.dir, `.${newId()}.part`);
    try {
      await fs.promises.writeFile(temp, bytes, { mode: privateFileMode });
      await fs.promises.rename(temp, file);
    } catch {
      await fs.promises.rm(temp, { force: true });
    }
  }
}

async function bothExist(files: ReportImageFiles): Promise<boolean> {
  try {
    await Promise.all([fs.promises.access(files.finding), fs.promises.access(files.annex)]);
    return true;
  } catch {
    return false;
  }
}

/** A report-sized copy made at a size this version no longer uses (e.g. `<sha256>.annex.jpg` at 1600 px). */
function staleReportCopy(name: string): boolean {
  const match = reportCopyName.exec(name);
  if (!match) return false;
  const size = match[1] as keyof typeof REPORT_IMAGE_SIZES;
  return match[2] !== String(REPORT_IMAGE_SIZES[size]);
}
