import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setUp } from '../electron/services/assessments/test-fixtures';
import { openDatabase } from '../electron/services/db/open-database';
import { createDispatcher } from '../electron/services/dispatcher';
import { createHandlers } from '../electron/services/handlers';
import { scopeOf } from '../shared/assessments/scope';
import { applicableItems } from '../shared/scoring';
import { measurePairAsync, tag, type Measurement } from './measure';

/**
 * B1: the hottest write — autosave of one rating or note — through the whole path the renderer's call
 * takes (dispatcher validation of request and response, the assessments service, the Mutator's
 * change-log entry with record digests, a durable commit), against a bare better-sqlite3
 * insert-and-commit into a table like `ratings`, on a database opened by the app's own openDatabase
 * (WAL, synchronous=FULL), timed in turns. Each save changes a different unit in turn, as a day of
 * inspecting does, and alternates rating and note.
 */
export async function saveRatingBenchmarks(saves: number): Promise<Measurement[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-save-'));
  const { s, input } = setUp({ dataDir });
  const bare = openDatabase(path.join(dataDir, 'bare', 'bare.sqlite3')).db;
  try {
    const a = s.assessments.create(input());
    const { assessment } = s.assessments.get(a.id);
    const framework = s.frameworks.get(assessment.frameworkVersionId).framework;
    const fromFigures = new Set(
      framework.groups.flatMap((g) =>
        g.criteria.filter((c) => (c.dataFields?.length ?? 0) > 0 || c.outcome !== undefined).map((c) => c.id),
      ),
    );
    const units = applicableItems(framework, scopeOf(assessment.programmes))
      // Criteria rated from figures take data, not a rating: the autosave of a rating is the rest.
      .filter((u) => u.applicable && !fromFigures.has(u.criterionId))
      .map((u) => ({ criterionId: u.criterionId, programmeId: u.programmeId }));
    const dispatch = createDispatcher(createHandlers(s, 'browser'), { logError: (channel, error) => console.error(channel, error) });
    bare.exec(`CREATE TABLE bench_ratings (
      assessment_id TEXT NOT NULL, criterion_id TEXT NOT NULL, programme_id TEXT NOT NULL DEFAULT '',
      rating ANY, note TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
      PRIMARY KEY (assessment_id, criterion_id, programme_id)) STRICT, WITHOUT ROWID`);
    const upsert = bare.prepare(
      `INSERT INTO bench_ratings (assessment_id, criterion_id, programme_id, rating, note, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'bench')
       ON CONFLICT (assessment_id, criterion_id, programme_id) DO UPDATE SET rating = excluded.rating, note = excluded.note, updated_at = excluded.updated_at`,
    );
    const note = (i: number) => `Fire extinguishers seen in every workshop; ওয়ার্কশপে অগ্নিনির্বাপক আছে (${i}).`;
    const patch = (i: number) => (i % 2 === 0 ? { rating: (i % 4) as 0 | 1 | 2 | 3 } : { note: note(i) });
    const save = async (i: number) => {
      const unit = units[i % units.length]!;
      const result = await dispatch('assessments:save-rating', { assessmentId: a.id, ...unit, patch: patch(i) });
      if (!result.ok) throw new Error(`save refused: ${JSON.stringify(result.error)}`);
    };
    const bareSave = async (i: number) => {
      const unit = units[i % units.length]!;
      const p = patch(i);
      bare.transaction(() =>
        upsert.run(
          a.id,
          unit.criterionId,
          unit.programmeId ?? '',
          'rating' in p ? p.rating : null,
          'note' in p ? p.note : '',
          new Date().toISOString(),
        ),
      )();
    };
    const row = await measurePairAsync(
      `autosave one rating or note, whole service path`,
      'bare better-sqlite3 upsert + commit, same pragmas',
      saves,
      save,
      bareSave,
      `${units.length} units in turn; change log grows to ${saves.toLocaleString('en')}+ entries`,
    );
    row.note += `; bare p99 ${row.baseline!.p99Ms!.toFixed(2)} ms`;
    return tag('B1', [row], {
      text: 'median ≤ 2 × baseline; p99 < 10 ms',
      met: (m) => (m.ratio ?? Infinity) <= 2 && (m.p99Ms ?? Infinity) < 10,
    });
  } finally {
    bare.close();
    s.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
