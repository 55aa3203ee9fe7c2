import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupRefusal } from '../../../shared/backup/messages';
import { backupIdPattern } from '../../../shared/backup/schema';
import { AppError } from '../../../shared/ipc/result';
import { sha256OfFile } from '../evidence/hash';
import { backupsDirIn, databaseCopyName, hashNamedBy, readManifest, type BackupManifest } from './manifest';

export interface VerifiedBackup {
  dir: string;
  manifest: BackupManifest;
}

/** The folder of a backup that exists (an id that names no finished backup is "not found"). */
export function backupDirOf(dataDir: string, id: string): string {
  const dir = path.join(backupsDirIn(dataDir), id);
  if (!backupIdPattern.test(id) || !fs.existsSync(dir)) throw new AppError('not-found', backupRefusal('notFound', { id }));
  return dir;
}

/**
 * Everything a restore relies on, checked before anything changes: the manifest; the database copy's
 * checksum, SQLite's integrity check, its schema (not from a newer app) and its change-log head; and
 * every evidence file and report re-hashed against its name. Any failure refuses the backup whole.
 */
export async function verifyBackup(dataDir: string, id: string, latestSchema: number): Promise<VerifiedBackup> {
  const dir = backupDirOf(dataDir, id);
  const manifest = readManifest(dir);
  if (manifest === null) throw damaged('damagedManifest');
  if (manifest.schemaVersion > latestSchema)
    throw new AppError('conflict', backupRefusal('newer', { found: manifest.schemaVersion, latest: latestSchema }));

  const copy = path.join(dir, databaseCopyName);
  const sha = await sha256OfFile(copy).catch(() => null);
  if (sha !== manifest.database.sha256 || !databaseCopyIsSound(copy, manifest)) throw damaged('damagedDatabase');

  for (const f of manifest.files) {
    const actual = await sha256OfFile(path.join(dir, f.path)).catch(() => null);
    if (hashNamedBy(f.path) !== f.sha256 || actual !== f.sha256) throw damaged('damagedFile', { file: f.path });
  }
  return { dir, manifest };
}

function databaseCopyIsSound(file: string, manifest: BackupManifest): boolean {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') return false;
    if (db.pragma('user_version', { simple: true }) !== manifest.schemaVersion) return false;
    if (manifest.changeLog.count === 0) return true;
    const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM change_log ORDER BY seq DESC LIMIT 1').get();
    return last?.seq === manifest.changeLog.count && last.hash === manifest.changeLog.hash;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function damaged(key: 'damagedManifest' | 'damagedDatabase' | 'damagedFile', params: Record<string, string> = {}): AppError {
  return new AppError('io', backupRefusal(key, params));
}
