import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { migrate } from '../migrate';
import { initialSchema } from './001-initial';

describe('migration 001: initial schema', () => {
  it('creates the registry, settings and change log with UUID keys and enforced references', () => {
    const dir = tempDir();
    const file = path.join(dir, 'app.db');
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    migrate(db, [initialSchema], { backupDir: dir, databasePath: file });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['change_log', 'institutions', 'programmes', 'settings']);
    const idColumn = db.prepare("SELECT type FROM pragma_table_info('institutions') WHERE name = 'id'").pluck().get();
    expect(idColumn).toBe('TEXT');
    // A programme cannot point at an institution that does not exist.
    expect(() =>
      db
        .prepare(
          `INSERT INTO programmes (id, institution_id, title_en, sector, occupation, isco_code, created_at, created_by, updated_at, updated_by)
           VALUES ('p', 'missing', 't', 'ict', 'o', '2512', 'now', 'me', 'now', 'me')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    // Programme lookups by institution use the index.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM programmes WHERE institution_id = 'x'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/programmes_institution/);
    db.close();
  });
});
