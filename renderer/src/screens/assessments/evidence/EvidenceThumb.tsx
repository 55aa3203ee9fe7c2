import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceMediaTypes } from '../../../../../shared/evidence/media-types';
import type { EvidenceItem } from '../../../../../shared/evidence/schema';
import { ok } from '../../../../../shared/ipc/result';
import { useLoad } from '../../../data/use-request';
import { thumbnailUrl } from './thumbnail-cache';

/**
 * A preview that is fetched only when it scrolls into view, so an assessment with hundreds of photos
 * asks for the ones on screen. Non-images show their kind (PDF, document, …) instead.
 */
export function EvidenceThumb({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  const kind = evidenceMediaTypes[item.mediaType];
  const box = useRef<HTMLSpanElement>(null);
  // The image is asked for once its box has scrolled into view (at once where there is no observer).
  const [seenId, setSeenId] = useState<string | null>(null);
  const seen = seenId === item.id;
  useEffect(() => {
    if (kind !== 'image' || box.current === null) return;
    if (typeof IntersectionObserver === 'undefined') return setSeenId(item.id);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        setSeenId(item.id);
      }
    });
    observer.observe(box.current);
    return () => observer.disconnect();
  }, [item, kind]);
  const thumbnail = useLoad<{ url: string | null }>(seen && kind === 'image' ? () => thumbnailUrl(item).then((url) => ok({ url })) : null, [
    item,
    kind,
    seen,
  ]);
  // undefined: not loaded (yet); null: no preview could be made.
  const url = thumbnail.value?.url;

  return (
    <span ref={box} className={`evidence-thumb evidence-thumb--${kind}`} aria-hidden="true">
      {url ? (
        <img src={url} alt="" />
      ) : (
        <span className="evidence-thumb__kind">
          {kind === 'image' && url === null ? t('evidence.item.noPreview') : t(`evidence.kind.${kind}`)}
        </span>
      )}
    </span>
  );
}
