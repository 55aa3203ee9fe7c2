import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { migrate } from '../migrate';
import { initialSchema } from './001-initial';
import { frameworksSchema } from './002-frameworks';
import { assessmentsSchema } from './003-assessments';

const at = '2025-01-01T00:00:00.000Z';
const A1 = '00000000-0000-4000-8000-0000000000a1';
const A2 = '00000000-0000-4000-8000-0000000000a2';

/** A version-2 database with an institution and a framework version, as shipped before assessments. */
function seedAtVersion2() {
  const dir = tempDir();
  const file = path.join(dir, 'app.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, [initialSchema, frameworksSchema], { backupDir: dir, databasePath: file });
  db.prepare(
    `INSERT INTO institutions (id, name_en, registration_body, type, division, district, created_at, created_by, updated_at, updated_by)
     VALUES ('inst', 'Dhaka TTC', 'BTEB', 'technical-training-centre', 'dhaka', 'Dhaka', ?, 'me', ?, 'me')`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO framework_versions (id, framework_id, version, title_en, content_hash, content, criteria, source, imported_at, imported_by)
     VALUES ('fv', 'bd-eu-tvet', '1.0.0', 'T', 'hash', '{}', 106, 'bundled', ?, 'me')`,
  ).run(at);
  return { db, dir, file };
}

function insertAssessment(db: Database.Database, id: string, status = 'draft') {
  db.prepare(
    `INSERT INTO assessments (id, kind, status, institution_id, framework_version_id, framework_id, framework_version,
       framework_content_hash, programmes, team, finalised_at, score, created_at, created_by, updated_at, updated_by)
     VALUES (?, 'inspection', ?, 'inst', 'fv', 'bd-eu-tvet', '1.0.0', 'hash', '[]', '[]', ?, ?, ?, 'me', ?, 'me')`,
  ).run(id, status, status === 'finalised' ? at : null, status === 'finalised' ? '{}' : null, at, at);
}

const rate = (db: Database.Database, assessment: string, criterion: string, rating: unknown, programme = '') =>
  db
    .prepare(`INSERT INTO ratings (assessment_id, criterion_id, programme_id, rating, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'me')`)
    .run(assessment, criterion, programme, rating, at);

describe('migration 003: assessments', () => {
  it('upgrades a version-2 database and keeps its institutions and framework versions', () => {
    const { db, dir, file } = seedAtVersion2();
    const report = migrate(db, [initialSchema, frameworksSchema, assessmentsSchema], {
      backupDir: path.join(dir, 'backups'),
      databasePath: file,
    });
    expect(report).toMatchObject({ from: 2, to: 3 });
    expect(db.prepare('SELECT name_en FROM institutions').pluck().all()).toEqual(['Dhaka TTC']);
    expect(db.prepare('SELECT id FROM framework_versions').pluck().all()).toEqual(['fv']);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['assessments', 'corrective_actions', 'ratings']));
    db.close();
  });

  it('enforces references, one rating per unit, valid values, and keeps a pinned framework version', () => {
    const { db, dir, file } = seedAtVersion2();
    migrate(db, [initialSchema, frameworksSchema, assessmentsSchema], { backupDir: dir, databasePath: file });
    insertAssessment(db, A1);
    // A version in use cannot be deleted, and an assessment cannot pin a version that does not exist.
    expect(() => db.prepare("DELETE FROM framework_versions WHERE id = 'fv'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE assessments SET framework_version_id = 'missing' WHERE id = ?").run(A1)).toThrow(/FOREIGN KEY/);
    expect(() => insertAssessment(db, A2, 'closed')).toThrow(/CHECK/);

    rate(db, A1, 'GQ-01', 3);
    rate(db, A1, 'CU-01', 'na', 'prog-1');
    rate(db, A1, 'CU-01', 2, 'prog-2');
    expect(() => rate(db, A1, 'GQ-01', 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => rate(db, A1, 'GQ-02', 4)).toThrow(/CHECK/);
    expect(() => rate(db, A1, 'GQ-03', 'yes')).toThrow(/CHECK/);
    expect(() => rate(db, 'no-such-assessment', 'GQ-01', 1)).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT rating FROM ratings WHERE assessment_id = ? ORDER BY criterion_id, programme_id').pluck().all(A1)).toEqual([
      'na',
      2,
      3,
    ]);

    // Only one revision may follow a finalised one.
    insertAssessment(db, A2);
    db.prepare('UPDATE assessments SET previous_revision_id = ? WHERE id = ?').run(A1, A2);
    insertAssessment(db, '00000000-0000-4000-8000-0000000000a3');
    expect(() =>
      db.prepare("UPDATE assessments SET previous_revision_id = ? WHERE id = '00000000-0000-4000-8000-0000000000a3'").run(A1),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('makes SQLite itself refuse every change to a finalised assessment and its ratings', () => {
    const { db, dir, file } = seedAtVersion2();
    migrate(db, [initialSchema, frameworksSchema, assessmentsSchema], { backupDir: dir, databasePath: file });
    insertAssessment(db, A1);
    rate(db, A1, 'GQ-01', 3);
    db.prepare("UPDATE assessments SET status = 'finalised', finalised_at = ?, score = '{}' WHERE id = ?").run(at, A1);

    const refused = /finalised and locked/;
    expect(() => rate(db, A1, 'GQ-02', 1)).toThrow(refused);
    expect(() => db.prepare('UPDATE ratings SET rating = 0 WHERE assessment_id = ?').run(A1)).toThrow(refused);
    expect(() => db.prepare("UPDATE ratings SET note = 'changed later' WHERE assessment_id = ?").run(A1)).toThrow(refused);
    expect(() => db.prepare('DELETE FROM ratings WHERE assessment_id = ?').run(A1)).toThrow(refused);
    expect(() =>
      db
        .prepare(
          `INSERT INTO ratings (assessment_id, criterion_id, programme_id, rating, updated_at, updated_by) VALUES (?, 'GQ-01', '', 0, ?, 'x')
           ON CONFLICT DO UPDATE SET rating = excluded.rating`,
        )
        .run(A1, at),
    ).toThrow(refused);
    expect(() => db.prepare("UPDATE assessments SET status = 'draft', finalised_at = NULL WHERE id = ?").run(A1)).toThrow(refused);
    expect(() => db.prepare('UPDATE assessments SET score = \'{"overallPct":100}\' WHERE id = ?').run(A1)).toThrow(refused);
    expect(() => db.prepare('DELETE FROM assessments WHERE id = ?').run(A1)).toThrow(refused);
    // Moving a rating of a draft into the finalised assessment is refused too.
    insertAssessment(db, A2);
    rate(db, A2, 'GQ-05', 2);
    expect(() => db.prepare('UPDATE ratings SET assessment_id = ? WHERE assessment_id = ?').run(A1, A2)).toThrow(refused);

    expect(db.prepare('SELECT rating, note FROM ratings WHERE assessment_id = ?').all(A1)).toEqual([{ rating: 3, note: '' }]);
    expect(db.prepare('SELECT status FROM assessments WHERE id = ?').pluck().get(A1)).toBe('finalised');
    db.close();
  });

  it('freezes a corrective action once a follow-up has verified and closed it', () => {
    const { db, dir, file } = seedAtVersion2();
    migrate(db, [initialSchema, frameworksSchema, assessmentsSchema], { backupDir: dir, databasePath: file });
    insertAssessment(db, A1);
    db.prepare(
      `INSERT INTO corrective_actions (id, assessment_id, institution_id, criterion_id, finding_class, created_at, created_by, updated_at, updated_by)
       VALUES ('ca', ?, 'inst', 'IF-03', 'major', ?, 'me', ?, 'me')`,
    ).run(A1, at, at);
    expect(() => db.prepare("UPDATE corrective_actions SET status = 'verified-closed' WHERE id = 'ca'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE corrective_actions SET status = 'verified-closed', verified_at = ? WHERE id = 'ca'").run(at);
    expect(() => db.prepare("UPDATE corrective_actions SET owner = 'x' WHERE id = 'ca'").run()).toThrow(/verified and closed/);
    expect(() => db.prepare("DELETE FROM corrective_actions WHERE id = 'ca'").run()).toThrow(/verified and closed/);
    db.close();
  });

  it('has the indexes that keep lists and autosave fast', () => {
    const { db, dir, file } = seedAtVersion2();
    migrate(db, [initialSchema, frameworksSchema, assessmentsSchema], { backupDir: dir, databasePath: file });
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const newestFirst = 'ORDER BY created_at DESC, id DESC';
    expect(plan(`SELECT * FROM assessments ${newestFirst}`)).toMatch(/assessments_created/);
    expect(plan(`SELECT * FROM assessments WHERE institution_id = 'x' ${newestFirst}`)).toMatch(/assessments_institution/);
    expect(plan(`SELECT * FROM assessments WHERE status = 'draft' ${newestFirst}`)).toMatch(/assessments_status/);
    for (const where of ['', "WHERE institution_id = 'x'", "WHERE status = 'draft'"]) {
      expect(plan(`SELECT * FROM assessments ${where} ${newestFirst}`)).not.toMatch(/TEMP B-TREE/);
    }
    expect(plan("SELECT * FROM ratings WHERE assessment_id = 'x'")).toMatch(/USING PRIMARY KEY/);
    expect(plan("SELECT * FROM corrective_actions WHERE institution_id = 'x'")).toMatch(/corrective_actions_institution/);
    db.close();
  });
});
