import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupReason } from '../../../shared/backup/schema';
import type { Db } from '../db/open-database';
import { genesisHash } from '../db/mutator';
import { createPrivateFile, ensurePrivateDir, restrictFile } from '../support/private-files';
import { storageRefusal } from '../support/storage-errors';
import { sha256OfFileSync, syncDirectory } from './file-hash';
import { backupsDirIn, databaseCopyName, idStamp, writeManifest, type BackupManifest } from './manifest';

export interface BackupTarget {
  dataDir: string;
  reason: BackupReason;
  appVersion: string;
  /** ISO time the backup is made at (the services' clock, so tests can pin it). */
  now: string;
}

/**
 * A backup made synchronously, with SQLite's `VACUUM INTO` (a consistent copy in one statement): for
 * the moment before a migration, which runs while the services are being built and cannot wait for the
 * event loop.
 */
export function backupNow(db: Db, target: BackupTarget): BackupManifest {
  const begun = begin(target);
  return guarded(begun, () => {
    createPrivateFile(begun.databaseCopy);
    db.prepare('VACUUM INTO ?').run(begun.databaseCopy);
    return finish(begun, target);
  });
}

/**
 * An online backup with SQLite's backup API (better-sqlite3's `db.backup()`): it copies the database a
 * few pages per turn of the event loop, so the app keeps answering while it runs, and it restarts by
 * itself when the app writes meanwhile. What it copies is one consistent moment.
 */
export async function backupOnline(db: Db, target: BackupTarget): Promise<BackupManifest> {
  const begun = begin(target);
  try {
    // The backup API opens the destination itself and would create it world-readable under a loose umask.
    createPrivateFile(begun.databaseCopy);
    await db.backup(begun.databaseCopy);
  } catch (error) {
    discard(begun.partial);
    throw storageRefusal(error) ?? error;
  }
  return guarded(begun, () => finish(begun, target));
}

interface Begun {
  id: string;
  partial: string;
  final: string;
  databaseCopy: string;
}

/** A backup is built in `.partial-<id>` and renamed to `<id>` when complete: a folder named by an id is always whole. */
function begin(target: BackupTarget): Begun {
  const dir = backupsDirIn(target.dataDir);
  try {
    ensurePrivateDir(dir);
    const base = `${idStamp(target.now)}-${target.reason}`;
    let id = base;
    for (let n = 2; fs.existsSync(path.join(dir, id)) || fs.existsSync(path.join(dir, `.partial-${id}`)); n++) id = `${base}-${n}`;
    const partial = path.join(dir, `.partial-${id}`);
    fs.mkdirSync(partial, { mode: 0o700 });
    return { id, partial, final: path.join(dir, id), databaseCopy: path.join(partial, databaseCopyName) };
  } catch (error) {
    throw storageRefusal(error) ?? error;
  }
}

function guarded<T>(begun: Begun, work: () => T): T {
  try {
    return work();
  } catch (error) {
    discard(begun.partial);
    throw storageRefusal(error) ?? error;
  }
}

function discard(partial: string): void {
  try {
    fs.rmSync(partial, { recursive: true, force: true });
  } catch {
    // A read-only disk keeps the partial folder; it has no manifest, so nothing lists or restores it.
  }
}

interface CopyFacts {
  schemaVersion: number;
  head: { count: number; hash: string };
  evidence: string[];
}

/** Reads the copy (not the live database): what the backup says about itself is what it holds. */
function inspectCopy(file: string): CopyFacts {
  const copy = new Database(file);
  try {
    // A backup is one self-contained file: no -wal or -shm beside it to lose when it is copied elsewhere.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`The database copy fails SQLite's integrity check: ${String(check)}`);
    const has = (table: string) =>
      copy.prepare<[string], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) === 1;
    const last = has('change_log')
      ? copy.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM change_log ORDER BY seq DESC LIMIT 1').get()
      : undefined;
    return {
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      head: last ? { count: last.seq, hash: last.hash } : { count: 0, hash: genesisHash },
      evidence: has('evidence_files') ? copy.prepare<[], string>('SELECT sha256 FROM evidence_files ORDER BY sha256').pluck().all() : [],
    };
  } finally {
    copy.close();
  }
}

function finish(begun: Begun, target: BackupTarget): BackupManifest {
  const facts = inspectCopy(begun.databaseCopy);
  restrictFile(begun.databaseCopy);
  const wanted = [
    ...facts.evidence.map((sha) => path.posix.join('evidence', 'objects', sha.slice(0, 2), sha)),
    ...signedReports(target.dataDir).map((name) => path.posix.join('reports', name)),
  ];
  const files: BackupManifest['files'] = [];
  const missing: string[] = [];
  for (const rel of wanted) {
    const bytes = placeFile(path.join(target.dataDir, rel), path.join(begun.partial, rel));
    if (bytes === null) missing.push(rel);
    else files.push({ path: rel, sha256: path.basename(rel, '.pdf'), bytes });
  }
  const manifest: BackupManifest = {
    format: 'tvet-inspector-backup',
    formatVersion: 1,
    id: begun.id,
    createdAt: target.now,
    reason: target.reason,
    appVersion: target.appVersion,
    schemaVersion: facts.schemaVersion,
    database: { file: databaseCopyName, bytes: fs.statSync(begun.databaseCopy).size, sha256: sha256OfFileSync(begun.databaseCopy) },
    changeLog: facts.head,
    files,
    missing,
  };
  writeManifest(begun.partial, manifest);
  fs.renameSync(begun.partial, begun.final);
  syncDirectory(path.dirname(begun.final));
  return manifest;
}

/** Signed reports are kept as `<sha256>.pdf`; anything else in the folder is not the app's. */
function signedReports(dataDir: string): string[] {
  try {
    return fs
      .readdirSync(path.join(dataDir, 'reports'))
      .filter((name) => /^[0-9a-f]{64}\.pdf$/.test(name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Evidence files and reports are content-addressed and never rewritten, so the backup hard-links them:
 * a daily backup costs the database copy, not another copy of every photo. Where a link cannot be made
 * (another disk, a file system without hard links) the file is copied. Null when the source is missing.
 */
export function placeFile(source: string, dest: string): number | null {
  ensurePrivateDir(path.dirname(dest));
  try {
    fs.linkSync(source, dest);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !fs.existsSync(source)) return null;
    fs.copyFileSync(source, dest, fs.constants.COPYFILE_EXCL);
    restrictFile(dest);
  }
  return fs.statSync(dest).size;
}

/** The hook `openDatabase` calls when a migration is pending on an existing database: returns the copy's path. */
export function backupBeforeMigration(dataDir: string, appVersion: string, clock: { now(): string }): (db: Db) => string {
  return (db) => {
    const made = backupNow(db, { dataDir, reason: 'before-migration', appVersion, now: clock.now() });
    return path.join(backupsDirIn(dataDir), made.id, made.database.file);
  };
}
