import type { sampleContract } from '../../../shared/sample/contract';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';

/** Thin calls from the sample channel into the sample service. */
export function sampleHandlers({ sample }: AppServices): HandlerMap<keyof typeof sampleContract> {
  return {
    'sample:create': () => sample.create(),
  };
}
