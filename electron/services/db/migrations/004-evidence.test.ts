import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { migrate } from '../migrate';
import { initialSchema } from './001-initial';
import { frameworksSchema } from './002-frameworks';
import { assessmentsSchema } from './003-assessments';
import { evidenceSchema } from './004-evidence';

const at = '2026-03-10T09:00:00.000Z';
const A1 = '00000000-0000-4000-8000-0000000000a1';
const A2 = '00000000-0000-4000-8000-0000000000a2';
const I1 = '00000000-0000-4000-8000-0000000000e1';
const I2 = '00000000-0000-4000-8000-0000000000e2';
const H = 'ab'.repeat(32);
const all = [initialSchema, frameworksSchema, assessmentsSchema, evidenceSchema];

/** A version-3 database with a draft assessment and a rating, as shipped before evidence. */
function seedAtVersion3() {
  const dir = tempDir();
  const file = path.join(dir, 'app.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, [initialSchema, frameworksSchema, assessmentsSchema], { backupDir: dir, databasePath: file });
  db.prepare(
    `INSERT INTO institutions (id, name_en, registration_body, type, division, district, created_at, created_by, updated_at, updated_by)
     VALUES ('inst', 'Khulna TTC', 'NSDA', 'technical-training-centre', 'khulna', 'Khulna', ?, 'me', ?, 'me')`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO framework_versions (id, framework_id, version, title_en, content_hash, content, criteria, source, imported_at, imported_by)
     VALUES ('fv', 'bd-eu-tvet', '1.0.0', 'T', 'hash', '{}', 106, 'bundled', ?, 'me')`,
  ).run(at);
  for (const id of [A1, A2]) {
    db.prepare(
      `INSERT INTO assessments (id, kind, status, institution_id, framework_version_id, framework_id, framework_version,
         framework_content_hash, programmes, team, created_at, created_by, updated_at, updated_by)
       VALUES (?, 'inspection', 'draft', 'inst', 'fv', 'bd-eu-tvet', '1.0.0', 'hash', '[]', '[]', ?, 'me', ?, 'me')`,
    ).run(id, at, at);
  }
  db.prepare(`INSERT INTO ratings (assessment_id, criterion_id, rating, updated_at, updated_by) VALUES (?, 'GQ-01', 3, ?, 'me')`).run(
    A1,
    at,
  );
  return { db, dir, file };
}

const addFile = (db: Database.Database, hash = H) =>
  db
    .prepare(`INSERT INTO evidence_files (sha256, size, media_type, first_seen_at, first_seen_by) VALUES (?, 10, 'image/jpeg', ?, 'me')`)
    .run(hash, at);
const addItem = (db: Database.Database, id: string, assessment: string, hash = H) =>
  db
    .prepare(
      `INSERT INTO evidence_items (id, assessment_id, sha256, original_name, evidence_type, attached_at, attached_by, updated_at, updated_by)
       VALUES (?, ?, ?, 'photo.jpg', 'PHOTO', ?, 'me', ?, 'me')`,
    )
    .run(id, assessment, hash, at, at);
const addLink = (db: Database.Database, item: string, assessment: string, criterion: string, programme = '') =>
  db
    .prepare(
      `INSERT INTO evidence_links (evidence_item_id, assessment_id, criterion_id, programme_id, linked_at, linked_by) VALUES (?, ?, ?, ?, ?, 'me')`,
    )
    .run(item, assessment, criterion, programme, at);

function upgraded() {
  const seeded = seedAtVersion3();
  const report = migrate(seeded.db, all, { backupDir: path.join(seeded.dir, 'backups'), databasePath: seeded.file });
  return { ...seeded, report };
}

describe('migration 004: evidence', () => {
  it('upgrades a version-3 database and keeps its assessments and ratings', () => {
    const { db, report } = upgraded();
    expect(report).toMatchObject({ from: 3, to: 4 });
    expect(report.backupPath).not.toBeNull();
    expect(db.prepare('SELECT id FROM assessments ORDER BY id').pluck().all()).toEqual([A1, A2]);
    expect(db.prepare('SELECT rating FROM ratings').pluck().all()).toEqual([3]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'evidence%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['evidence_files', 'evidence_items', 'evidence_links']);
    db.close();
  });

  it('keeps one row per file content, shared by items of several assessments, and never drops a file in use', () => {
    const { db } = upgraded();
    addFile(db);
    expect(() => addFile(db)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => addFile(db, 'not-a-hash')).toThrow(/CHECK/);
    expect(() => addFile(db, 'AB'.repeat(32))).toThrow(/CHECK/);
    addItem(db, I1, A1);
    addItem(db, I2, A2);
    addLink(db, I1, A1, 'GQ-01');
    addLink(db, I1, A1, 'IF-03');
    addLink(db, I1, A1, 'CU-01', 'prog-1');
    expect(() => addLink(db, I1, A1, 'GQ-01')).toThrow(/UNIQUE|PRIMARY/);
    // A link must name the item's own assessment, and an item a stored file and an existing assessment.
    expect(() => addLink(db, I1, A2, 'GQ-02')).toThrow(/FOREIGN KEY/);
    expect(() => addItem(db, '00000000-0000-4000-8000-0000000000e3', A1, 'cd'.repeat(32))).toThrow(/FOREIGN KEY/);
    expect(() => addItem(db, '00000000-0000-4000-8000-0000000000e4', 'no-such-assessment')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('DELETE FROM evidence_files WHERE sha256 = ?').run(H)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('UPDATE evidence_files SET size = 11 WHERE sha256 = ?').run(H)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM evidence_items WHERE id = ?').run(I1)).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT COUNT(*) FROM evidence_items WHERE sha256 = ?').pluck().get(H)).toBe(2);
    db.close();
  });

  it('makes SQLite itself refuse every change to the evidence of a finalised assessment', () => {
    const { db } = upgraded();
    addFile(db);
    addItem(db, I1, A1);
    addLink(db, I1, A1, 'GQ-01');
    addItem(db, I2, A2);
    db.prepare("UPDATE assessments SET status = 'finalised', finalised_at = ?, score = '{}' WHERE id = ?").run(at, A1);

    const refused = /finalised and locked/;
    expect(() => addItem(db, '00000000-0000-4000-8000-0000000000e5', A1)).toThrow(refused);
    expect(() => db.prepare("UPDATE evidence_items SET caption = 'changed later' WHERE id = ?").run(I1)).toThrow(refused);
    expect(() => db.prepare('DELETE FROM evidence_links WHERE evidence_item_id = ?').run(I1)).toThrow(refused);
    expect(() => db.prepare('DELETE FROM evidence_items WHERE id = ?').run(I1)).toThrow(refused);
    expect(() => addLink(db, I1, A1, 'IF-03')).toThrow(refused);
    expect(() => db.prepare("UPDATE evidence_links SET criterion_id = 'IF-04' WHERE evidence_item_id = ?").run(I1)).toThrow(refused);
    // Moving a draft's item into the finalised assessment is refused too.
    expect(() => db.prepare('UPDATE evidence_items SET assessment_id = ? WHERE id = ?').run(A1, I2)).toThrow(refused);
    expect(db.prepare('SELECT caption FROM evidence_items WHERE id = ?').pluck().get(I1)).toBe('');
    expect(db.prepare('SELECT criterion_id FROM evidence_links').pluck().all()).toEqual(['GQ-01']);
    // The draft assessment's evidence still changes freely.
    db.prepare("UPDATE evidence_items SET caption = 'Fire exit' WHERE id = ?").run(I2);
    db.close();
  });

  it('has the indexes that list an assessment’s evidence and find a file’s users without scanning', () => {
    const { db } = upgraded();
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const inOrder = `SELECT * FROM evidence_items WHERE assessment_id = 'x' ORDER BY attached_at, rowid`;
    expect(plan(inOrder)).toMatch(/evidence_items_assessment/);
    expect(plan(inOrder)).not.toMatch(/TEMP B-TREE/);
    expect(plan(`SELECT * FROM evidence_items WHERE sha256 = 'x'`)).toMatch(/evidence_items_file/);
    expect(plan(`SELECT * FROM evidence_links WHERE assessment_id = 'x'`)).toMatch(/evidence_links_assessment/);
    expect(plan(`SELECT * FROM evidence_links WHERE evidence_item_id = 'x'`)).toMatch(/PRIMARY KEY/);
    db.close();
  });
});
