import fs from 'node:fs';
import path from 'node:path';
import { nameForType } from '../../../shared/evidence/media-types';
import type { EvidenceItem, FileState } from '../../../shared/evidence/schema';
import { AppError } from '../../../shared/ipc/result';
import { newId } from '../support/ids';
import type { EvidenceRepository } from './evidence-repository';
import { itemNotFound } from './evidence-rules';
import type { EvidenceStore } from './evidence-store';
import { safeFileName } from './file-name';
import { sha256OfBytes } from './hash';
import { desktopOnly, type SystemViewer } from './host-adapters';
import { privateTempDir } from './private-temp';
import type { Thumbnails } from './thumbnails';

const keepCopiesMs = 24 * 60 * 60 * 1000;

/**
 * Files go back to the renderer by item id only: the id leads to a hash in the database, and the store
 * builds the path from a validated hash. No request can name a path, so nothing outside the evidence
 * store can be reached.
 */
export class EvidenceViewing {
  constructor(
    private readonly repository: EvidenceRepository,
    private readonly store: EvidenceStore,
    private readonly thumbnails: Thumbnails,
    private readonly viewer: SystemViewer,
    /** Where copies for other programs go; by default a folder of this user's own in the system's temporary folder. */
    private readonly copiesDir: () => Promise<string> = () => privateTempDir('evidence'),
  ) {}

  async thumbnail(itemId: string): Promise<{ thumbnail: { mediaType: 'image/webp'; contentBase64: string } | null }> {
    const item = this.item(itemId);
    const preview = await this.thumbnails.get(item.sha256, item.mediaType);
    return { thumbnail: preview === null ? null : { mediaType: 'image/webp', contentBase64: preview.toString('base64') } };
  }

  /** The file with the result of re-hashing it, so the viewer can warn when it is not what was attached. */
  async content(itemId: string): Promise<{ item: EvidenceItem; state: FileState; contentBase64: string }> {
    const item = this.item(itemId);
    const bytes = await this.read(item);
    const state: FileState = (await sha256OfBytes(bytes)) === item.sha256 ? 'intact' : 'altered';
    return { item, state, contentBase64: bytes.toString('base64') };
  }

  /**
   * Desktop app: a read-only temporary copy, named for what its bytes are (a PDF called "x.exe" opens as
   * "x.pdf"), is handed to the system's program for its type. Only an intact file is handed over. The
   * copy goes to a folder only this user can enter (never a fixed path in the shared temporary folder,
   * which another user could create first or read), and a host that cannot open files (browser host,
   * command line) is refused before any copy is written.
   */
  async openExternal(itemId: string): Promise<{ opened: boolean }> {
    if (this.viewer.available === false) throw desktopOnly();
    const item = this.item(itemId);
    const bytes = await this.read(item);
    if ((await sha256OfBytes(bytes)) !== item.sha256) {
      throw new AppError('conflict', 'This file no longer matches the SHA-256 recorded when it was attached. Run the integrity check.');
    }
    const copies = await this.copiesDir();
    await removeOldCopies(copies);
    const dir = path.join(copies, newId());
    await fs.promises.mkdir(dir, { mode: 0o700 });
    const file = path.join(dir, nameForType(safeFileName(item.originalName), item.mediaType));
    await fs.promises.writeFile(file, bytes, { mode: 0o400, flag: 'wx' });
    await this.viewer.open(file);
    return { opened: true };
  }

  private item(itemId: string): EvidenceItem {
    const item = this.repository.item(itemId);
    if (item === undefined) throw itemNotFound();
    return item;
  }

  private async read(item: EvidenceItem): Promise<Buffer> {
    try {
      return await this.store.read(item.sha256);
    } catch {
      throw new AppError('not-found', `The file of “${item.originalName}” is missing from the evidence store. Run the integrity check.`);
    }
  }
}

// Copies are kept a day (the program may still have one open), then cleared the next time one is made.
async function removeOldCopies(openCopiesDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.promises.readdir(openCopiesDir);
  } catch {
    return;
  }
  const cutoff = Date.now() - keepCopiesMs;
  for (const name of entries) {
    const dir = path.join(openCopiesDir, name);
    try {
      if ((await fs.promises.stat(dir)).mtimeMs < cutoff) {
        for (const f of await fs.promises.readdir(dir)) await fs.promises.chmod(path.join(dir, f), 0o600);
        await fs.promises.rm(dir, { recursive: true, force: true });
      }
    } catch {
      // Still open elsewhere (Windows), or already gone: try again next time.
    }
  }
}
