import type Database from 'better-sqlite3';
import type {
  Assessment,
  AssessmentKind,
  AssessmentStatus,
  AssessmentSummary,
  ProgrammeSnapshot,
  StoredScore,
} from '../../../shared/assessments/schema';

interface AssessmentRow {
  id: string;
  kind: string;
  status: string;
  institution_id: string;
  institution_name_en: string;
  institution_name_bn: string;
  framework_version_id: string;
  framework_id: string;
  framework_version: string;
  framework_content_hash: string;
  programmes: string;
  team: string;
  planned_start: string;
  planned_end: string;
  site_visit_date: string;
  follows_assessment_id: string | null;
  revision_number: number;
  previous_revision_id: string | null;
  reopen_reason: string;
  units_total: number;
  units_answered: number;
  submitted_at: string | null;
  submitted_by: string;
  finalised_at: string | null;
  finalised_by: string;
  score: string | null;
  score_result_hash: string;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** What autosave needs to know about an assessment, read without parsing anything. */
export interface AssessmentHead {
  id: string;
  kind: AssessmentKind;
  status: AssessmentStatus;
  institution_id: string;
  framework_version_id: string;
  /** The raw JSON of the programme snapshots: also the cache key of the assessment's units. */
  programmes: string;
}

export interface AssessmentInsert {
  id: string;
  kind: AssessmentKind;
  institutionId: string;
  frameworkVersionId: string;
  frameworkId: string;
  frameworkVersion: string;
  frameworkContentHash: string;
  programmes: ProgrammeSnapshot[];
  team: Assessment['team'];
  plannedStart: string;
  plannedEnd: string;
  siteVisitDate: string;
  followsAssessmentId: string | null;
  revisionNumber: number;
  previousRevisionId: string | null;
  reopenReason: string;
  unitsTotal: number;
}

export interface ListFilter {
  institutionId?: string | undefined;
  kind?: AssessmentKind | undefined;
  status?: AssessmentStatus | undefined;
}

export interface ListPage {
  limit: number;
  offset: number;
}

const filterColumns = [
  ['institutionId', 'a.institution_id'],
  ['kind', 'a.kind'],
  ['status', 'a.status'],
] as const;

/** Which prepared statement (one bit per filter given) and its parameters. */
function filterParams(filter: ListFilter): { mask: number; params: Record<string, string> } {
  let mask = 0;
  const params: Record<string, string> = {};
  filterColumns.forEach(([name], i) => {
    const value = filter[name];
    if (value === undefined) return;
    mask |= 1 << i;
    params[name] = value;
  });
  return { mask, params };
}

const selectWithNames = `
  SELECT a.*, i.name_en AS institution_name_en, i.name_bn AS institution_name_bn
  FROM assessments a JOIN institutions i ON i.id = a.institution_id`;

// Lists read only what a summary shows: no programme or team JSON for thousands of rows.
const selectSummaries = `
  SELECT a.id, a.kind, a.status, a.institution_id, i.name_en AS institution_name_en, i.name_bn AS institution_name_bn,
    a.framework_version, a.revision_number, a.site_visit_date, a.units_answered, a.units_total, a.score, a.updated_at
  FROM assessments a JOIN institutions i ON i.id = a.institution_id`;

type SummaryRow = Pick<
  AssessmentRow,
  | 'id'
  | 'kind'
  | 'status'
  | 'institution_id'
  | 'institution_name_en'
  | 'institution_name_bn'
  | 'framework_version'
  | 'revision_number'
  | 'site_visit_date'
  | 'units_answered'
  | 'units_total'
  | 'score'
  | 'updated_at'
>;

/** SQL for assessments, and nothing else: rules live in the services. */
export class AssessmentRepository {
  private readonly byId: Database.Statement<[string], AssessmentRow>;
  private readonly headById: Database.Statement<[string], AssessmentHead>;
  private readonly resultHashOf: Database.Statement<[string], string>;
  private readonly successorOf: Database.Statement<[string], string>;
  private readonly insertStmt: Database.Statement;
  private readonly detailsStmt: Database.Statement;
  private readonly touchStmt: Database.Statement;
  private readonly answeredStmt: Database.Statement;
  private readonly submitStmt: Database.Statement;
  private readonly returnStmt: Database.Statement;
  private readonly finaliseStmt: Database.Statement;
  private readonly repinStmt: Database.Statement;
  /** One statement per combination of filters, so SQLite can pick the matching index for each. */
  private readonly listStmts = new Map<string, Database.Statement>();
  private readonly countStmts = new Map<string, Database.Statement<Record<string, string>, number>>();

