import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../audit/verify-audit-trail';
import { tempDir } from '../../test-support/temp-dir';
import { migrate } from '../migrate';
import { auditTrailSchema } from './007-audit-trail';
import { migrations } from './index';

const at = '2026-03-10T09:00:00.000Z';
const upTo6 = migrations.slice(0, 6);
// Migration 7 on top of what shipped before it (later migrations have their own tests).
const upTo7 = [...upTo6, auditTrailSchema];

/** A version-6 database with records written before the change log vouched for record contents. */
function seedAtVersion6(institutions = 1) {
  const dir = tempDir();
  const file = path.join(dir, 'app.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, upTo6, { backupDir: dir, databasePath: file });
  const institution = db.prepare(
    `INSERT INTO institutions (id, name_en, registration_body, type, division, district, created_at, created_by, updated_at, updated_by)
     VALUES (?, 'Sylhet TTC', 'NSDA', 'technical-training-centre', 'sylhet', 'Sylhet', ?, 'me', ?, 'me')`,
  );
  db.transaction(() => {
    for (let i = 0; i < institutions; i++) institution.run(i === 0 ? 'inst' : `inst-${i}`, at, at);
  })();
  db.prepare(
    `INSERT INTO framework_versions (id, framework_id, version, title_en, content_hash, content, criteria, source, imported_at, imported_by)
     VALUES ('fv', 'bd-eu-tvet', '1.0.0', 'T', 'hash', '{}', 106, 'bundled', ?, 'me')`,
  ).run(at);
  db.prepare(
    `INSERT INTO assessments (id, kind, status, institution_id, framework_version_id, framework_id, framework_version,
       framework_content_hash, programmes, team, created_at, created_by, updated_at, updated_by)
     VALUES ('a1', 'inspection', 'draft', 'inst', 'fv', 'bd-eu-tvet', '1.0.0', 'hash', '[]', '[]', ?, 'me', ?, 'me')`,
  ).run(at, at);
  db.prepare(`INSERT INTO ratings (assessment_id, criterion_id, rating, updated_at, updated_by) VALUES ('a1', 'IF-03', 2, ?, 'me')`).run(
    at,
  );
  return { db, dir, file };
}

function upgraded(institutions = 1) {
  const seeded = seedAtVersion6(institutions);
  const report = migrate(seeded.db, upTo7, { backupDir: path.join(seeded.dir, 'backups'), databasePath: seeded.file });
  return { ...seeded, report };
}

describe('migration 007: the audit trail vouches for record contents', () => {
  it('logs the state of every record already there once, so that every record is covered from the upgrade on', () => {
    const { db, report } = upgraded();
    expect(report).toMatchObject({ from: 6, to: 7 });
    const baseline = db.prepare("SELECT actor_name, action, payload FROM change_log WHERE entity = 'audit-trail'").all() as {
      action: string;
      payload: string;
    }[];
    expect(baseline).toHaveLength(1);
    expect(baseline[0]).toMatchObject({ action: 'baseline', actor_name: 'TVET Inspector (upgrade to schema 7)' });
    expect(Object.keys((JSON.parse(baseline[0]!.payload) as { written: object }).written).sort()).toEqual([
      'assessments',
      'framework_versions',
      'institutions',
      'ratings',
    ]);
    expect(verifyAuditTrail(db)).toMatchObject({ intact: true, breaks: [], triggers: [], records: { checked: 4, problems: [] } });
    // After the upgrade, a change made with SQL is named.
    db.prepare("UPDATE ratings SET rating = 3 WHERE assessment_id = 'a1'").run();
    expect(verifyAuditTrail(db).records.problems).toEqual([
      expect.objectContaining({
        table: 'ratings',
        key: ['a1', 'IF-03', ''],
        problem: 'changed',
        loggedIn: expect.objectContaining({ action: 'baseline' }),
      }),
    ]);
  });

  it('makes the change log append-only', () => {
    const { db } = upgraded();
    expect(() => db.prepare("UPDATE change_log SET actor_name = 'x'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/never deleted/);
  });

  it('spreads a large baseline over entries of at most 2,000 records', () => {
    const { db } = upgraded(2500);
    const entries = db.prepare<[], string>("SELECT payload FROM change_log WHERE entity = 'audit-trail' ORDER BY seq").pluck().all();
    const sizes = entries.map((p) =>
      Object.values((JSON.parse(p) as { written: Record<string, unknown[]> }).written).reduce((n, rows) => n + rows.length, 0),
    );
    expect(sizes).toEqual([2000, 503]);
    expect(verifyAuditTrail(db).intact).toBe(true);
  });

  it('writes nothing to the change log of a new, empty database', () => {
    const dir = tempDir();
    const file = path.join(dir, 'app.db');
    const db = new Database(file);
    migrate(db, upTo7, { backupDir: dir, databasePath: file });
    expect(db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_log_%' ORDER BY name").pluck().all(),
    ).toEqual(['change_log_no_delete', 'change_log_no_update']);
  });
});
