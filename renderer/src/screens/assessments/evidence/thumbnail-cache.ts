import type { EvidenceItem } from '../../../../../shared/evidence/schema';
import { evidenceMediaTypes } from '../../../../../shared/evidence/media-types';
import { invoke } from '../../../api/client';
import { base64ToBlob } from '../../../files';

// Previews are keyed by the file's hash, which never changes: one fetch per file for the session.
const urls = new Map<string, Promise<string | null>>();
const MAX = 600;

/** A blob: URL of the item's 256-pixel preview, or null (not an image, or the file cannot be read). */
export function thumbnailUrl(item: EvidenceItem): Promise<string | null> {
  if (evidenceMediaTypes[item.mediaType] !== 'image') return Promise.resolve(null);
  let found = urls.get(item.sha256);
  if (found === undefined) {
    found = invoke('evidence:thumbnail', { itemId: item.id }).then((r) => {
      if (!r.ok || r.value.thumbnail === null) {
        urls.delete(item.sha256);
        return null;
      }
      return URL.createObjectURL(base64ToBlob(r.value.thumbnail.contentBase64, r.value.thumbnail.mediaType));
    });
    if (urls.size >= MAX) {
      const [oldest, url] = urls.entries().next().value!;
      urls.delete(oldest);
      void url.then((u) => u && URL.revokeObjectURL(u));
    }
    urls.set(item.sha256, found);
  }
  return found;
}
