import type Database from 'better-sqlite3';
import type { CorrectiveAction, CorrectiveActionUpdate } from '../../../shared/assessments/schema';

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
}

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

/** SQL for corrective actions, and nothing else. */
export class CorrectiveActionRepository {
  private readonly byId: Database.Statement<[string], ActionRow>;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly verifyStmt: Database.Statement;
  private readonly carryStmt: Database.Statement;
  private readonly withdrawStmt: Database.Statement<[string]>;
  private readonly listStmts = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.byId = db.prepare('SELECT * FROM corrective_actions WHERE id = ?');
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

  get(id: string): CorrectiveAction | undefined {
    const row = this.byId.get(id);
    return row ? toAction(row) : undefined;
  }

  list(filter: ActionFilter): CorrectiveAction[] {
    const where: string[] = [];
    const params: Record<string, string> = {};
    if (filter.institutionId !== undefined) {
      where.push('institution_id = @institutionId');
      params.institutionId = filter.institutionId;
    }
    if (filter.assessmentId !== undefined) {
      where.push('assessment_id = @assessmentId');
      params.assessmentId = filter.assessmentId;
    }
    if (filter.status !== undefined) {
      where.push('status = @status');
      params.status = filter.status;
    }
    if (filter.openOnly === true) where.push("status <> 'verified-closed'");
    const sql = `SELECT * FROM corrective_actions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY due_date = '', due_date, created_at, criterion_id, programme_id`;
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
}

function toAction(r: ActionRow): CorrectiveAction {
  return {
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
