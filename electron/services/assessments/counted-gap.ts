import { selfAssessmentGap, type GapReport } from '../../../shared/assessments/gap';
import type { Assessment } from '../../../shared/assessments/schema';
import type { Framework } from '../../../shared/framework/schema';
import type { ScoreResult } from '../../../shared/scoring';
import { invalid } from './assessment-errors';

export interface GapSources {
  assessment: (id: string) => Assessment;
  /** The result that counts for an assessment: the one its score and report use (scoreAsRecorded). */
  score: (id: string) => ScoreResult;
  framework: (versionId: string) => Framework;
}

/**
 * The self-assessment against an inspection of the same institution, on the ratings that count for each
 * (domain notes §7.2; shared/assessments/gap.ts): what the gap view shows, and what the report prints.
 */
export function countedGap(sources: GapSources, selfId: string, inspectionId: string): GapReport {
  const self = sources.assessment(selfId);
  const inspection = sources.assessment(inspectionId);
  const issues = [];
  if (self.kind !== 'self-assessment') issues.push({ path: ['selfId'], message: 'assessments.errors.gapNotSelf' });
  if (inspection.kind === 'self-assessment') issues.push({ path: ['inspectionId'], message: 'assessments.errors.gapNotInspection' });
  if (self.institutionId !== inspection.institutionId)
    issues.push({ path: ['inspectionId'], message: 'assessments.errors.gapOtherInstitution' });
  if (issues.length > 0) throw invalid('Compare a self-assessment with an inspection of the same institution.', issues);
  return selfAssessmentGap(
    { framework: sources.framework(self.frameworkVersionId), score: sources.score(selfId) },
    { framework: sources.framework(inspection.frameworkVersionId), score: sources.score(inspectionId) },
  );
}
