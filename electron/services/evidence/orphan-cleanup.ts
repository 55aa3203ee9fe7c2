import fs from 'node:fs';
import path from 'node:path';
import { isSha256 } from './evidence-store';

export interface OrphanCleanupOptions {
  /** Whether a record (an evidence_files row) refers to this file. */
  isReferenced: (sha256: string) => boolean;
  /**
   * Files changed after this moment (ms since the epoch) are kept: set while another process holds the
   * store, since it may be about to record them. Left out, every unreferenced file goes.
   */
  keepChangedAfter?: number | undefined;
}

/** Relative paths (under the store) of what was removed. */
export interface OrphanCleanupResult {
  files: string[];
  thumbnails: string[];
}

/** How long a file another live process may still record is kept: far longer than any attach or import takes. */
export const orphanGraceMs = 60 * 60 * 1000;

/**
 * Evidence files are stored before the transaction that records them, and deleted after the one that
 * drops their last record, so a process killed in between (a crash, a power cut, a kill during an
 * import) leaves a file no record refers to. It is never evidence — nothing can reach it — so the next
 * start removes it, with its previews. Only what the store itself writes is touched: regular files
 * named by a SHA-256 in `objects/<first two hex>/`, and `thumbs/<sha256>.<kind>`; never a file a record
 * names, never a link, never anything outside the store.
 */
export function removeOrphanedEvidence(storeRoot: string, options: OrphanCleanupOptions): OrphanCleanupResult {
  const removed: OrphanCleanupResult = { files: [], thumbnails: [] };
  const orphaned = (file: string, sha256: string): boolean => {
    if (options.isReferenced(sha256)) return false;
    if (options.keepChangedAfter === undefined) return true;
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    return stat !== undefined && stat.mtimeMs < options.keepChangedAfter;
  };
  const objects = path.join(storeRoot, 'objects');
  for (const prefix of regularEntries(objects, 'directory')) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of regularEntries(path.join(objects, prefix), 'file')) {
      const file = path.join(objects, prefix, name);
      if (!isSha256(name) || !name.startsWith(prefix) || !orphaned(file, name)) continue;
      fs.rmSync(file, { force: true });
      removed.files.push(path.join('objects', prefix, name));
    }
  }
  // Previews and report-sized copies are named after the file they were made from: `<sha256>.webp`, `<sha256>.annex.jpg`.
  const thumbs = path.join(storeRoot, 'thumbs');
  for (const name of regularEntries(thumbs, 'file')) {
    const sha256 = derivedFrom.exec(name)?.[1];
    if (sha256 === undefined || !orphaned(path.join(thumbs, name), sha256)) continue;
    fs.rmSync(path.join(thumbs, name), { force: true });
    removed.thumbnails.push(path.join('thumbs', name));
  }
  return removed;
}

const derivedFrom = /^([0-9a-f]{64})\.[a-z]+(?:\.[a-z]+)?$/;

/** Names of the real files (or folders) in a folder — links are skipped, so nothing outside is ever reached. */
function regularEntries(dir: string, kind: 'file' | 'directory'): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => (kind === 'file' ? e.isFile() : e.isDirectory())).map((e) => e.name);
}