  constructor(db: Database.Database) {
    this.byId = db.prepare(`${selectWithNames} WHERE a.id = ?`);
    this.headById = db.prepare('SELECT id, kind, status, institution_id, framework_version_id, programmes FROM assessments WHERE id = ?');
    this.resultHashOf = db.prepare('SELECT score_result_hash FROM assessments WHERE id = ?').pluck() as Database.Statement<
      [string],
      string
    >;
    this.successorOf = db.prepare('SELECT id FROM assessments WHERE previous_revision_id = ?').pluck() as Database.Statement<
      [string],
      string
    >;
    this.insertStmt = db.prepare(`
      INSERT INTO assessments (id, kind, status, institution_id, framework_version_id, framework_id, framework_version,
        framework_content_hash, programmes, team, planned_start, planned_end, site_visit_date, follows_assessment_id,
        revision_number, previous_revision_id, reopen_reason, units_total, units_answered, revision,
        created_at, created_by, updated_at, updated_by)
      VALUES (@id, @kind, 'draft', @institutionId, @frameworkVersionId, @frameworkId, @frameworkVersion,
        @frameworkContentHash, @programmes, @team, @plannedStart, @plannedEnd, @siteVisitDate, @followsAssessmentId,
        @revisionNumber, @previousRevisionId, @reopenReason, @unitsTotal, 0, 0, @at, @actor, @at, @actor)`);
    this.detailsStmt = db.prepare(`
      UPDATE assessments SET team = @team, planned_start = @plannedStart, planned_end = @plannedEnd,
        site_visit_date = @siteVisitDate, revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision AND status = 'draft'`);
    // Autosave does not bump the row revision: the workspace keeps the revision it loaded for the
    // workflow buttons, and a rating save must not make "Submit" look stale.
    this.touchStmt = db.prepare(`
      UPDATE assessments SET units_answered = units_answered + @delta, updated_at = @at, updated_by = @actor
      WHERE id = @id AND status = 'draft'`);
    this.answeredStmt = db.prepare(`UPDATE assessments SET units_answered = @answered WHERE id = @id AND status = 'draft'`);
    this.submitStmt = db.prepare(`
      UPDATE assessments SET status = 'submitted', submitted_at = @at, submitted_by = @actor, score = @score,
        score_result_hash = @resultHash, revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision AND status = 'draft'`);
    this.returnStmt = db.prepare(`
      UPDATE assessments SET status = 'draft', submitted_at = NULL, submitted_by = '', score = NULL,
        score_result_hash = '', revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision AND status = 'submitted'`);
    this.finaliseStmt = db.prepare(`
      UPDATE assessments SET status = 'finalised', finalised_at = @at, finalised_by = @actor, score = @score,
        score_result_hash = @resultHash, revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision AND status = 'submitted'`);
    this.repinStmt = db.prepare(`
      UPDATE assessments SET framework_version_id = @frameworkVersionId, framework_version = @frameworkVersion,
        framework_content_hash = @frameworkContentHash, units_total = @unitsTotal, units_answered = @unitsAnswered,
        revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision AND status = 'draft'`);

    for (let mask = 0; mask < 1 << filterColumns.length; mask += 1) {
      const where = filterColumns.filter((_, i) => mask & (1 << i)).map(([name, column]) => `${column} = @${name}`);
      const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
      this.listStmts.set(
        String(mask),
        db.prepare(`${selectSummaries} ${clause} ORDER BY a.created_at DESC, a.id DESC LIMIT @limit OFFSET @offset`),
      );
      this.countStmts.set(String(mask), db.prepare<Record<string, string>, number>(`SELECT count(*) FROM assessments a ${clause}`).pluck());
    }
  }

  get(id: string): Assessment | undefined {
    const row = this.byId.get(id);
    return row ? toAssessment(row) : undefined;
  }

  head(id: string): AssessmentHead | undefined {
    return this.headById.get(id);
  }

  /** The fingerprint of the result recorded at submission or finalisation ('' for a draft). */
  recordedResultHash(id: string): string {
    return this.resultHashOf.get(id) ?? '';
  }

