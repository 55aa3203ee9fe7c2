import { selfAssessmentToCompare } from '../../../../../shared/assessments/compared-self-assessment';
import type { Assessment } from '../../../../../shared/assessments/schema';
import type { RatingAnswer } from '../../../../../shared/scoring';
import { invoke } from '../../../api/client';
import { effectiveAnswers } from './self-answers';
import { loadFramework } from './framework-cache';

/**
 * The answers of the self-assessment an inspection is compared with — which one is decided once, in
 * shared/assessments/compared-self-assessment.ts, for this screen and the report alike — or null for a
 * self-assessment, or when the institution has none to compare with.
 */
export async function loadComparedSelfAnswers(assessment: Assessment): Promise<Map<string, RatingAnswer> | null> {
  if (assessment.kind === 'self-assessment') return null;
  const list = await invoke('assessments:list', { institutionId: assessment.institutionId, kind: 'self-assessment' });
  const self = list.ok ? selfAssessmentToCompare(list.value.items) : undefined;
  if (self === undefined) return null;
  const got = await invoke('assessments:get', { id: self.id });
  if (!got.ok) return null;
  const framework = await loadFramework(got.value.assessment.frameworkVersionId);
  return effectiveAnswers(framework.framework, got.value.assessment, got.value.ratings);
}
