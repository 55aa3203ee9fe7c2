import type Database from 'better-sqlite3';
import type { Rating } from '../../../shared/assessments/schema';

interface RatingRow {
  assessment_id: string;
  criterion_id: string;
  programme_id: string;
  rating: number | string | null;
  na_reason: string;
  note: string;
  data: string;
  maturity: number | null;
  evidence_seen: string;
  override_reason: string;
  updated_at: string;
  updated_by: string;
}

/** A rating as stored, without the stamp the repository adds. */
export type RatingValues = Omit<Rating, 'updatedAt' | 'updatedBy'>;

// The primary key needs a NOT NULL programme: institution-level units are stored with ''.
const programmeKey = (programmeId: string | null): string => programmeId ?? '';

/** SQL for ratings, and nothing else. Autosave runs the UPSERT: it is prepared once and touches one row. */
export class RatingRepository {
  private readonly one: Database.Statement<[string, string, string], RatingRow>;
  private readonly all: Database.Statement<[string], RatingRow>;
  private readonly upsertStmt: Database.Statement;
  private readonly deleteOne: Database.Statement<[string, string, string]>;
  private readonly copyStmt: Database.Statement;
  private readonly attachedStmt: Database.Statement<[string], { criterion_id: string; programme_id: string; evidence_type: string }>;

  constructor(db: Database.Database) {
    this.one = db.prepare('SELECT * FROM ratings WHERE assessment_id = ? AND criterion_id = ? AND programme_id = ?');
    this.all = db.prepare('SELECT * FROM ratings WHERE assessment_id = ? ORDER BY criterion_id, programme_id');
    this.upsertStmt = db.prepare(`
      INSERT INTO ratings (assessment_id, criterion_id, programme_id, rating, na_reason, note, data, maturity, evidence_seen,
        override_reason, updated_at, updated_by)
      VALUES (@assessmentId, @criterionId, @programmeId, @rating, @naReason, @note, @data, @maturity, @evidenceSeen,
        @overrideReason, @at, @actor)
      ON CONFLICT (assessment_id, criterion_id, programme_id) DO UPDATE SET
        rating = excluded.rating, na_reason = excluded.na_reason, note = excluded.note, data = excluded.data,
        maturity = excluded.maturity, evidence_seen = excluded.evidence_seen, override_reason = excluded.override_reason,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
    this.deleteOne = db.prepare('DELETE FROM ratings WHERE assessment_id = ? AND criterion_id = ? AND programme_id = ?');
    // Reopening copies every rating in one statement, stamps included: the copy is what was finalised
    // (with the corrective actions written for its findings, migration 008).
    this.copyStmt = db.prepare(`
      INSERT INTO ratings (assessment_id, criterion_id, programme_id, rating, na_reason, note, data, maturity, evidence_seen,
        updated_at, updated_by, action_required, closing_evidence, override_reason)
      SELECT @to, criterion_id, programme_id, rating, na_reason, note, data, maturity, evidence_seen, updated_at, updated_by,
        action_required, closing_evidence, override_reason
      FROM ratings WHERE assessment_id = @from`);
    this.attachedStmt = db.prepare(`
      SELECT l.criterion_id, l.programme_id, i.evidence_type FROM evidence_links l
      JOIN evidence_items i ON i.id = l.evidence_item_id AND i.assessment_id = l.assessment_id
      WHERE l.assessment_id = ? ORDER BY l.criterion_id, l.programme_id, i.evidence_type`);
  }

  get(assessmentId: string, criterionId: string, programmeId: string | null): Rating | undefined {
    const row = this.one.get(assessmentId, criterionId, programmeKey(programmeId));
    return row ? toRating(row) : undefined;
  }

  list(assessmentId: string): Rating[] {
    return this.all.all(assessmentId).map(toRating);
  }

  upsert(assessmentId: string, r: RatingValues, at: string, actor: string): void {
    this.upsertStmt.run({
      assessmentId,
      criterionId: r.criterionId,
      programmeId: programmeKey(r.programmeId),
      rating: r.rating,
      naReason: r.naReason,
      note: r.note,
      data: JSON.stringify(r.data),
      maturity: r.maturity,
      evidenceSeen: JSON.stringify(r.evidenceSeen),
      overrideReason: r.overrideReason ?? '',
      at,
      actor,
    });
  }

  delete(assessmentId: string, criterionId: string, programmeId: string | null): void {
    this.deleteOne.run(assessmentId, criterionId, programmeKey(programmeId));
  }

  /**
   * The evidence types of the files attached to each unit of an assessment, by unitKey: with the ticked
   * types they are the evidence seen that the §7.1 rules read (shared/scoring/evidence-rules.ts).
   */
  attachedTypes(assessmentId: string): Map<string, string[]> {
    return attachedTypesByUnit(this.attachedStmt.all(assessmentId));
  }

  copy(from: string, to: string): number {
    return this.copyStmt.run({ from, to }).changes;
  }
}

function toRating(r: RatingRow): Rating {
  return {
    criterionId: r.criterion_id,
    programmeId: r.programme_id === '' ? null : r.programme_id,
    rating: r.rating === 'na' ? 'na' : r.rating === null ? null : (Number(r.rating) as 0 | 1 | 2 | 3),
    naReason: r.na_reason,
    note: r.note,
    data: JSON.parse(r.data) as Rating['data'],
    maturity: r.maturity,
    evidenceSeen: JSON.parse(r.evidence_seen) as string[],
    overrideReason: r.override_reason ?? '',
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** Evidence-type rows of attached files, grouped by unitKey, each type once. */
export function attachedTypesByUnit(
  rows: readonly { criterion_id: string; programme_id: string; evidence_type: string }[],
): Map<string, string[]> {
  const byUnit = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.criterion_id}@${r.programme_id}`;
    const list = byUnit.get(key);
    if (list === undefined) byUnit.set(key, [r.evidence_type]);
    else if (!list.includes(r.evidence_type)) list.push(r.evidence_type);
  }
  return byUnit;
}
