import type { RatingValue } from '../framework/schema';

/**
 * The evidence rules of domain notes §7.1 that decide how a typed rating counts, applied by the
 * authoritative scoring (not only shown on the card):
 *
 * - interview-only evidence caps the score at 2 ("Largely met"): a typed 3 whose evidence seen is
 *   interviews alone counts as 2 in every percentage, finding and outcome;
 * - a critical criterion rated 3 ("Met") needs an observation (OBS) or a record (REC) among the evidence
 *   seen; without one the unit is flagged, and an inspection cannot be submitted until the inspector
 *   writes an override reason for it (shared/assessments/rules.ts).
 *
 * "Evidence seen" is every type ticked on the card and every type of a file attached to the unit
 * (shared/evidence/card-evidence.ts): the card, the score and the report read the same list.
 */

/** Evidence that shows a criterion is met in practice, not just on paper or in words (§7.1). */
export const observationOrRecords: readonly string[] = ['OBS', 'REC'];

/** Interviews with different people (INT-M, INT-T, INT-L, INT-E) are one kind of evidence. */
export function evidenceKind(code: string): string {
  return code.startsWith('INT-') || code === 'INT' ? 'INT' : code;
}

/** Interviews and nothing else (any number of interviewees is still one kind). */
export function interviewOnly(evidence: readonly string[]): boolean {
  return evidence.length > 0 && evidence.every((code) => evidenceKind(code) === 'INT');
}

export function hasObservationOrRecord(evidence: readonly string[]): boolean {
  return evidence.some((code) => observationOrRecords.includes(code));
}

/** The highest rating interview-only evidence supports (§7.1). */
export const interviewOnlyCap: RatingValue = 2;

export interface EvidenceVerdict {
  /** The rating that counts. */
  rating: RatingValue;
  /** Set when the evidence lowered the typed rating: why. */
  capped?: 'interview-only';
  /** A critical unit typed 3 without observation or record evidence (needs an override reason to submit). */
  criticalMetWithoutObsOrRec?: true;
}

/** How a typed 0–3 counts given the evidence seen for its unit. Deterministic; no other input. */
export function applyEvidenceRules(typed: RatingValue, evidence: readonly string[], critical: boolean): EvidenceVerdict {
  const verdict: EvidenceVerdict = { rating: typed };
  if (typed > interviewOnlyCap && interviewOnly(evidence)) {
    verdict.rating = interviewOnlyCap;
    verdict.capped = 'interview-only';
  }
  if (typed === 3 && critical && !hasObservationOrRecord(evidence)) verdict.criticalMetWithoutObsOrRec = true;
  return verdict;
}

/** Evidence seen for a unit: the ticked types and the types of files attached to it, without repeats, sorted. */
export function unitEvidence(ticked: readonly string[] | undefined, attached: readonly string[] | undefined): string[] {
  return [...new Set([...(ticked ?? []), ...(attached ?? [])])].sort();
}
