import type { frameworksContract } from '../../../shared/framework/contract';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';

/** Thin calls from the framework-library channels into the framework service. Files arrive as base64 content. */
export function frameworkHandlers({ frameworks }: AppServices): HandlerMap<keyof typeof frameworksContract> {
  return {
    'frameworks:list': () => ({ items: frameworks.list() }),
    'frameworks:get': (r) => frameworks.get(r.id),
    'frameworks:check-file': (r) => frameworks.checkFile(r.fileName, Buffer.from(r.contentBase64, 'base64')),
    'frameworks:import-file': async (r) => {
      const { status, summary, warnings } = await frameworks.importFile(r.fileName, Buffer.from(r.contentBase64, 'base64'));
      return { status, summary, warnings };
    },
    'frameworks:export': async (r) => {
      const file = await frameworks.exportVersion(r.id, r.format);
      return { fileName: file.fileName, mediaType: file.mediaType, contentBase64: file.bytes.toString('base64') };
    },
    'frameworks:compare': (r) => frameworks.compare(r.olderId, r.newerId),
  };
}
