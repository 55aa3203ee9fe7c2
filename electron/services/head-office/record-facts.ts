import type Database from 'better-sqlite3';
import { z } from 'zod';
import { programmeSnapshotSchema } from '../../../shared/assessments/schema';
import { scopeOf } from '../../../shared/assessments/scope';
import type { Framework } from '../../../shared/framework/schema';
import { outcomeOf } from '../../../shared/head-office/outcome';
import { trainingNeedCriteria } from '../../../shared/head-office/training-needs';
import { AppError } from '../../../shared/ipc/result';
import { type DataValues, type Finding, type RatingAnswer, type RatingEntry } from '../../../shared/scoring';
import { localDate } from '../assessments/dates';
import { attachedTypesIn, scoreAsRecorded } from '../assessments/score-as-recorded';

/**
 * The version of what recordAssessmentFacts derives. Raise it whenever the derivation changes (what
 * counts as a finding, the training-need criteria, a new column): at the next start-up every summary
 * written by an older version is written again from the locked ratings.
 */
export const FACTS_VERSION = 1;

interface AssessmentRow {
  id: string;
  kind: string;
  status: string;
  institution_id: string;
  framework_version_id: string;
  framework_id: string;
  framework_version: string;
  programmes: string;
  finalised_at: string | null;
  previous_revision_id: string | null;
  score_result_hash: string | null;
}

interface RatingRow {
  criterion_id: string;
  programme_id: string;
  rating: number | string | null;
  data: string;
  evidence_seen: string;
}

/** Statements for one database, prepared once (better-sqlite3 statements belong to their database). */
class FactStatements {
  readonly assessment: Database.Statement<[string], AssessmentRow>;
  readonly ratings: Database.Statement<[string], RatingRow>;
  readonly clear: Database.Statement<[string]>;
  readonly insertFacts: Database.Statement;
  readonly insertProgramme: Database.Statement;
  readonly insertFinding: Database.Statement;
  readonly insertSector: Database.Statement<[string, string]>;
  readonly insertCriterion: Database.Statement;
  readonly supersede: Database.Statement<[string]>;
  readonly neighbours: Database.Statement<[string]>;
  readonly allNeighbours: Database.Statement<[]>;
  readonly finalisedSuccessor: Database.Statement<[string], { id: string }>;
  readonly pending: Database.Statement<[], { id: string; framework_version_id: string }>;
  readonly upToDate: Database.Statement<[], { missing: number }>;

