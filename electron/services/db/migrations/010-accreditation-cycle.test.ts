import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../audit/verify-audit-trail';
import { migrate } from '../migrate';
import { accreditationCycleSchema } from './010-accreditation-cycle';
import { migrations } from './index';
import { shippedAt, shippedAtVersion6 } from './shipped-database';

const at = shippedAt;
// Migration 10 on top of what shipped before it (later migrations have their own tests).
const upTo9 = migrations.slice(0, 9);
const upTo10 = [...upTo9, accreditationCycleSchema];

/**
 * A version-9 database as shipped: a finalised inspection and a submitted one. The rows are written at
 * version 6, so 007's baseline vouches for them, as on a laptop upgraded several times.
 */
function upgraded() {
  const { db, dir, file } = shippedAtVersion6(['final', 'submitted']);
  db.prepare(
    `UPDATE assessments SET status = 'finalised', finalised_at = ?, score = '{"overallPct":80,"decision":"recommended","complete":true,"computedAt":"x"}'
     WHERE id = 'final'`,
  ).run(at);
  db.prepare(`UPDATE assessments SET status = 'submitted', submitted_at = ?, submitted_by = 'Farida' WHERE id = 'submitted'`).run(at);
  migrate(db, upTo9, { backupDir: dir, databasePath: file });
  const report = migrate(db, upTo10, { backupDir: path.join(dir, 'backups'), databasePath: file });
  return { db, report };
}

const stamps = (db: Database.Database, id: string) =>
  db
    .prepare(
      'SELECT validity_months, aligned_until, next_due, countersigned_by, countersigned_role, countersigned_at, countersign_comment FROM assessments WHERE id = ?',
    )
    .get(id);

const insertAppeal = (db: Database.Database, id: string, assessmentId: string) =>
  db
    .prepare(
      `INSERT INTO appeals (id, assessment_id, institution_id, received_on, grounds, lodged_by, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, 'inst', '2026-03-12', 'Grounds.', 'Principal', ?, 'me', ?, 'me')`,
    )
    .run(id, assessmentId, at, at);

describe('migration 010: the accreditation cycle', () => {
  it('gives every assessment, finalised ones included, empty stamps (the app derives the dates of older finalised rows)', () => {
    const { db, report } = upgraded();
    expect(report).toMatchObject({ from: 9, to: 10 });
    expect(report.backupPath).not.toBeNull();
    const empty = {
      validity_months: 0,
      aligned_until: '',
      next_due: '',
      countersigned_by: '',
      countersigned_role: '',
      countersigned_at: '',
      countersign_comment: '',
    };
    expect(stamps(db, 'final')).toEqual(empty);
    expect(stamps(db, 'submitted')).toEqual(empty);
    db.close();
  });

  it('leaves the audit trail intact, and catches stamps or appeals written outside the app', () => {
    const { db } = upgraded();
    const audit = verifyAuditTrail(db);
    expect(audit.records.problems).toEqual([]);
    expect(audit.triggers).toEqual([]);
    expect(audit.intact).toBe(true);
    db.prepare("UPDATE assessments SET countersigned_by = 'Forged reviewer' WHERE id = 'submitted'").run();
    insertAppeal(db, 'forged', 'final');
    expect(verifyAuditTrail(db).records.problems).toEqual([
      expect.objectContaining({ table: 'assessments', key: ['submitted'], problem: 'changed' }),
      expect.objectContaining({ table: 'appeals', key: ['forged'], problem: 'unlogged' }),
    ]);
    db.close();
  });

  it('freezes the stamps with a finalised row, and keeps appeals to finalised assessments, one open at a time, decided ones final', () => {
    const { db } = upgraded();
    expect(() => db.prepare("UPDATE assessments SET next_due = '2030-01-01' WHERE id = 'final'").run()).toThrow(
      'assessment is finalised and locked',
    );
    expect(() => insertAppeal(db, 'a0', 'submitted')).toThrow('an appeal is lodged only against a finalised assessment');
    insertAppeal(db, 'a1', 'final');
    expect(() => insertAppeal(db, 'a2', 'final')).toThrow('UNIQUE constraint failed');
    db.prepare("UPDATE appeals SET decision = 'rejected', decided_by = 'Panel', decided_on = '2026-03-20' WHERE id = 'a1'").run();
    expect(() => db.prepare("UPDATE appeals SET decision = 'upheld' WHERE id = 'a1'").run()).toThrow('appeal is decided and locked');
    expect(() => db.prepare("DELETE FROM appeals WHERE id = 'a1'").run()).toThrow('appeals are never deleted');
    insertAppeal(db, 'a2', 'final');
    expect(db.prepare('SELECT COUNT(*) FROM appeals').pluck().get()).toBe(2);
    db.close();
  });
});
