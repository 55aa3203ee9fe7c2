import type Database from 'better-sqlite3';
import type { CorrectiveAction, CorrectiveActionUpdate, FindingActionText } from '../../../shared/assessments/schema';

/**
 * An action as stored, with the inspector's parts read from its finding's rating (migration 008) and the
 * framework version its criterion is looked up in; the service adds the criterion in both languages.
 */
export type StoredAction = Omit<CorrectiveAction, 'criterion'> & { frameworkVersionId: string };

/** The parts an inspector wrote for the finding of one rated unit, and the note they are drawn from. */
export interface UnitActionText {
  criterionId: string;
  programmeId: string | null;
  note: string;
  actionRequired: string;
  closingEvidence: string;
}

interface UnitTextRow {
  criterion_id: string;
  programme_id: string;
  note: string;
  action_required: string;
  closing_evidence: string;
}

interface ActionRow {
  id: string;
  assessment_id: string;
  institution_id: string;
  criterion_id: string;
  programme_id: string;
  finding_class: string;
  description: string;
  owner: string;
  due_date: string;
  status: string;
  institution_response: string;
  verification_note: string;
  verified_in_assessment_id: string | null;
  verified_at: string | null;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  action_required: string | null;
  closing_evidence: string | null;
  finding_note: string | null;
  framework_version_id: string;
}

// The action's own row, with its finding's rating (for the inspector's parts) and its assessment (for the
// framework). A LEFT JOIN: an action outlives nothing it needs, but a missing rating must not hide it.
const selectActions = `SELECT ca.*, r.action_required, r.closing_evidence, r.note AS finding_note, a.framework_version_id
  FROM corrective_actions ca
  JOIN assessments a ON a.id = ca.assessment_id
  LEFT JOIN ratings r ON r.assessment_id = ca.assessment_id AND r.criterion_id = ca.criterion_id AND r.programme_id = ca.programme_id`;

export interface ActionInsert {
  id: string;
  assessmentId: string;
  institutionId: string;
  criterionId: string;
  programmeId: string | null;
  findingClass: CorrectiveAction['findingClass'];
  description: string;
  owner: string;
  dueDate: string;
}

export interface ActionFilter {
  institutionId?: string | undefined;
  assessmentId?: string | undefined;
  status?: CorrectiveAction['status'] | undefined;
  /** Everything not yet verified and closed. */
  openOnly?: boolean | undefined;
}

