import type Database from 'better-sqlite3';
import type { AppealDecision } from '../../../shared/accreditation/schema';
import type { AccreditationCycle } from '../../../shared/accreditation/validity';

/** The columns of an assessment the accreditation cycle reads (migration 010 and 003). */
export interface CycleRow {
  id: string;
  kind: 'self-assessment' | 'inspection' | 'follow-up';
  status: 'draft' | 'submitted' | 'finalised';
  institution_id: string;
  framework_version_id: string;
  team: string;
  submitted_at: string | null;
  submitted_by: string;
  finalised_at: string | null;
  finalised_by: string;
  score: string | null;
  revision: number;
  validity_months: number;
  aligned_until: string;
  next_due: string;
  countersigned_by: string;
  countersigned_role: string;
  countersigned_at: string;
  countersign_comment: string;
}

export interface AppealRow {
  id: string;
  assessment_id: string;
  institution_id: string;
  received_on: string;
  grounds: string;
  lodged_by: string;
  decision: '' | AppealDecision;
  decided_by: string;
  decided_on: string;
  outcome_note: string;
  revision: number;
  created_at: string;
  created_by: string;
}

const cycleColumns = `id, kind, status, institution_id, framework_version_id, team, submitted_at, submitted_by, finalised_at,
  finalised_by, score, revision, validity_months, aligned_until, next_due, countersigned_by, countersigned_role,
  countersigned_at, countersign_comment`;

const appealColumns = `id, assessment_id, institution_id, received_on, grounds, lodged_by, decision, decided_by, decided_on,
  outcome_note, revision, created_at, created_by`;

/** SQL of the accreditation cycle: stamps on assessments (010) and the appeals table. */
export class AccreditationRepository {
  private readonly byId: Database.Statement<[string], CycleRow>;
  private readonly stampStmt: Database.Statement;
  private readonly countersignStmt: Database.Statement;
  private readonly latestStmt: Database.Statement<[string], CycleRow>;
  private readonly latestAllStmt: Database.Statement<[], CycleRow>;
  private readonly actionClassesStmt: Database.Statement<[string], string>;
  private readonly appealById: Database.Statement<[string], AppealRow>;
  private readonly appealsOf: Database.Statement<[string], AppealRow>;
  private readonly appealsOfInstitution: Database.Statement<[string], AppealRow>;
  private readonly openAppealStmt: Database.Statement<[string], AppealRow>;
  private readonly insertAppealStmt: Database.Statement;
  private readonly decideStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.byId = db.prepare(`SELECT ${cycleColumns} FROM assessments WHERE id = ?`);
    // Only while submitted: finalising (in the same transaction) then freezes the dates with the outcome.
    this.stampStmt = db.prepare(`UPDATE assessments SET validity_months = @validityMonths, aligned_until = @alignedUntil,
      next_due = @nextDue WHERE id = @id AND status = 'submitted'`);
    this.countersignStmt = db.prepare(`UPDATE assessments SET countersigned_by = @name, countersigned_role = @role,
      countersigned_at = @at, countersign_comment = @comment, revision = revision + 1, updated_at = @at, updated_by = @name
      WHERE id = @id AND revision = @revision AND status = 'submitted'`);
    const latest = `SELECT ${cycleColumns} FROM (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY institution_id ORDER BY finalised_at DESC, id DESC) AS n
        FROM assessments WHERE status = 'finalised' AND kind IN ('inspection', 'follow-up') %WHERE%)
      WHERE n = 1`;
    this.latestStmt = db.prepare(latest.replace('%WHERE%', 'AND institution_id = ?'));
    this.latestAllStmt = db.prepare(latest.replace('%WHERE%', ''));
    this.actionClassesStmt = db
      .prepare('SELECT finding_class FROM corrective_actions WHERE assessment_id = ?')
      .pluck() as Database.Statement<[string], string>;
    this.appealById = db.prepare(`SELECT ${appealColumns} FROM appeals WHERE id = ?`);
    this.appealsOf = db.prepare(`SELECT ${appealColumns} FROM appeals WHERE assessment_id = ? ORDER BY created_at, id`);
    this.appealsOfInstitution = db.prepare(`SELECT ${appealColumns} FROM appeals WHERE institution_id = ? ORDER BY created_at DESC, id`);
    this.openAppealStmt = db.prepare(`SELECT ${appealColumns} FROM appeals WHERE assessment_id = ? AND decision = ''`);
    this.insertAppealStmt = db.prepare(`INSERT INTO appeals (id, assessment_id, institution_id, received_on, grounds, lodged_by,
      created_at, created_by, updated_at, updated_by)
      VALUES (@id, @assessmentId, @institutionId, @receivedOn, @grounds, @lodgedBy, @at, @actor, @at, @actor)`);
    this.decideStmt = db.prepare(`UPDATE appeals SET decision = @decision, decided_by = @decidedBy, decided_on = @decidedOn,
      outcome_note = @outcomeNote, revision = revision + 1, updated_at = @at, updated_by = @decidedBy
      WHERE id = @id AND revision = @revision AND decision = ''`);
  }

  assessment(id: string): CycleRow | undefined {
    return this.byId.get(id);
  }

  stamp(id: string, cycle: AccreditationCycle): boolean {
    return this.stampStmt.run({ id, ...cycle }).changes === 1;
  }

  countersign(id: string, revision: number, c: { name: string; role: string; at: string; comment: string }): boolean {
    return this.countersignStmt.run({ id, revision, ...c }).changes === 1;
  }

  latestFinalised(institutionId: string): CycleRow | undefined {
    return this.latestStmt.get(institutionId);
  }

  latestFinalisedAll(): CycleRow[] {
    return this.latestAllStmt.all();
  }

  actionClasses(assessmentId: string): string[] {
    return this.actionClassesStmt.all(assessmentId);
  }

  appeal(id: string): AppealRow | undefined {
    return this.appealById.get(id);
  }

  appeals(assessmentId: string): AppealRow[] {
    return this.appealsOf.all(assessmentId);
  }

  institutionAppeals(institutionId: string): AppealRow[] {
    return this.appealsOfInstitution.all(institutionId);
  }

  openAppeal(assessmentId: string): AppealRow | undefined {
    return this.openAppealStmt.get(assessmentId);
  }

  insertAppeal(
    a: { id: string; assessmentId: string; institutionId: string; receivedOn: string; grounds: string; lodgedBy: string },
    at: string,
    actor: string,
  ): void {
    this.insertAppealStmt.run({ ...a, at, actor });
  }

  decide(
    id: string,
    revision: number,
    d: { decision: AppealDecision; decidedBy: string; decidedOn: string; outcomeNote: string },
    at: string,
  ): boolean {
    return this.decideStmt.run({ id, revision, ...d, at }).changes === 1;
  }
}
