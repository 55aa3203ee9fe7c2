import type { ProgrammeFacts } from '../framework/programme-facts';
import type { Programme } from '../institutions/schema';
import { institutionFacts } from '../scoring/applicable-items';
import { unitEvidence } from '../scoring/evidence-rules';
import type { AssessmentScope, RatingEntry } from '../scoring/inputs';
import type { ProgrammeSnapshot, Rating } from './schema';

/**
 * The programme facts an assessment keeps for its lifetime. Scores are computed from this snapshot,
 * never from the live registry, so editing a programme later cannot change a finalised result.
 */
export function snapshotProgramme(p: Programme): ProgrammeSnapshot {
  return {
    id: p.id,
    titleEn: p.titleEn,
    titleBn: p.titleBn,
    sector: p.sector,
    mobilityTrack: p.mobilityTrack,
    activities: [...p.activities],
    destinationCountry: p.destinationCountry,
    targetLanguage: p.targetLanguage,
    targetCefr: p.targetCefr,
  };
}

/** What the framework's conditions may ask about a programme. */
export function programmeFacts(p: ProgrammeSnapshot): ProgrammeFacts {
  return { sector: p.sector, mobilityTrack: p.mobilityTrack, activities: [...p.activities] };
}

/** The scoring scope of an assessment: its programme snapshots, in the order they were chosen. */
export function scopeOf(programmes: readonly ProgrammeSnapshot[]): AssessmentScope {
  return { programmes: programmes.map((p) => ({ id: p.id, title: p.titleEn, facts: programmeFacts(p) })) };
}

/**
 * The facts a unit's conditions are judged on: the programme's own for a programme-level unit; for an
 * institution-level unit (programmeId null) the institution as a whole, as shared/scoring does.
 * Undefined for a programme that is not in scope.
 */
export function unitFacts(programmes: readonly ProgrammeSnapshot[], programmeId: string | null): ProgrammeFacts | undefined {
  if (programmeId === null) return institutionFacts(programmes.map(programmeFacts));
  const programme = programmes.find((p) => p.id === programmeId);
  return programme === undefined ? undefined : programmeFacts(programme);
}

/**
 * Stored ratings as the scoring functions take them. With `attached` (evidence types of the files attached
 * to each unit, by unitKey; an empty map when none) each entry also carries the evidence seen, and the
 * §7.1 evidence rules apply (shared/scoring/evidence-rules.ts); without it they do not.
 */
export function ratingEntriesOf(
  ratings: readonly (Pick<Rating, 'criterionId' | 'programmeId' | 'rating' | 'data'> & Partial<Pick<Rating, 'evidenceSeen'>>)[],
  attached?: ReadonlyMap<string, readonly string[]>,
): RatingEntry[] {
  if (attached === undefined)
    return ratings.map((r) => ({ criterionId: r.criterionId, programmeId: r.programmeId, rating: r.rating, data: r.data }));
  return ratings.map((r) => ({
    criterionId: r.criterionId,
    programmeId: r.programmeId,
    rating: r.rating,
    data: r.data,
    evidence: unitEvidence(r.evidenceSeen, attached.get(unitKey(r.criterionId, r.programmeId))),
  }));
}

/** A stable key for one unit of audit, e.g. "CU-01@<programme id>" or "GQ-01@" (institution level). */
export function unitKey(criterionId: string, programmeId: string | null): string {
  return `${criterionId}@${programmeId ?? ''}`;
}
