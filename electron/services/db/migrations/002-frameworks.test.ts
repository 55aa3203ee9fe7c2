import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { migrate } from '../migrate';
import { initialSchema } from './001-initial';
import { frameworksSchema } from './002-frameworks';

describe('migration 002: framework versions', () => {
  it('upgrades a version-1 database, keeps its rows, and makes framework versions immutable', () => {
    const dir = tempDir();
    const file = path.join(dir, 'app.db');
    const db = new Database(file);
    migrate(db, [initialSchema], { backupDir: dir, databasePath: file });
    db.prepare("INSERT INTO settings VALUES ('language', '\"bn\"')").run();
    const report = migrate(db, [initialSchema, frameworksSchema], { backupDir: path.join(dir, 'backups'), databasePath: file });
    expect(report).toMatchObject({ from: 1, to: 2 });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'language'").pluck().get()).toBe('"bn"');
    const insert = db.prepare(
      `INSERT INTO framework_versions (id, framework_id, version, title_en, content_hash, content, criteria, source, imported_at, imported_by)
       VALUES (?, 'fw', ?, 'T', 'h', '{}', 1, 'test', 'now', 'me')`,
    );
    insert.run('a', '1.0.0');
    expect(() => insert.run('b', '1.0.0')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE framework_versions SET title_en = 'x'").run()).toThrow(/immutable/);
    db.close();
  });
});
