import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { migrate } from '../migrate';
import { headOfficeSchema } from './006-head-office';
import { migrations } from './index';

const at = '2026-03-10T09:00:00.000Z';
const A1 = '00000000-0000-4000-8000-0000000000a1';
const A2 = '00000000-0000-4000-8000-0000000000a2';
const upTo5 = migrations.slice(0, 5);
// Migration 6 on top of what shipped before it (later migrations have their own tests).
const upTo6 = [...upTo5, headOfficeSchema];

/** A version-5 database with a finalised and a draft inspection, as shipped before the head-office tables. */
function seedAtVersion5() {
  const dir = tempDir();
  const file = path.join(dir, 'app.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, upTo5, { backupDir: dir, databasePath: file });
  db.prepare(
    `INSERT INTO institutions (id, name_en, registration_body, type, division, district, created_at, created_by, updated_at, updated_by)
     VALUES ('inst', 'Sylhet TTC', 'NSDA', 'technical-training-centre', 'sylhet', 'Sylhet', ?, 'me', ?, 'me')`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO framework_versions (id, framework_id, version, title_en, content_hash, content, criteria, source, imported_at, imported_by)
     VALUES ('fv', 'bd-eu-tvet', '1.0.0', 'T', 'hash', '{}', 106, 'bundled', ?, 'me')`,
  ).run(at);
  const insert = db.prepare(
    `INSERT INTO assessments (id, kind, status, institution_id, framework_version_id, framework_id, framework_version,
       framework_content_hash, programmes, team, finalised_at, score, created_at, created_by, updated_at, updated_by)
     VALUES (?, 'inspection', ?, 'inst', 'fv', 'bd-eu-tvet', '1.0.0', 'hash', '[]', '[]', ?, ?, ?, 'me', ?, 'me')`,
  );
  insert.run(A1, 'finalised', at, '{"overallPct":80,"decision":"recommended","complete":true,"computedAt":"x"}', at, at);
  insert.run(A2, 'draft', null, null, at, at);
  return { db, dir, file };
}

function upgraded() {
  const seeded = seedAtVersion5();
  const report = migrate(seeded.db, upTo6, { backupDir: path.join(seeded.dir, 'backups'), databasePath: seeded.file });
  return { ...seeded, report };
}

const addFacts = (db: Database.Database, id: string, overrides: Record<string, unknown> = {}) =>
  db
    .prepare(
      `INSERT INTO assessment_facts (assessment_id, institution_id, kind, finalised_at, finalised_on, finalised_quarter, framework_version_id,
         decision, outcome, overall_pct, facts_version, recorded_at)
       VALUES (@id, 'inst', @kind, @at, @on, @quarter, 'fv', @decision, @outcome, 80, 1, @at)`,
    )
    .run({ id, kind: 'inspection', at, on: '2026-03-10', quarter: '2026-Q1', decision: 'recommended', outcome: 'aligned', ...overrides });

describe('migration 006: head-office summary tables', () => {
  it('upgrades a version-5 database, keeps its assessments and leaves the summaries to the services', () => {
    const { db, report } = upgraded();
    expect(report).toMatchObject({ from: 5, to: 6 });
    expect(report.backupPath).not.toBeNull();
    expect(db.prepare('SELECT id FROM assessments ORDER BY id').pluck().all()).toEqual([A1, A2]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'assessment_*' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'assessment_criteria',
      'assessment_facts',
      'assessment_findings',
      'assessment_programmes',
      'assessment_sectors',
    ]);
    // Filled at start-up by backfillAssessmentFacts with the scoring code, not by the frozen migration.
    expect(db.prepare('SELECT COUNT(*) FROM assessment_facts').pluck().get()).toBe(0);
    db.close();
  });

  it('checks what it stores, and a summary row takes its programmes and findings with it when replaced', () => {
    const { db } = upgraded();
    expect(() => addFacts(db, 'no-such-assessment')).toThrow(/FOREIGN KEY/);
    expect(() => addFacts(db, A1, { outcome: 'recognised' })).toThrow(/CHECK/);
    expect(() => addFacts(db, A1, { on: '10/03/2026' })).toThrow(/CHECK/);
    expect(() => addFacts(db, A1, { quarter: '2026-Q5' })).toThrow(/CHECK/);
    expect(() => addFacts(db, A1, { kind: 'audit' })).toThrow(/CHECK/);
    addFacts(db, A1);
    expect(() => addFacts(db, A1)).toThrow(/UNIQUE|PRIMARY/);
    db.prepare(
      `INSERT INTO assessment_programmes (assessment_id, programme_id, title_en, sector, mobility_track, mobility_ready)
       VALUES (?, 'p1', 'Welding', 'construction', 1, 0)`,
    ).run(A1);
    const finding = db.prepare(
      `INSERT INTO assessment_findings (assessment_id, criterion_id, programme_id, group_id, finding_class, critical, safety, stop_use, rating)
       VALUES (?, ?, ?, 'IF', ?, 1, 1, 1, 0)`,
    );
    finding.run(A1, 'IF-03', '', 'critical');
    expect(() => finding.run(A1, 'IF-04', '', 'observation')).toThrow(/CHECK/);
    expect(() => finding.run(A2, 'IF-04', '', 'critical')).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO assessment_sectors (assessment_id, sector) VALUES (?, 'construction')").run(A1);
    db.prepare(
      "INSERT INTO assessment_criteria (assessment_id, sector, criterion_id, group_id, critical) VALUES (?, '', 'IF-03', 'IF', 1)",
    ).run(A1);
    db.prepare('DELETE FROM assessment_facts WHERE assessment_id = ?').run(A1);
    expect(db.prepare('SELECT COUNT(*) FROM assessment_programmes').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM assessment_sectors').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM assessment_criteria').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM assessment_findings').pluck().get()).toBe(0);
    db.close();
  });

  it('has indexes that find each institution’s latest assessment, a sector’s assessments and the stop-use findings without scanning', () => {
    const { db } = upgraded();
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    // Each institution's latest inspection or follow-up up to a date: a range over the "next" column.
    const latest = `SELECT institution_id, assessment_id, outcome, overall_pct FROM assessment_facts
      WHERE next_external_on > '2025-12-31' AND superseded = 0 AND kind IN ('inspection', 'follow-up') AND finalised_on <= '2025-12-31'`;
    expect(plan(latest)).toMatch(/COVERING INDEX assessment_facts_latest_external \(superseded=\? AND kind=\? AND next_external_on>\?/);
    const latestSelf = `SELECT institution_id, outcome FROM assessment_facts WHERE kind = 'self-assessment' AND next_kind_on > '9999-12-30' AND superseded = 0`;
    expect(plan(latestSelf)).toMatch(/COVERING INDEX assessment_facts_latest_kind \(superseded=\? AND kind=\? AND next_kind_on>\?/);
    const first = `SELECT institution_id, overall_pct FROM assessment_facts WHERE prev_external_on < '2025-01-01' AND superseded = 0`;
    expect(plan(first)).toMatch(/COVERING INDEX assessment_facts_first_external/);
    // One institution's history in order, without sorting.
    const history = `SELECT assessment_id, overall_pct FROM assessment_facts
      WHERE institution_id = 'inst' AND superseded = 0 AND kind = 'inspection' ORDER BY finalised_at, assessment_id`;
    expect(plan(history)).toMatch(/COVERING INDEX assessment_facts_institution/);
    expect(plan(history)).not.toMatch(/TEMP B-TREE/);
    expect(
      plan(
        `SELECT institution_id, COUNT(*), MIN(due_date) FROM corrective_actions WHERE status <> 'verified-closed' GROUP BY institution_id`,
      ),
    ).toMatch(/COVERING INDEX corrective_actions_open/);
    expect(
      plan(
        `SELECT COUNT(*), AVG(overall_pct) FROM assessment_facts WHERE superseded = 0 AND kind = 'inspection' AND finalised_on >= '2025-01-01'`,
      ),
    ).toMatch(/COVERING INDEX assessment_facts_period/);
    expect(plan(`SELECT 1 FROM assessment_sectors WHERE assessment_id = 'x' AND sector = 'care'`)).toMatch(/PRIMARY KEY/);
    expect(plan(`SELECT * FROM assessment_findings WHERE assessment_id = 'x' AND stop_use = 1`)).toMatch(
      /assessment_findings_stop_use|PRIMARY KEY/,
    );
    db.close();
  });
});
