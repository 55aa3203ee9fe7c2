import { createHash } from 'node:crypto';
import { dataValueIssues } from '../../../shared/assessments/data-values';
import { maturityOffered, ratingFromMaturity } from '../../../shared/assessments/rules';
import type { AssessmentKind, Rating, RatingPatch } from '../../../shared/assessments/schema';
import { unitKey } from '../../../shared/assessments/scope';
import type { Issue } from '../../../shared/ipc/result';
import type { Mutator } from '../db/mutator';
import { assertDraft, assessmentNotFound, invalid } from './assessment-errors';
import type { AssessmentRepository } from './assessment-repository';
import type { RatingRepository, RatingValues } from './rating-repository';
import { countsAsAnswered, type PlacedCriterion, type UnitIndex, type UnitIndexCache } from './unit-index';
import { scoredFromFigures, type ApplicableItem } from '../../../shared/scoring';

export interface SaveRatingRequest {
  assessmentId: string;
  criterionId: string;
  programmeId: string | null;
  patch: RatingPatch;
}

/**
 * Autosave: one partial change to one unit of audit, checked against the pinned framework and stored
 * in one transaction with its change-log entry. Everything it needs about the framework comes from a
 * cached unit index, so a save costs a primary-key read, an UPSERT and the log entry.
 */
export class RatingService {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly ratings: RatingRepository,
    private readonly units: UnitIndexCache,
    private readonly mutator: Mutator,
  ) {}

  save(req: SaveRatingRequest): Rating {
    return this.mutator.run((m) => {
      const head = this.assessments.head(req.assessmentId);
      if (head === undefined) throw assessmentNotFound();
      assertDraft(head.status);
      const index = this.units.for(head.framework_version_id, head.programmes);
      const placed = index.criteria.get(req.criterionId);
      if (placed === undefined) {
        throw invalid('This criterion is not in the framework of this assessment.', [
          { path: ['criterionId'], message: 'assessments.errors.unknownCriterion' },
        ]);
      }
      const unit = index.units.get(unitKey(req.criterionId, req.programmeId));
      if (unit === undefined) {
        throw invalid('This criterion is not rated for this programme in this assessment.', [
          { path: ['programmeId'], message: 'assessments.errors.unitNotInScope' },
        ]);
      }

      const before = this.ratings.get(req.assessmentId, req.criterionId, req.programmeId);
      const issues: Issue[] = patchIssues(req.patch, placed, unit, index, head.kind);
      const after = merge(before, req, index);
      if (after.maturity !== null && ratingFromMaturity(index.framework, after.maturity) !== after.rating) {
        issues.push({ path: ['patch', 'rating'], message: 'assessments.errors.maturityMismatch' });
      }
      if (issues.length > 0) throw invalid('The rating was not saved.', issues);

      this.ratings.upsert(req.assessmentId, after, m.at, m.actor.name);
      const delta = Number(countsAsAnswered(index, after)) - Number(countsAsAnswered(index, before));
      this.assessments.touch(req.assessmentId, delta, m.at, m.actor.name);
      m.record({ entity: 'assessment', entityId: req.assessmentId, action: 'save-rating', payload: logPayload(req) });
      return { ...after, updatedAt: m.at, updatedBy: m.actor.name };
    });
  }
}

function patchIssues(patch: RatingPatch, placed: PlacedCriterion, unit: ApplicableItem, index: UnitIndex, kind: AssessmentKind): Issue[] {
  const issues: Issue[] = [];
  if (patch.rating !== undefined && patch.rating !== null) {
    // A unit whose condition does not hold is N/A by the framework itself; it takes no answer.
    if (!unit.applicable) issues.push({ path: ['patch', 'rating'], message: 'assessments.errors.conditionNotMet' });
    else if (patch.rating === 'na' && unit.critical) issues.push({ path: ['patch', 'rating'], message: 'assessments.rules.naNotAllowed' });
    // Scored from its figures (domain notes §7.4): a typed 0–3 would be a rating that does not count,
    // shown on the card while the score, the corrective action and the report say otherwise.
    else if (patch.rating !== 'na' && scoredFromFigures(placed.criterion))
      issues.push({ path: ['patch', 'rating'], message: 'assessments.errors.ratedFromFigures' });
  }
  patch.evidenceSeen?.forEach((code, i) => {
    if (!index.evidenceCodes.has(code)) issues.push({ path: ['patch', 'evidenceSeen', i], message: 'assessments.errors.unknownEvidence' });
  });
  if (patch.data !== undefined) {
    for (const issue of dataValueIssues(placed.criterion, patch.data))
      issues.push({ path: ['patch', 'data', ...issue.path], message: issue.message });
  }
  if (patch.maturity !== undefined && patch.maturity !== null && !maturityOffered(index.framework, placed.groupId, kind)) {
    issues.push({ path: ['patch', 'maturity'], message: 'assessments.errors.maturityNotOffered' });
  }
  return issues;
}

/**
 * Applies the patch to what is stored. Omitted fields stay; `data` replaces the unit's data as a whole.
 * The maturity lens drives the rating: choosing a level sets the rating it maps to, and typing a rating
 * that no longer matches the stored level clears the level.
 */
function merge(before: Rating | undefined, req: SaveRatingRequest, index: UnitIndex): RatingValues {
  const { patch } = req;
  let rating = patch.rating !== undefined ? patch.rating : (before?.rating ?? null);
  let maturity = patch.maturity !== undefined ? patch.maturity : (before?.maturity ?? null);
  if (patch.maturity !== undefined && patch.maturity !== null && patch.rating === undefined) {
    rating = ratingFromMaturity(index.framework, patch.maturity);
  } else if (patch.maturity === undefined && maturity !== null && ratingFromMaturity(index.framework, maturity) !== rating) {
    maturity = null;
  }
  return {
    criterionId: req.criterionId,
    programmeId: req.programmeId,
    rating,
    naReason: patch.naReason ?? before?.naReason ?? '',
    note: patch.note ?? before?.note ?? '',
    data: patch.data ?? before?.data ?? {},
    maturity,
    evidenceSeen: patch.evidenceSeen ?? before?.evidenceSeen ?? [],
    overrideReason: patch.overrideReason ?? before?.overrideReason ?? '',
  };
}

/**
 * What the change log keeps of an autosave. Notes are saved many times while typed, so the log keeps
 * their length and a fingerprint rather than every version of the text; the rating row holds the text.
 */
function logPayload(req: SaveRatingRequest): Record<string, unknown> {
  const { note, overrideReason, ...rest } = req.patch;
  const payload: Record<string, unknown> = { criterionId: req.criterionId, programmeId: req.programmeId, ...rest };
  if (note !== undefined) {
    payload.noteLength = note.length;
    payload.noteSha256 = createHash('sha256').update(note).digest('hex');
  }
  // Typed and autosaved like a note: the log keeps a fingerprint, the rating row the text.
  if (overrideReason !== undefined) {
    payload.overrideReasonLength = overrideReason.length;
    payload.overrideReasonSha256 = createHash('sha256').update(overrideReason).digest('hex');
  }
  return payload;
}
