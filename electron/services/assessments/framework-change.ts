import { planFigureMoves, type MoveNote } from '../../../shared/assessments/framework-moves';
import type { Assessment } from '../../../shared/assessments/schema';
import { unitKey } from '../../../shared/assessments/scope';
import { diffFrameworks, type FrameworkDiff } from '../../../shared/framework';
import type { Mutator } from '../db/mutator';
import type { FrameworkService } from '../frameworks/framework-service';
import { assertDraft, invalid, staleAssessment } from './assessment-errors';
import { findFramework, type AssessmentRecords } from './assessment-records';
import type { AssessmentRepository } from './assessment-repository';
import { carryRating, sameRatingValues } from './carry-rating';
import type { RatingRepository, RatingValues } from './rating-repository';
import { countAnswered, type UnitIndexCache } from './unit-index';

export interface FrameworkChangeRequest {
  id: string;
  revision: number;
  frameworkVersionId: string;
  apply: boolean;
}

export interface FrameworkChangeResult extends FrameworkDiff {
  droppedRatings: number;
  /**
   * Figures carried to another criterion, figures to enter or check, and ratings kept on a criterion
   * whose meaning changed (shared/assessments/framework-moves.ts), unit by unit.
   */
  notes: MoveNote[];
  /** The moved assessment when applied; null for a preview. */
  assessment: Assessment | null;
}

/**
 * Moves a draft to another version of the same framework. Ratings follow their criterion id; ratings
 * of units that no longer exist are removed (and counted, so the preview can say what will be lost);
 * the rest are made valid in the new version (see carryRating). Figures a published version moved to
 * another criterion follow field by field, and what the inspector must check is said per unit
 * (planFigureMoves): the preview lists it and the change log keeps it. A preview changes nothing.
 */
export class FrameworkChange {
  constructor(
    private readonly records: AssessmentRecords,
    private readonly assessments: AssessmentRepository,
    private readonly ratings: RatingRepository,
    private readonly frameworks: FrameworkService,
    private readonly units: UnitIndexCache,
    private readonly mutator: Mutator,
  ) {}

  change(req: FrameworkChangeRequest): FrameworkChangeResult {
    const plan = () => {
      const a = this.records.require(req.id);
      assertDraft(a.status);
      if (a.revision !== req.revision) throw staleAssessment();
      const current = this.frameworks.get(a.frameworkVersionId);
      const target = findFramework(this.frameworks, req.frameworkVersionId);
      const path = ['frameworkVersionId'];
      if (target === undefined)
        throw invalid('No framework version has this id.', [{ path, message: 'assessments.errors.frameworkNotFound' }]);
      if (target.framework.id !== current.framework.id) {
        throw invalid('Choose a version of the same framework.', [{ path, message: 'assessments.errors.frameworkOtherFamily' }]);
      }
      if (target.summary.id === current.summary.id) {
        throw invalid('The assessment already uses this version.', [{ path, message: 'assessments.errors.frameworkSameVersion' }]);
      }
      const index = this.units.for(target.summary.id, JSON.stringify(a.programmes));
      const stored = this.ratings.list(a.id);
      const dropped = stored.filter((r) => !index.units.has(unitKey(r.criterionId, r.programmeId)));
      const moves = planFigureMoves(current.framework, target.framework, index.units, stored);
      return { a, target, index, stored, dropped, moves, diff: diffFrameworks(current.framework, target.framework) };
    };

    if (!req.apply) {
      const { diff, dropped, moves } = plan();
      return { ...diff, droppedRatings: dropped.length, notes: moves.notes, assessment: null };
    }
    return this.mutator.run((m) => {
      const { a, target, index, stored, dropped, moves, diff } = plan();
      for (const r of dropped) this.ratings.delete(a.id, r.criterionId, r.programmeId);
      for (const r of stored) {
        const carried = carryRating(r, index, a.kind);
        if (carried === undefined) continue;
        // Figures moved here from another criterion join what the unit carries (its own values first).
        const added = moves.data.get(unitKey(r.criterionId, r.programmeId));
        const values: RatingValues = {
          ...carried,
          data: added === undefined ? carried.data : { ...added.data, ...carried.data },
          overrideReason: r.overrideReason ?? '',
        };
        if (!sameRatingValues(values, r)) this.ratings.upsert(a.id, values, m.at, m.actor.name);
      }
      const storedKeys = new Set(stored.map((r) => unitKey(r.criterionId, r.programmeId)));
      for (const [key, added] of moves.data) {
        if (storedKeys.has(key)) continue;
        const values: RatingValues = {
          criterionId: added.criterionId,
          programmeId: added.programmeId,
          rating: null,
          naReason: '',
          note: '',
          data: added.data,
          maturity: null,
          evidenceSeen: [],
          overrideReason: '',
        };
        this.ratings.upsert(a.id, values, m.at, m.actor.name);
      }
      const pin = {
        frameworkVersionId: target.summary.id,
        frameworkVersion: target.summary.version,
        frameworkContentHash: target.summary.contentHash,
        unitsTotal: index.total,
        unitsAnswered: countAnswered(index, this.ratings.list(a.id)),
      };
      if (!this.assessments.repin(a.id, req.revision, pin, m.at, m.actor.name)) throw staleAssessment();
      m.record({
        entity: 'assessment',
        entityId: a.id,
        action: 'change-framework',
        payload: {
          from: { frameworkVersionId: a.frameworkVersionId, version: a.frameworkVersion },
          to: { frameworkVersionId: pin.frameworkVersionId, version: pin.frameworkVersion },
          droppedRatings: dropped.map((r) => unitKey(r.criterionId, r.programmeId)),
          // What moved field by field and what the inspector must check, with the values (nothing unsaid).
          notes: moves.notes,
        },
      });
      return { ...diff, droppedRatings: dropped.length, notes: moves.notes, assessment: this.records.require(a.id) };
    });
  }
}
