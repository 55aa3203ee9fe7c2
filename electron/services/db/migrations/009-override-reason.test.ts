import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../audit/verify-audit-trail';
import { migrate } from '../migrate';
import { overrideReasonSchema } from './009-override-reason';
import { migrations } from './index';
import { shippedAt, shippedAtVersion6 } from './shipped-database';

const at = shippedAt;
const upTo8 = migrations.slice(0, 8);
// Migration 9 on top of what shipped before it (later migrations have their own tests).
const upTo9 = [...upTo8, overrideReasonSchema];

/** A version-8 database: a finalised inspection and a draft, each with a critical rating of 3 on interviews. */
function upgraded() {
  const { db, dir, file } = shippedAtVersion6(['final', 'draft']);
  const rating = db.prepare(
    `INSERT INTO ratings (assessment_id, criterion_id, rating, note, evidence_seen, updated_at, updated_by)
     VALUES (?, 'IF-03', 3, 'Fire drill described.', '["INT-M"]', ?, 'me')`,
  );
  rating.run('final', at);
  rating.run('draft', at);
  db.prepare(
    `UPDATE assessments SET status = 'finalised', finalised_at = ?,
       score = '{"overallPct":80,"decision":"recommended","complete":true,"computedAt":"x"}' WHERE id = 'final'`,
  ).run(at);
  migrate(db, upTo8, { backupDir: dir, databasePath: file });
  const report = migrate(db, upTo9, { backupDir: path.join(dir, 'backups'), databasePath: file });
  return { db, report };
}

const reasonOf = (db: Database.Database, assessmentId: string) =>
  db.prepare("SELECT override_reason FROM ratings WHERE assessment_id = ? AND criterion_id = 'IF-03'").pluck().get(assessmentId);

describe('migration 009: the override reason of a rating', () => {
  it('gives every rating, finalised ones included, an empty override reason, with a backup first', () => {
    const { db, report } = upgraded();
    expect(report).toMatchObject({ from: 8, to: 9 });
    expect(report.backupPath).not.toBeNull();
    expect(reasonOf(db, 'final')).toBe('');
    expect(reasonOf(db, 'draft')).toBe('');
    db.close();
  });

  it('leaves the audit trail intact, and a reason written with SQL outside the app is caught', () => {
    const { db } = upgraded();
    expect(verifyAuditTrail(db).intact).toBe(true);
    db.prepare("UPDATE ratings SET override_reason = 'Forged reason.' WHERE assessment_id = 'draft'").run();
    expect(verifyAuditTrail(db).records.problems).toEqual([
      expect.objectContaining({ table: 'ratings', key: ['draft', 'IF-03', ''], problem: 'changed' }),
    ]);
    db.close();
  });

  it('lets the lock of a finalised assessment cover the reason too', () => {
    const { db } = upgraded();
    expect(() => db.prepare("UPDATE ratings SET override_reason = 'Later.' WHERE assessment_id = 'final'").run()).toThrow(
      'assessment is finalised and locked',
    );
    db.close();
  });
});
