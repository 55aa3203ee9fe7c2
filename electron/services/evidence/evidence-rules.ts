import { unitKey } from '../../../shared/assessments/scope';
import { refusal } from '../../../shared/evidence/refusals';
import type { EvidenceLink } from '../../../shared/evidence/schema';
import { AppError, type Issue } from '../../../shared/ipc/result';
import { assertDraft, assessmentNotFound } from '../assessments/assessment-errors';
import type { AssessmentHead, AssessmentRepository } from '../assessments/assessment-repository';
import type { UnitIndexCache } from '../assessments/unit-index';
import { refused } from './incoming-files';

/** What every evidence change checks: the assessment exists and is a draft (as for ratings). */
export function requireDraft(assessments: AssessmentRepository, assessmentId: string): AssessmentHead {
  const head = assessments.head(assessmentId);
  if (head === undefined) throw assessmentNotFound();
  assertDraft(head.status);
  return head;
}

export function requireAssessment(assessments: AssessmentRepository, assessmentId: string): AssessmentHead {
  const head = assessments.head(assessmentId);
  if (head === undefined) throw assessmentNotFound();
  return head;
}

/**
 * The evidence type must be one of the pinned framework's, and every link a unit of this assessment
 * that applies (a criterion at institution level, or for a programme in scope). Returns the links
 * without repeats.
 */
export function checkDetails(
  units: UnitIndexCache,
  head: AssessmentHead,
  details: { evidenceType: string; links: readonly EvidenceLink[] },
): EvidenceLink[] {
  const index = units.for(head.framework_version_id, head.programmes);
  const issues: Issue[] = [];
  if (!index.evidenceCodes.has(details.evidenceType)) issues.push({ path: ['evidenceType'], message: refusal('unknownType') });
  const seen = new Set<string>();
  const links: EvidenceLink[] = [];
  details.links.forEach((link, i) => {
    const key = unitKey(link.criterionId, link.programmeId);
    const unit = index.units.get(key);
    if (unit === undefined || !unit.applicable) issues.push({ path: ['links', i], message: refusal('unitNotInScope') });
    else if (!seen.has(key)) {
      seen.add(key);
      links.push({ criterionId: link.criterionId, programmeId: link.programmeId });
    }
  });
  if (issues.length > 0) throw refused(issues);
  return links;
}

export function itemNotFound(): AppError {
  return new AppError('not-found', 'This evidence is no longer attached. Reload to see the current list.');
}

export function staleItem(): AppError {
  return new AppError(
    'conflict',
    'This evidence was changed elsewhere since you opened it. Reload to see the latest version, then try again.',
  );
}
