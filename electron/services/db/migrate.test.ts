import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { tempDir } from '../test-support/temp-dir';
import { currentVersion, migrate, type Migration } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open-database';

const createA: Migration = { version: 1, name: 'a', up: (db) => db.exec('CREATE TABLE a (id TEXT PRIMARY KEY)') };
const createB: Migration = { version: 2, name: 'b', up: (db) => db.exec('CREATE TABLE b (id TEXT PRIMARY KEY)') };
const broken: Migration = { version: 2, name: 'broken', up: (db) => db.exec('CREATE TABLE b (id TEXT); SELECT no_such_function();') };

function sha(file: string) {
  return fs.readFileSync(file).toString('base64');
}

describe('opening the database', () => {
  it('sets the pragmas a field laptop needs and applies every migration', () => {
    const file = path.join(tempDir(), 'app.db');
    const { db, migration } = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(migration).toEqual({ from: 0, to: migrations.length, backupPath: null });
    expect(currentVersion(db)).toBe(migrations.length);
    db.close();
  });

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const file = path.join(tempDir(), 'future.db');
    const future = new Database(file);
    future.exec('CREATE TABLE mystery (x)');
    future.pragma(`user_version = ${migrations.length + 5}`);
    future.close();
    const before = sha(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/newer version of TVET Inspector.*has not been changed/s);
    expect(sha(file)).toBe(before);
  });
});

describe('migrate', () => {
  it('takes a backup before upgrading an existing database, then applies what is pending', () => {
    const dir = tempDir();
    const file = path.join(dir, 'app.db');
    const db = new Database(file);
    migrate(db, [createA], { backupDir: path.join(dir, 'backups'), databasePath: file });
    db.prepare('INSERT INTO a VALUES (?)').run('kept');
    const report = migrate(db, [createA, createB], { backupDir: path.join(dir, 'backups'), databasePath: file });
    expect(report.from).toBe(1);
    expect(report.to).toBe(2);
    expect(report.backupPath).not.toBeNull();
    const backup = new Database(report.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT id FROM a').pluck().all()).toEqual(['kept']);
    backup.close();
    db.close();
  });

  it('applies all pending migrations in one transaction: a failure leaves the database as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'app.db');
    const db = new Database(file);
    expect(() => migrate(db, [createA, broken], { backupDir: dir, databasePath: file })).toThrow();
    expect(currentVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual([]);
    db.close();
  });

  it('rejects a migration list with gaps', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'x.db'));
    expect(() => migrate(db, [createB], { backupDir: dir, databasePath: path.join(dir, 'x.db') })).toThrow(/not contiguous/);
    db.close();
  });
});
