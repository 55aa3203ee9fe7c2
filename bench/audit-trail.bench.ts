import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setUp } from '../electron/services/assessments/test-fixtures';
import { RecordStateTracker } from '../electron/services/audit/record-state';
import { verifyAuditTrail } from '../electron/services/audit/verify-audit-trail';
import { verifyChangeLog } from '../electron/services/audit/verify-change-log';
import { measure, tag, type Measurement } from './measure';

/**
 * What the audit trail costs on the hottest write (autosave of one rating) and what `audit verify`
 * costs on the log that results (group `audit-trail`). "without record digests" switches off, on the
 * same database, what migration 007 and the Mutator added per write (the temporary triggers, the
 * digests in the entry, the head file), for a before/after comparison; everything is switched back on
 * before the figures are returned.
 */
export function auditTrailBenchmarks(saves: number): Measurement[] {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-audit-'));
  const { s, input } = setUp({ dataDir });
  const mutator = s.mutator as unknown as { headFile: unknown };
  const headFile = mutator.headFile;
  const collect = RecordStateTracker.prototype.collect;
  try {
    const a = s.assessments.create(input());
    const save = (i: number) =>
      s.ratings.save({
        assessmentId: a.id,
        criterionId: 'IF-03',
        programmeId: null,
        patch: { rating: (i % 4) as 0 | 1 | 2 | 3, note: `Fire extinguishers seen in every workshop (${i}).` },
      });
    const results: Measurement[] = [];
    const triggers = s.db
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_temp_master WHERE type = 'trigger'")
      .all();
    for (let round = 0; round < 2; round++) {
      results.push(measure(`autosave: one rating, with record digests (round ${round + 1})`, saves, save));
      // Off: no temporary triggers, no digests, no head file — the Mutator as it was before.
      for (const t of triggers) s.db.exec(`DROP TRIGGER temp.${t.name}`);
      RecordStateTracker.prototype.collect = () => null;
      mutator.headFile = null;
      try {
        results.push(measure(`autosave: one rating, without record digests (round ${round + 1})`, saves, save));
      } finally {
        for (const t of triggers) s.db.exec(t.sql.replace(/^CREATE TRIGGER/, 'CREATE TEMP TRIGGER'));
        RecordStateTracker.prototype.collect = collect;
        mutator.headFile = headFile;
      }
    }
    const entries = s.db.prepare<[], number>('SELECT count(*) FROM change_log').pluck().get()!;
    const note = `${entries.toLocaleString('en')} change-log entries`;
    results.push(measure('audit: verify the chain only', 5, () => verifyChangeLog(s.db), note));
    results.push(measure('audit: verify chain, records, triggers and heads', 5, () => verifyAuditTrail(s.db), note));
    return tag('audit-trail', results);
  } finally {
    RecordStateTracker.prototype.collect = collect;
    mutator.headFile = headFile;
    s.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
