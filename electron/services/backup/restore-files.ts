import fs from 'node:fs';
import path from 'node:path';
import { changeLogHeadFileIn, readChangeLogHead, writeChangeLogHead } from '../audit/change-log-head-file';
import { newId } from '../support/ids';
import { databasePathIn } from '../support/data-dir';
import { createPrivateFile, ensurePrivateDir, restrictFile } from '../support/private-files';
import { sha256OfFileSync, syncDirectory, syncFile } from './file-hash';
import { databaseCopyName, type BackupManifest } from './manifest';

/**
 * Puts a verified backup's database in place of the data folder's. Called with the database CLOSED (the
 * services let go of it first). The copy is written beside the database, flushed and checked, and only
 * then renamed over it — one atomic step: a power cut leaves either the old database or the backup's,
 * never half of each. The old -wal and -shm go first: SQLite would otherwise replay the old database's
 * write-ahead log onto the restored one.
 */
export function swapInDatabase(dataDir: string, backupDir: string, manifest: BackupManifest): void {
  const live = databasePathIn(dataDir);
  const incoming = `${live}.restoring`;
  fs.rmSync(incoming, { force: true });
  createPrivateFile(incoming);
  fs.copyFileSync(path.join(backupDir, databaseCopyName), incoming);
  restrictFile(incoming);
  syncFile(incoming);
  if (sha256OfFileSync(incoming) !== manifest.database.sha256) {
    fs.rmSync(incoming, { force: true });
    throw new Error('The database copy changed while it was being restored.');
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${live}${suffix}`, { force: true });
  fs.renameSync(incoming, live);
  syncDirectory(dataDir);
}

/**
 * Evidence files and reports the restored database needs, put back where they are missing or no longer
 * match their hash (files that are fine stay as they are; files the restored database no longer needs
 * are left too: another backup may still refer to them). Each goes through a temporary name and a rename,
 * as the evidence store writes, so a file under its final name is always whole. Returns how many.
 */
export function putBackFiles(dataDir: string, backupDir: string, manifest: BackupManifest): number {
  let putBack = 0;
  for (const f of manifest.files) {
    const source = path.join(backupDir, f.path);
    const target = path.join(dataDir, f.path);
    if (isIntact(target, source, f.sha256)) continue;
    ensurePrivateDir(path.dirname(target));
    const temp = path.join(path.dirname(target), `.${newId()}.restoring`);
    try {
      try {
        fs.linkSync(source, temp);
      } catch {
        fs.copyFileSync(source, temp, fs.constants.COPYFILE_EXCL);
        restrictFile(temp);
        syncFile(temp);
      }
      fs.renameSync(temp, target);
    } finally {
      fs.rmSync(temp, { force: true });
    }
    putBack += 1;
  }
  return putBack;
}

function isIntact(target: string, source: string, sha256: string): boolean {
  try {
    const [t, s] = [fs.statSync(target), fs.statSync(source)];
    // The same file (a hard link): the backup's copy was just verified, so this one is good too.
    if (t.ino === s.ino && t.dev === s.dev) return true;
    return sha256OfFileSync(target) === sha256;
  } catch {
    return false;
  }
}

/**
 * The head file must name the restored log's newest entry: the one beside the database still names the
 * replaced log's, which `audit verify` would read as entries deleted or an older database put back.
 * A backup with an empty log (made before the first change) leaves no head file, as a new folder has none.
 */
export function rewriteChangeLogHead(dataDir: string, head: { count: number; hash: string }): void {
  const file = changeLogHeadFileIn(dataDir);
  if (head.count === 0) {
    fs.rmSync(file, { force: true });
    return;
  }
  // Replaced whole (not overwritten in place): the write must not fail silently as the commit-time one may.
  const temp = `${file}.restoring`;
  fs.rmSync(temp, { force: true });
  writeChangeLogHead(temp, head);
  const written = readChangeLogHead(temp);
  if (written === null || written === 'unreadable' || written.count !== head.count || written.hash !== head.hash)
    throw new Error('The change-log head file could not be written.');
  fs.renameSync(temp, file);
  syncDirectory(dataDir);
}
