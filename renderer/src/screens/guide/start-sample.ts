import type { Result } from '../../../../shared/ipc/result';
import type { SampleAssessment } from '../../../../shared/sample/contract';
import { invoke } from '../../api/client';
import { navigate } from '../../router';
import { openGuide } from './guide-state';

/** Makes the sample (or finds the one already made), turns the guide on and opens the inspection. */
export async function startSample(): Promise<Result<SampleAssessment>> {
  const result = await invoke('sample:create', {});
  if (result.ok) {
    openGuide(result.value);
    navigate({ name: 'assessment', id: result.value.assessmentId });
  }
  return result;
}
