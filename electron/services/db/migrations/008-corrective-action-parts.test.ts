import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../audit/verify-audit-trail';
import { migrate } from '../migrate';
import { correctiveActionPartsSchema } from './008-corrective-action-parts';
import { migrations } from './index';
import { shippedAt, shippedAtVersion6 } from './shipped-database';

const at = shippedAt;
const upTo7 = migrations.slice(0, 7);
// Migration 8 on top of what shipped before it (later migrations have their own tests).
const upTo8 = [...upTo7, correctiveActionPartsSchema];

/**
 * A version-7 database as shipped: a finalised inspection with a rating and the corrective action it
 * raised (its description the criterion's English title), and a draft with a rating. The rows are
 * written at version 6, so 007's baseline vouches for them, as on a laptop upgraded twice.
 */
function seedAtVersion7() {
  const { db, dir, file } = shippedAtVersion6(['final', 'draft']);
  const rating = db.prepare(
    `INSERT INTO ratings (assessment_id, criterion_id, rating, note, updated_at, updated_by) VALUES (?, 'IF-03', 1, 'Guards missing.', ?, 'me')`,
  );
  rating.run('final', at);
  rating.run('draft', at);
  db.prepare(
    `INSERT INTO corrective_actions (id, assessment_id, institution_id, criterion_id, finding_class, description, owner, due_date,
       created_at, created_by, updated_at, updated_by)
     VALUES ('ca', 'final', 'inst', 'IF-03', 'major', 'Occupational safety and health in workshops', 'Head', '2026-06-08', ?, 'me', ?, 'me')`,
  ).run(at, at);
  db.prepare(
    `UPDATE assessments SET status = 'finalised', finalised_at = ?, score = '{"overallPct":70,"decision":"deferred","complete":true,"computedAt":"x"}'
     WHERE id = 'final'`,
  ).run(at);
  migrate(db, upTo7, { backupDir: dir, databasePath: file });
  return { db, dir, file };
}

function upgraded() {
  const seeded = seedAtVersion7();
  const report = migrate(seeded.db, upTo8, { backupDir: path.join(seeded.dir, 'backups'), databasePath: seeded.file });
  return { ...seeded, report };
}

const parts = (db: Database.Database, assessmentId: string) =>
  db
    .prepare<[string], { action_required: string; closing_evidence: string; note: string }>(
      "SELECT action_required, closing_evidence, note FROM ratings WHERE assessment_id = ? AND criterion_id = 'IF-03'",
    )
    .get(assessmentId);

describe('migration 008: corrective actions stored as their parts', () => {
  it('gives every rating, finalised ones included, an empty required action and closing evidence (the screens then offer the suggestion)', () => {
    const { db, report } = upgraded();
    expect(report).toMatchObject({ from: 7, to: 8 });
    expect(report.backupPath).not.toBeNull();
    expect(parts(db, 'final')).toEqual({ action_required: '', closing_evidence: '', note: 'Guards missing.' });
    expect(parts(db, 'draft')).toEqual({ action_required: '', closing_evidence: '', note: 'Guards missing.' });
    // The action raised before keeps its row; its owner, due date and status stay where they were.
    expect(db.prepare("SELECT owner, due_date, status FROM corrective_actions WHERE id = 'ca'").get()).toEqual({
      owner: 'Head',
      due_date: '2026-06-08',
      status: 'open',
    });
    db.close();
  });

  it('leaves the audit trail intact: a record that never used the new columns digests as it did before them', () => {
    const { db } = upgraded();
    const audit = verifyAuditTrail(db);
    expect(audit.records.problems).toEqual([]);
    expect(audit.triggers).toEqual([]);
    expect(audit.intact).toBe(true);
    // Words written with SQL, outside the app, are caught like any other change.
    db.prepare("UPDATE ratings SET action_required = 'Forged words.' WHERE assessment_id = 'draft'").run();
    expect(verifyAuditTrail(db).records.problems).toEqual([
      expect.objectContaining({ table: 'ratings', key: ['draft', 'IF-03', ''], problem: 'changed' }),
    ]);
    db.close();
  });

  it('lets the lock of a finalised assessment cover the inspector’s words too', () => {
    const { db } = upgraded();
    expect(() => db.prepare("UPDATE ratings SET action_required = 'Later words.' WHERE assessment_id = 'final'").run()).toThrow(
      'assessment is finalised and locked',
    );
    db.prepare("UPDATE ratings SET action_required = 'Fit guards.', closing_evidence = 'Photos.' WHERE assessment_id = 'draft'").run();
    expect(parts(db, 'draft')).toMatchObject({ action_required: 'Fit guards.', closing_evidence: 'Photos.' });
    db.close();
  });
});