  constructor(db: Database.Database) {
    this.assessment = db.prepare(
      `SELECT id, kind, status, institution_id, framework_version_id, framework_id, framework_version, programmes, finalised_at,
         previous_revision_id, score_result_hash
       FROM assessments WHERE id = ?`,
    );
    this.ratings = db.prepare('SELECT criterion_id, programme_id, rating, data, evidence_seen FROM ratings WHERE assessment_id = ?');
    // Child rows go with it (ON DELETE CASCADE), so recording again replaces everything.
    this.clear = db.prepare('DELETE FROM assessment_facts WHERE assessment_id = ?');
    this.insertFacts = db.prepare(
      `INSERT INTO assessment_facts (assessment_id, institution_id, kind, finalised_at, finalised_on, finalised_quarter, framework_version_id, decision,
         outcome, overall_pct, critical_count, major_count, minor_count, stop_use_count, superseded, sectors, facts_version, recorded_at)
       VALUES (@assessmentId, @institutionId, @kind, @finalisedAt, @finalisedOn, @finalisedQuarter, @frameworkVersionId, @decision, @outcome, @overallPct,
         @critical, @major, @minor, @stopUse, @superseded, @sectors, ${FACTS_VERSION}, @recordedAt)`,
    );
    this.insertProgramme = db.prepare(
      `INSERT INTO assessment_programmes (assessment_id, programme_id, title_en, title_bn, sector, mobility_track, destination_country,
         target_language, target_cefr, sector_pct, mobility_ready, need_criteria)
       VALUES (@assessmentId, @programmeId, @titleEn, @titleBn, @sector, @mobilityTrack, @destinationCountry, @targetLanguage,
         @targetCefr, @sectorPct, @mobilityReady, @needCriteria)`,
    );
    this.insertFinding = db.prepare(
      `INSERT INTO assessment_findings (assessment_id, criterion_id, programme_id, group_id, finding_class, critical, safety, stop_use, rating)
       VALUES (@assessmentId, @criterionId, @programmeId, @groupId, @findingClass, @critical, @safety, @stopUse, @rating)`,
    );
    this.insertSector = db.prepare('INSERT OR IGNORE INTO assessment_sectors (assessment_id, sector) VALUES (?, ?)');
    this.insertCriterion = db.prepare(
      `INSERT INTO assessment_criteria (assessment_id, sector, criterion_id, group_id, critical, major, minor)
       VALUES (@assessmentId, @sector, @criterionId, @groupId, @critical, @major, @minor)`,
    );
    this.supersede = db.prepare('UPDATE assessment_facts SET superseded = 1 WHERE assessment_id = ? AND superseded = 0');
    // Each row's previous and next assessment that counts, among external ones and within its kind
    // (see migration 006). Rewritten for the institution whenever one of its summaries changes.
    const neighbour = (kinds: string, direction: '<' | '>', fallback: string) => `COALESCE((
        SELECT n.finalised_on FROM assessment_facts n
        WHERE n.institution_id = assessment_facts.institution_id AND n.superseded = 0 AND ${kinds}
          AND (n.finalised_at, n.assessment_id) ${direction} (assessment_facts.finalised_at, assessment_facts.assessment_id)
        ORDER BY n.finalised_at ${direction === '<' ? 'DESC' : 'ASC'}, n.assessment_id ${direction === '<' ? 'DESC' : 'ASC'} LIMIT 1), '${fallback}')`;
    const external = "n.kind IN ('inspection', 'follow-up')";
    const sameKind = 'n.kind = assessment_facts.kind';
    const place = (kinds: string) => `(
        SELECT COUNT(*) FROM assessment_facts n
        WHERE n.institution_id = assessment_facts.institution_id AND n.superseded = 0 AND ${kinds}
          AND (n.finalised_at, n.assessment_id) <= (assessment_facts.finalised_at, assessment_facts.assessment_id))`;
    const update = `UPDATE assessment_facts SET
         prev_external_on = ${neighbour(external, '<', '0000-00-00')},
         next_external_on = ${neighbour(external, '>', '9999-12-31')},
         prev_kind_on = ${neighbour(sameKind, '<', '0000-00-00')},
         next_kind_on = ${neighbour(sameKind, '>', '9999-12-31')},
         ord_external = ${place(external)},
         ord_kind = ${place(sameKind)}`;
    this.neighbours = db.prepare(`${update} WHERE institution_id = ?`);
    this.allNeighbours = db.prepare(update);
    this.finalisedSuccessor = db.prepare(
      "SELECT id FROM assessments WHERE previous_revision_id = ? AND status = 'finalised' AND id IN (SELECT assessment_id FROM assessment_facts)",
    );
    // Summaries exist only for finalised assessments, which are never deleted nor unlocked: equal counts
    // mean every one is summarised by this version, at the cost of two index counts.
    this.upToDate = db.prepare(
      `SELECT (SELECT COUNT(*) FROM assessments WHERE status = 'finalised')
         - (SELECT COUNT(*) FROM assessment_facts WHERE facts_version = ${FACTS_VERSION}) AS missing`,
    );
    this.pending = db.prepare(
      `SELECT a.id, a.framework_version_id FROM assessments a
       WHERE a.status = 'finalised'
         AND NOT EXISTS (SELECT 1 FROM assessment_facts f WHERE f.assessment_id = a.id AND f.facts_version = ${FACTS_VERSION})
       ORDER BY a.finalised_at, a.id`,
    );
  }
}

const statements = new WeakMap<Database.Database, FactStatements>();

function statementsFor(db: Database.Database): FactStatements {
  let s = statements.get(db);
  if (s === undefined) {
    s = new FactStatements(db);
    statements.set(db, s);
  }
  return s;
}

const snapshotsSchema = z.array(programmeSnapshotSchema);

/**
 * Writes the head-office summary of one finalised assessment — outcome, overall %, programmes in scope
 * with their mobility readiness, and every non-conformity with its stop-use flag — computed by
 * shared/scoring from the stored ratings and the framework version the assessment pinned.
 *
 * Call it inside the transaction that finalises the assessment (the workflow does) or that imports a
 * finalised one (package import), with the framework content of `assessments.framework_version_id`.
 * It runs in a savepoint of that transaction (or its own, when called alone), so the assessment and
 * its summary commit together or not at all. Recording again replaces the rows: it is idempotent, so
 * importing the same assessment twice changes nothing.
 *
 * Revisions: when a reopened assessment is finalised, the revision it replaces is marked superseded and
 * drops out of every count; imports may bring the two in either order.
 */
