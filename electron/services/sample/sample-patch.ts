import { evidenceKind, observationOrRecords } from '../../../shared/assessments/rules';
import type { RatingPatch } from '../../../shared/assessments/schema';
import type { Criterion } from '../../../shared/framework/schema';
import type { Language } from '../../../shared/settings/schema';
import type { Bilingual, PlannedRating } from './sample-ratings';

/**
 * What the sample stores for one unit: its planned rating, figures, note and N/A reason in the user's
 * language, or Met with a general note. An outcome unit without planned figures gets nothing (null):
 * a typed rating alone would score it as missing data, a major finding nobody meant to make.
 */
export function samplePatch(
  criterion: Criterion,
  critical: boolean,
  planned: PlannedRating | undefined,
  language: Language,
  metNote: Bilingual,
): RatingPatch | null {
  if (planned === undefined && criterion.outcome !== undefined) return null;
  const plan: PlannedRating = planned ?? { rating: 3, note: metNote };
  const patch: RatingPatch = {};
  if (plan.rating !== undefined) patch.rating = plan.rating;
  if (plan.data !== undefined) patch.data = plan.data;
  if (plan.note !== undefined) patch.note = plan.note[language];
  if (plan.naReason !== undefined) patch.naReason = plan.naReason[language];
  if (plan.rating !== 'na') patch.evidenceSeen = evidenceSeen(criterion, plan.rating, critical);
  return patch;
}

/**
 * The evidence an inspector would have looked at: what the criterion expects, and for a Met rating
 * enough to satisfy the rating rules (two kinds of evidence; records or observation on a critical
 * criterion), so the sample shows no warnings the user did not cause.
 */
function evidenceSeen(criterion: Criterion, rating: PlannedRating['rating'], critical: boolean): string[] {
  const seen = [...criterion.evidence];
  if (rating !== 3) return seen;
  if (critical && !seen.some((c) => observationOrRecords.includes(c))) seen.push('REC');
  if (new Set(seen.map(evidenceKind)).size < 2) seen.push(seen.includes('OBS') ? 'REC' : 'OBS');
  return seen;
}