  /** The id of the revision made by reopening this one, if any. */
  successor(id: string): string | undefined {
    return this.successorOf.get(id);
  }

  /** Newest first; a page of them when asked (SQLite reads LIMIT -1 as no limit). */
  list(filter: ListFilter, page: ListPage = { limit: -1, offset: 0 }): AssessmentSummary[] {
    const { mask, params } = filterParams(filter);
    const rows = this.listStmts.get(String(mask))!.all({ ...params, ...page }) as SummaryRow[];
    return rows.map(toSummary);
  }

  count(filter: ListFilter): number {
    const { mask, params } = filterParams(filter);
    return this.countStmts.get(String(mask))!.get(params)!;
  }

  insert(a: AssessmentInsert, at: string, actor: string): void {
    this.insertStmt.run({ ...a, programmes: JSON.stringify(a.programmes), team: JSON.stringify(a.team), at, actor });
  }

  updateDetails(
    id: string,
    revision: number,
    d: Pick<Assessment, 'team' | 'plannedStart' | 'plannedEnd' | 'siteVisitDate'>,
    at: string,
    actor: string,
  ): boolean {
    return this.detailsStmt.run({ id, revision, ...d, team: JSON.stringify(d.team), at, actor }).changes === 1;
  }

  /** Records activity on a draft and moves its answered-units counter by `delta` (-1, 0 or 1). */
  touch(id: string, delta: number, at: string, actor: string): boolean {
    return this.touchStmt.run({ id, delta, at, actor }).changes === 1;
  }

  setAnswered(id: string, answered: number): void {
    this.answeredStmt.run({ id, answered });
  }

  submit(id: string, revision: number, score: StoredScore, resultHash: string, at: string, actor: string): boolean {
    return this.submitStmt.run({ id, revision, score: JSON.stringify(score), resultHash, at, actor }).changes === 1;
  }

  returnToDraft(id: string, revision: number, at: string, actor: string): boolean {
    return this.returnStmt.run({ id, revision, at, actor }).changes === 1;
  }

  finalise(id: string, revision: number, score: StoredScore, resultHash: string, at: string, actor: string): boolean {
    return this.finaliseStmt.run({ id, revision, score: JSON.stringify(score), resultHash, at, actor }).changes === 1;
  }

  repin(
    id: string,
    revision: number,
    pin: { frameworkVersionId: string; frameworkVersion: string; frameworkContentHash: string; unitsTotal: number; unitsAnswered: number },
    at: string,
    actor: string,
  ): boolean {
    return this.repinStmt.run({ id, revision, ...pin, at, actor }).changes === 1;
  }
}

function toAssessment(r: AssessmentRow): Assessment {
  return {
    id: r.id,
    kind: r.kind as AssessmentKind,
    status: r.status as AssessmentStatus,
    institutionId: r.institution_id,
    institutionNameEn: r.institution_name_en,
    institutionNameBn: r.institution_name_bn,
    frameworkVersionId: r.framework_version_id,
    frameworkId: r.framework_id,
    frameworkVersion: r.framework_version,
    frameworkContentHash: r.framework_content_hash,
    programmes: JSON.parse(r.programmes) as ProgrammeSnapshot[],
    team: JSON.parse(r.team) as Assessment['team'],
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    siteVisitDate: r.site_visit_date,
    followsAssessmentId: r.follows_assessment_id,
    revisionNumber: r.revision_number,
    previousRevisionId: r.previous_revision_id,
    reopenReason: r.reopen_reason,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    finalisedAt: r.finalised_at,
    finalisedBy: r.finalised_by,
    score: r.score === null ? null : (JSON.parse(r.score) as StoredScore),
    revision: r.revision,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

function toSummary(r: SummaryRow): AssessmentSummary {
  return {
    id: r.id,
    kind: r.kind as AssessmentKind,
    status: r.status as AssessmentStatus,
    institutionId: r.institution_id,
    institutionNameEn: r.institution_name_en,
    institutionNameBn: r.institution_name_bn,
    frameworkVersion: r.framework_version,
    revisionNumber: r.revision_number,
    siteVisitDate: r.site_visit_date,
    answered: r.units_answered,
    total: r.units_total,
    score: r.score === null ? null : (JSON.parse(r.score) as StoredScore),
    updatedAt: r.updated_at,
  };
}