export function recordAssessmentFacts(db: Database.Database, framework: Framework, assessmentId: string, recordedAt?: string): void {
  writeFacts(db, framework, assessmentId, recordedAt, true);
}

/** recordAssessmentFacts, optionally leaving the institution's neighbour columns to the caller (a batch refreshes each once). */
function writeFacts(
  db: Database.Database,
  framework: Framework,
  assessmentId: string,
  recordedAt: string | undefined,
  neighbours: boolean,
): string {
  const s = statementsFor(db);
  let institutionId = '';
  db.transaction(() => {
    const a = s.assessment.get(assessmentId);
    if (a === undefined) throw new AppError('not-found', 'No assessment has this id.');
    if (a.status !== 'finalised' || a.finalised_at === null) {
      throw new AppError('conflict', 'Only a finalised assessment has head-office facts.');
    }
    if (framework.id !== a.framework_id || framework.version !== a.framework_version) {
      throw new AppError(
        'conflict',
        `Assessment ${a.id} is pinned to ${a.framework_id} ${a.framework_version}, not ${framework.id} ${framework.version}.`,
      );
    }
    const programmes = snapshotsSchema.parse(JSON.parse(a.programmes));
    // The result the assessment recorded, with the §7.1 evidence rules when it was recorded with them.
    const ratings = s.ratings.all(a.id).map(toEntry);
    const result = scoreAsRecorded(framework, scopeOf(programmes), ratings, attachedTypesIn(db, a.id), a.score_result_hash ?? '');
    const findings = result.findings.filter((f) => f.class !== 'observation');
    const stopUse = new Set(result.stopUseNotices.map((n) => `${n.criterionId}@${n.programmeId ?? ''}`));

    s.clear.run(a.id);
    s.insertFacts.run({
      assessmentId: a.id,
      institutionId: a.institution_id,
      kind: a.kind,
      finalisedAt: a.finalised_at,
      finalisedOn: localDate(a.finalised_at),
      finalisedQuarter: quarterOf(localDate(a.finalised_at)),
      frameworkVersionId: a.framework_version_id,
      decision: result.outcome.decision,
      outcome: outcomeOf(result.outcome.decision),
      overallPct: result.overall.pctRounded,
      critical: findings.filter((f) => f.class === 'critical').length,
      major: findings.filter((f) => f.class === 'major').length,
      minor: findings.filter((f) => f.class === 'minor').length,
      stopUse: result.stopUseNotices.length,
      superseded: s.finalisedSuccessor.get(a.id) === undefined ? 0 : 1,
      sectors: [...new Set(programmes.map((p) => p.sector))].sort().join(','),
      recordedAt: recordedAt ?? new Date().toISOString(),
    });
    const byProgramme = new Map(result.programmes.map((p) => [p.programmeId, p]));
    for (const p of programmes) {
      const scored = byProgramme.get(p.id);
      s.insertProgramme.run({
        assessmentId: a.id,
        programmeId: p.id,
        titleEn: p.titleEn,
        titleBn: p.titleBn,
        sector: p.sector,
        mobilityTrack: p.mobilityTrack ? 1 : 0,
        destinationCountry: p.destinationCountry,
        targetLanguage: p.targetLanguage,
        targetCefr: p.targetCefr,
        sectorPct: scored?.sectorModule?.pctRounded ?? null,
        mobilityReady: scored?.mobilityReady ? (scored.mobilityReady.ready ? 1 : 0) : null,
        needCriteria: p.mobilityTrack ? needCriteriaOf(findings, p.id).join(',') : '',
      });
      s.insertSector.run(a.id, p.sector);
    }
    for (const f of findings) {
      const programmeId = f.programmeId ?? '';
      s.insertFinding.run({
        assessmentId: a.id,
        criterionId: f.criterionId,
        programmeId,
        groupId: f.groupId,
        findingClass: f.class,
        critical: f.critical ? 1 : 0,
        safety: f.safety ? 1 : 0,
        stopUse: stopUse.has(`${f.criterionId}@${programmeId}`) ? 1 : 0,
        rating: f.rating,
      });
    }
    for (const row of criterionRollups(findings, programmes)) s.insertCriterion.run({ assessmentId: a.id, ...row });
    if (a.previous_revision_id !== null) s.supersede.run(a.previous_revision_id);
    if (neighbours) s.neighbours.run(a.institution_id);
    institutionId = a.institution_id;
  })();
  return institutionId;
}

