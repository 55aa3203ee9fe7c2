import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/result';
import { createPrivateFile, ensurePrivateDir } from '../support/private-files';

export interface Migration {
  /** 1-based and contiguous: migration N moves `user_version` from N-1 to N. Never edit a shipped one. */
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

export interface MigrationReport {
  from: number;
  to: number;
  backupPath: string | null;
}

export function currentVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A database from a newer app is refused before anything (even a pragma) writes to the file. */
export function refuseNewerDatabase(db: Database.Database, latest: number): void {
  const found = currentVersion(db);
  if (found > latest) {
    throw new AppError(
      'conflict',
      `This data file was written by a newer version of TVET Inspector (schema ${found}; this version understands up to ${latest}). ` +
        'It has not been changed. Please install the newer version to open it.',
    );
  }
}

/**
 * Applies every pending migration in one transaction, so a failure leaves the file exactly as it was.
 * A database written by a newer app is refused untouched: guessing at a future schema loses data.
 * Before touching an existing database an online backup is written beside it.
 */
export function migrate(
  db: Database.Database,
  all: readonly Migration[],
  options: {
    backupDir: string;
    databasePath: string;
    /** Takes the backup before migrating and returns the path of its database copy (the services' full backup); else a bare `VACUUM INTO` copy. */
    backup?: (db: Database.Database, from: number) => string;
  },
): MigrationReport {
  all.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is not contiguous at ${m.name}`);
  });
  const latest = all.length;
  const from = currentVersion(db);
  refuseNewerDatabase(db, latest);
  if (from === latest) return { from, to: latest, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && options.backup) backupPath = options.backup(db, from);
  else if (from > 0) {
    ensurePrivateDir(options.backupDir);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    backupPath = path.join(options.backupDir, `${path.basename(options.databasePath, '.db')}-v${from}-${stamp}.db`);
    // VACUUM INTO is SQLite's synchronous online copy: consistent, and it needs no event loop turn. It
    // creates its file world-readable, so an empty private file is made first (VACUUM INTO accepts one).
    createPrivateFile(backupPath);
    db.prepare('VACUUM INTO ?').run(backupPath);
  }

  const pending = all.slice(from);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: latest, backupPath };
}
