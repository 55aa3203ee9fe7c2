import type { frameworksContract } from '../../../shared/framework/contract';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';

/** Thin calls from the framework-library channels into the framework service. */
export function frameworkHandlers({ frameworks }: AppServices): HandlerMap<keyof typeof frameworksContract> {
  return {
    'frameworks:list': () => ({ items: frameworks.list() }),
    'frameworks:get': (r) => frameworks.get(r.id),
  };
}
