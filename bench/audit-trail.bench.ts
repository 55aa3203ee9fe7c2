// `node --import tsx bench/audit-trail.bench.ts`: what the audit trail costs on the hottest write (autosave of
// one rating) and what `audit verify` costs on the log that results. Measured here, never in timed unit tests.
// "without record digests" switches off, on the same database, what migration 007 and the Mutator added per
// write (the temporary triggers, the digests in the entry, the head file), for a before/after comparison.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setUp } from '../electron/services/assessments/test-fixtures';
import { RecordStateTracker } from '../electron/services/audit/record-state';
import { verifyAuditTrail } from '../electron/services/audit/verify-audit-trail';
import { verifyChangeLog } from '../electron/services/audit/verify-change-log';
import { measure, printTable, type Measurement } from './measure';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-audit-'));
const { s, input } = setUp({ dataDir });
try {
  const a = s.assessments.create(input());
  const save = (i: number) =>
    s.assessments.saveRating({
      assessmentId: a.id,
      criterionId: 'IF-03',
      programmeId: null,
      patch: { rating: (i % 4) as 0 | 1 | 2 | 3, note: `Fire extinguishers seen in every workshop (${i}).` },
    });
  const results: Measurement[] = [];
  const mutator = s.mutator as unknown as { headFile: unknown };
  const headFile = mutator.headFile;
  const collect = RecordStateTracker.prototype.collect;
  const triggers = s.db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_temp_master WHERE type = 'trigger'").all();
  for (let round = 0; round < 2; round++) {
    results.push(measure(`autosave: one rating, with record digests (round ${round + 1})`, 1000, save));
    // Off: no temporary triggers, no digests, no head file — the Mutator as it was before.
    for (const t of triggers) s.db.exec(`DROP TRIGGER temp.${t.name}`);
    RecordStateTracker.prototype.collect = () => null;
    mutator.headFile = null;
    results.push(measure(`autosave: one rating, without record digests (round ${round + 1})`, 1000, save));
    for (const t of triggers) s.db.exec(t.sql.replace(/^CREATE TRIGGER/, 'CREATE TEMP TRIGGER'));
    RecordStateTracker.prototype.collect = collect;
    mutator.headFile = headFile;
  }
  results.push(measure('audit: verify the chain only', 5, () => verifyChangeLog(s.db)));
  results.push(measure('audit: verify chain, records, triggers and heads', 5, () => verifyAuditTrail(s.db)));
  printTable(results);
} finally {
  s.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
