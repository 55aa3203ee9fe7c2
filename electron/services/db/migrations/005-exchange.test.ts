import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { migrate } from '../migrate';
import { migrations } from '.';

const at = '2026-03-10T09:00:00.000Z';
const P = 'cd'.repeat(32);

function migratedTo(version: number) {
  const dir = tempDir();
  const file = path.join(dir, 'app.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, version), { backupDir: dir, databasePath: file });
  return { db, dir, file };
}

describe('migration 005: imported packages', () => {
  it('adds the tables to a version-4 database and keeps its change log', () => {
    const { db, dir, file } = migratedTo(4);
    db.prepare(
      `INSERT INTO change_log (id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash)
       VALUES ('e1', ?, 'a', 'A', 'institution', 'i1', 'create', '{}', '0', 'h1')`,
    ).run(at);
    migrate(db, migrations.slice(0, 5), { backupDir: dir, databasePath: file });
    expect(db.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(5);
  });

  it('keeps imported change-log entries append-only', () => {
    const { db } = migratedTo(5);
    db.prepare(
      `INSERT INTO imported_packages (package_id, file_name, kind, created_at, app_version, signer_name, signer_fingerprint,
         signer_trust, change_log_head, change_log_count, summary, imported_at, imported_by)
       VALUES (?, 'a.tvetpkg', 'assessments', ?, '0.1.0', 'R', 'fp', 'self-signed', 'h', 3, '{}', ?, 'me')`,
    ).run(P, at, at);
    db.prepare(
      `INSERT INTO imported_change_log (id, package_id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash)
       VALUES ('e1', ?, ?, 'a', 'A', 'institution', 'i1', 'create', '{}', '0', 'h1')`,
    ).run(P, at);
    expect(() => db.prepare(`UPDATE imported_change_log SET payload = '{"x":1}'`).run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM imported_change_log').run()).toThrow(/never deleted/);
    expect(() => db.prepare(`UPDATE imported_packages SET file_name = 'b'`).run()).toThrow(/never changed/);
  });
});