/**
 * Finalised assessments that have no summary yet — those finalised before migration 006, or brought in
 * by any path that did not record them — or one written by an older FACTS_VERSION, scored and recorded
 * in one transaction. Run at start-up; when nothing is missing it costs two index counts. An assessment that cannot be scored (its data does not
 * parse) is left out and counted, never allowed to stop the app from opening.
 */
export function backfillAssessmentFacts(
  db: Database.Database,
  frameworkOf: (frameworkVersionId: string) => Framework,
): { recorded: number; failed: string[] } {
  const s = statementsFor(db);
  const failed: string[] = [];
  if (s.upToDate.get()!.missing === 0) return { recorded: 0, failed };
  const pending = s.pending.all();
  if (pending.length === 0) return { recorded: 0, failed };
  const at = new Date().toISOString();
  const institutions = new Set<string>();
  db.transaction(() => {
    for (const p of pending) {
      try {
        institutions.add(writeFacts(db, frameworkOf(p.framework_version_id), p.id, at, false));
      } catch {
        failed.push(p.id);
      }
    }
    for (const id of institutions) s.neighbours.run(id);
  })();
  return { recorded: pending.length - failed.length, failed };
}

/**
 * Rewrites the previous/next pointers of one institution's summaries, or of all (after a bulk load that
 * wrote summary rows directly, as the benchmark and test fixtures do).
 */
export function refreshAssessmentNeighbours(db: Database.Database, institutionId?: string): void {
  const s = statementsFor(db);
  if (institutionId === undefined) s.allNeighbours.run();
  else s.neighbours.run(institutionId);
}

/** The calendar quarter of a date: '2025-08-14' → '2025-Q3'. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) + 2) / 3)}`;
}

/** Training-need criteria not met for a programme: its own findings and the institution-level ones. */
export function needCriteriaOf(findings: readonly Finding[], programmeId: string): string[] {
  const found = findings.filter(
    (f) => trainingNeedCriteria[f.criterionId] !== undefined && (f.programmeId === null || f.programmeId === programmeId),
  );
  return [...new Set(found.map((f) => f.criterionId))].sort();
}

interface CriterionRollup {
  sector: string;
  criterionId: string;
  groupId: string;
  critical: number;
  major: number;
  minor: number;
}

/**
 * Findings per criterion, for the whole assessment (sector '') and for each sector in scope: an
 * institution-level finding counts in every sector, a programme-level one in its programme's sector.
 */
export function criterionRollups(findings: readonly Finding[], programmes: readonly { id: string; sector: string }[]): CriterionRollup[] {
  const sectorOf = new Map(programmes.map((p) => [p.id, p.sector]));
  const sectors = [...new Set(programmes.map((p) => p.sector))];
  const rows = new Map<string, CriterionRollup>();
  const add = (sector: string, f: Finding) => {
    const key = `${sector}\u0000${f.criterionId}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { sector, criterionId: f.criterionId, groupId: f.groupId, critical: 0, major: 0, minor: 0 };
      rows.set(key, row);
    }
    if (f.class === 'critical' || f.class === 'major' || f.class === 'minor') row[f.class] += 1;
  };
  for (const f of findings) {
    add('', f);
    if (f.programmeId === null) for (const sector of sectors) add(sector, f);
    else {
      const sector = sectorOf.get(f.programmeId);
      if (sector !== undefined) add(sector, f);
    }
  }
  return [...rows.values()];
}

function toEntry(r: RatingRow): RatingEntry & { data: DataValues; evidenceSeen: string[] } {
  const rating: RatingAnswer = r.rating === 'na' ? 'na' : r.rating === null ? null : (Number(r.rating) as RatingAnswer);
  return {
    criterionId: r.criterion_id,
    programmeId: r.programme_id === '' ? null : r.programme_id,
    rating,
    data: JSON.parse(r.data) as DataValues,
    evidenceSeen: JSON.parse(r.evidence_seen) as string[],
  };
}