/** SQL for corrective actions (and the parts of them an inspector writes on a finding's rating), and nothing else. */
export class CorrectiveActionRepository {
  private readonly byId: Database.Statement<[string], ActionRow>;
  private readonly unitTextsStmt: Database.Statement<[string], UnitTextRow>;
  private readonly writeTextStmt: Database.Statement;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly verifyStmt: Database.Statement;
  private readonly carryStmt: Database.Statement;
  private readonly withdrawStmt: Database.Statement<[string]>;
  private readonly listStmts = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.byId = db.prepare(`${selectActions} WHERE ca.id = ?`);
    this.unitTextsStmt = db.prepare(
      'SELECT criterion_id, programme_id, note, action_required, closing_evidence FROM ratings WHERE assessment_id = ?',
    );
    // 003's triggers refuse this for a finalised assessment: the inspector's words are part of its record.
    this.writeTextStmt = db.prepare(`
      UPDATE ratings SET action_required = @actionRequired, closing_evidence = @closingEvidence
      WHERE assessment_id = @assessmentId AND criterion_id = @criterionId AND programme_id = @programmeId`);
    this.insertStmt = db.prepare(`
      INSERT INTO corrective_actions (id, assessment_id, institution_id, criterion_id, programme_id, finding_class,
        description, owner, due_date, status, revision, created_at, created_by, updated_at, updated_by)
      VALUES (@id, @assessmentId, @institutionId, @criterionId, @programmeId, @findingClass,
        @description, @owner, @dueDate, 'open', 0, @at, @actor, @at, @actor)`);
    this.updateStmt = db.prepare(`
      UPDATE corrective_actions SET owner = @owner, due_date = @dueDate, status = @status,
        institution_response = @institutionResponse, description = @description,
        revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision AND status <> 'verified-closed'`);
    this.verifyStmt = db.prepare(`
      UPDATE corrective_actions SET status = @status, verification_note = @note,
        verified_in_assessment_id = @verifiedIn, verified_at = @verifiedAt,
        revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND revision = @revision AND status <> 'verified-closed'`);
    this.carryStmt = db.prepare(`
      UPDATE corrective_actions SET assessment_id = @assessmentId, finding_class = @findingClass, due_date = @dueDate,
        revision = revision + 1, updated_at = @at, updated_by = @actor
      WHERE id = @id AND status <> 'verified-closed'`);
    this.withdrawStmt = db.prepare("DELETE FROM corrective_actions WHERE id = ? AND status <> 'verified-closed'");
  }

  get(id: string): StoredAction | undefined {
    const row = this.byId.get(id);
    return row ? toAction(row) : undefined;
  }

  list(filter: ActionFilter): StoredAction[] {
    const where: string[] = [];
    const params: Record<string, string> = {};
    if (filter.institutionId !== undefined) {
      where.push('ca.institution_id = @institutionId');
      params.institutionId = filter.institutionId;
    }
    if (filter.assessmentId !== undefined) {
      where.push('ca.assessment_id = @assessmentId');
      params.assessmentId = filter.assessmentId;
    }
    if (filter.status !== undefined) {
      where.push('ca.status = @status');
      params.status = filter.status;
    }
    if (filter.openOnly === true) where.push("ca.status <> 'verified-closed'");
    const sql = `${selectActions} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ca.due_date = '', ca.due_date, ca.created_at, ca.criterion_id, ca.programme_id`;
    // Only column names and fixed text go into the SQL; values are always bound. At most 16 shapes.
    let stmt = this.listStmts.get(sql);
    if (stmt === undefined) {
      stmt = this.db.prepare(sql);
      this.listStmts.set(sql, stmt);
    }
    return (stmt.all(params) as ActionRow[]).map(toAction);
  }

  insert(a: ActionInsert, at: string, actor: string): void {
    this.insertStmt.run({ ...a, programmeId: a.programmeId ?? '', at, actor });
  }

  update(id: string, revision: number, u: CorrectiveActionUpdate, at: string, actor: string): boolean {
    return this.updateStmt.run({ id, revision, ...u, at, actor }).changes === 1;
  }

  verify(
    id: string,
    revision: number,
    v: { status: CorrectiveAction['status']; note: string; verifiedIn: string | null; verifiedAt: string | null },
    at: string,
    actor: string,
  ): boolean {
    return this.verifyStmt.run({ id, revision, ...v, at, actor }).changes === 1;
  }

  /** Moves an open action to the revision that now carries its finding (see the workflow service). */
  carryOver(
    id: string,
    to: { assessmentId: string; findingClass: CorrectiveAction['findingClass']; dueDate: string },
    at: string,
    actor: string,
  ): void {
    this.carryStmt.run({ id, ...to, at, actor });
  }

  withdraw(id: string): void {
    this.withdrawStmt.run(id);
  }

  /** Every rated unit of an assessment with its note and the action parts written for it. */
  unitTexts(assessmentId: string): UnitActionText[] {
    return this.unitTextsStmt.all(assessmentId).map((r) => ({
      criterionId: r.criterion_id,
      programmeId: r.programme_id === '' ? null : r.programme_id,
      note: r.note,
      actionRequired: r.action_required,
      closingEvidence: r.closing_evidence,
    }));
  }

  /** Stores the parts on the unit's rating; false when the unit has no rating. */
  writeText(assessmentId: string, criterionId: string, programmeId: string | null, text: FindingActionText): boolean {
    return this.writeTextStmt.run({ assessmentId, criterionId, programmeId: programmeId ?? '', ...text }).changes === 1;
  }
}

function toAction(r: ActionRow): StoredAction {
  return {
    actionRequired: r.action_required ?? '',
    closingEvidence: r.closing_evidence ?? '',
    findingNote: r.finding_note ?? '',
    frameworkVersionId: r.framework_version_id,
    id: r.id,
    assessmentId: r.assessment_id,
    institutionId: r.institution_id,
    criterionId: r.criterion_id,
    programmeId: r.programme_id === '' ? null : r.programme_id,
    findingClass: r.finding_class as CorrectiveAction['findingClass'],
    description: r.description,
    owner: r.owner,
    dueDate: r.due_date,
    status: r.status as CorrectiveAction['status'],
    institutionResponse: r.institution_response,
    verificationNote: r.verification_note,
    verifiedInAssessmentId: r.verified_in_assessment_id,
    verifiedAt: r.verified_at,
    revision: r.revision,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}
