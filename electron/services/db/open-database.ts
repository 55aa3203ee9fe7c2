import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate, refuseNewerDatabase, type MigrationReport } from './migrate';
import { migrations } from './migrations';
import { createPrivateFile, ensurePrivateDir, restrictFile } from '../support/private-files';
import { storageRefusalIn } from '../support/storage-errors';

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  migration: MigrationReport;
}

/**
 * The one way the app opens its database. Pragmas are chosen for a laptop that loses power in the field:
 * WAL keeps readers and the writer apart, synchronous=FULL makes every committed rating durable before
 * the call returns, and foreign keys are enforced by SQLite rather than trusted to the code.
 */
export function openDatabase(
  filePath: string,
  options: { backupDir?: string; backup?: (db: Db, from: number) => string } = {},
): OpenedDatabase {
  // The file is made (or closed) for its owner only before SQLite opens it: SQLite gives its -wal and
  // -shm files the database file's mode, so they follow whatever the umask.
  ensurePrivateDir(path.dirname(filePath));
  createPrivateFile(filePath);
  for (const suffix of ['-wal', '-shm']) restrictFile(`${filePath}${suffix}`);
  let db: Db;
  try {
    db = new Database(filePath);
  } catch (error) {
    throw storageRefusalIn(path.dirname(filePath), error) ?? error;
  }
  try {
    refuseNewerDatabase(db, migrations.length);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const migration = migrate(db, migrations, {
      backupDir: options.backupDir ?? path.join(path.dirname(filePath), 'backups'),
      databasePath: filePath,
      backup: options.backup,
    });
    return { db, migration };
  } catch (error) {
    db.close();
    // A full or read-only disk says so (the file is as it was: migrations run in one transaction).
    throw storageRefusalIn(path.dirname(filePath), error) ?? error;
  }
}
