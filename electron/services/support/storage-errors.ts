import fs from 'node:fs';
import { backupRefusal } from '../../../shared/backup/messages';
import { AppError } from '../../../shared/ipc/result';

// SQLite reports a full disk (or its own page limit) as SQLITE_FULL; Node's file calls as ENOSPC or, past a
// user's quota, EDQUOT. A transaction that hits one is rolled back whole, so what was committed before stays.
const diskFull = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

// A read-only disk (EROFS, a locked SD card), a folder the user may not write (EACCES, EPERM), or SQLite's
// own read-only refusals (SQLITE_READONLY and its extended codes).
const readOnly = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * A full or read-only disk as a clear refusal that says nothing was lost, or null for any other error.
 * The dispatcher, the command line and the backup service all use it, so a save, a backup and a restore
 * say the same thing about the same disk.
 */
export function storageRefusal(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (diskFull.has(code)) return new AppError('io', backupRefusal('diskFull'));
  if (readOnly.has(code) || code.startsWith('SQLITE_READONLY')) return new AppError('io', backupRefusal('readOnly'));
  return null;
}

/**
 * As storageRefusal, and SQLite's "unable to open database file" when the folder it is in cannot be
 * written: a database in WAL mode needs its -wal and -shm files beside it even to be read.
 */
export function storageRefusalIn(dir: string, error: unknown): AppError | null {
  const found = storageRefusal(error);
  if (found !== null || (error as { code?: unknown } | null)?.code !== 'SQLITE_CANTOPEN') return found;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return null;
  } catch (denied) {
    return storageRefusal(denied);
  }
}
