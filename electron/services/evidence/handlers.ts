import type { evidenceContract } from '../../../shared/evidence/contract';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';

/** Thin calls from the evidence channels into the evidence service. */
export function evidenceHandlers({ evidence }: AppServices): HandlerMap<keyof typeof evidenceContract> {
  return {
    'evidence:list': (r) => evidence.list(r.assessmentId),
    'evidence:upload-chunk': (r) => evidence.uploadChunk(r.uploadId, r.offset, r.chunkBase64),
    'evidence:attach': (r) => evidence.attach(r),
    'evidence:attach-from-dialog': (r) => evidence.attachFromDialog(r),
    'evidence:update': (r) => evidence.update(r.itemId, r.revision, { caption: r.caption, evidenceType: r.evidenceType }),
    'evidence:link': (r) => evidence.link(r.itemId, r.revision, r.links),
    'evidence:remove': (r) => evidence.remove(r.itemId, r.revision, r.from),
    'evidence:thumbnail': (r) => evidence.thumbnail(r.itemId),
    'evidence:content': (r) => evidence.content(r.itemId),
    'evidence:open-external': (r) => evidence.openExternal(r.itemId),
    'evidence:verify-all': (r) => evidence.verifyAll(r.assessmentId),
  };
}
