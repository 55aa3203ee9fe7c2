import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setUp } from '../electron/services/assessments/test-fixtures';
import { openDatabase } from '../electron/services/db/open-database';
import { createDispatcher } from '../electron/services/dispatcher';
import { createHandlers } from '../electron/services/handlers';
import { scopeOf } from '../shared/assessments/scope';
import { applicableItems } from '../shared/scoring';
import { summarise, tag, timeInTurnsAsync, withBaseline, type Measurement } from './measure';

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
    // A fairer baseline as well (not instead): the same three rows an autosave commits — the rating, the
    // assessment's revision, a change-log entry of the same size — bare, in one transaction.
    await save(0);
    const entry = s.db
      .prepare<[], { actor_id: string; actor_name: string; payload: string; prev_hash: string; hash: string }>(
        'SELECT actor_id, actor_name, payload, prev_hash, hash FROM change_log ORDER BY seq DESC LIMIT 1',
      )
      .get()!;
    bare.exec(`CREATE TABLE bench_assessments (id TEXT PRIMARY KEY, revision INTEGER NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL) STRICT;
      INSERT INTO bench_assessments VALUES ('${a.id}', 1, '', '');
      CREATE TABLE bench_change_log (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, at TEXT NOT NULL, actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT NOT NULL, payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
      CREATE INDEX bench_change_log_entity ON bench_change_log (entity, entity_id);`);
    const bumpRevision = bare.prepare(
      `UPDATE bench_assessments SET revision = revision + 1, updated_at = ?, updated_by = 'bench' WHERE id = ?`,
    );
    const insertEntry = bare.prepare(
      `INSERT INTO bench_change_log (id, at, actor_id, actor_name, entity, entity_id, action, payload, prev_hash, hash)
       VALUES (?, ?, ?, ?, 'rating', ?, 'update', ?, ?, ?)`,
    );
    const bareThree = async (i: number) => {
      const unit = units[i % units.length]!;
      const p = patch(i);
      const at = new Date().toISOString();
      bare.transaction(() => {
        upsert.run(a.id, unit.criterionId, unit.programmeId ?? '', 'rating' in p ? p.rating : null, 'note' in p ? p.note : '', at);
        bumpRevision.run(at, a.id);
        insertEntry.run(randomUUID(), at, entry.actor_id, entry.actor_name, a.id, entry.payload, entry.prev_hash, entry.hash);
      })();
    };
    const [mine, one, three] = await timeInTurnsAsync(saves, [save, bareSave, bareThree]);
    const row = withBaseline(
      summarise(
        'autosave one rating or note, whole service path',
        mine!,
        `${units.length} units in turn; change log grows to ${saves.toLocaleString('en')}+ entries`,
      ),
      summarise('bare better-sqlite3 upsert + commit, same pragmas', one!),
    );
    row.note += `; bare p99 ${row.baseline!.p99Ms!.toFixed(2)} ms`;
    const fair = withBaseline(
      summarise('autosave, against the same three rows written bare', mine!, 'the target applies to the one-row baseline above'),
      summarise('bare rating upsert + revision update + change-log insert (same size) + commit, same pragmas', three!),
    );
    return [
      ...tag('B1', [row], {
        text: 'median ≤ 2 × baseline; p99 < 10 ms',
        met: (m) => (m.ratio ?? Infinity) <= 2 && (m.p99Ms ?? Infinity) < 10,
      }),
      ...tag('B1', [fair]),
    ];
  } finally {
    bare.close();
    s.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
