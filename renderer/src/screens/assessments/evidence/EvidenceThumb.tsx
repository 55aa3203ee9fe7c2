import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceMediaTypes } from '../../../../../shared/evidence/media-types';
import type { EvidenceItem } from '../../../../../shared/evidence/schema';
import { thumbnailUrl } from './thumbnail-cache';

/**
 * A preview that is fetched only when it scrolls into view, so an assessment with hundreds of photos
 * asks for the ones on screen. Non-images show their kind (PDF, document, …) instead.
 */
export function EvidenceThumb({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation();
  const kind = evidenceMediaTypes[item.mediaType];
  const box = useRef<HTMLSpanElement>(null);
  const [url, setUrl] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    if (kind !== 'image' || box.current === null) return;
    let live = true;
    const load = () => void thumbnailUrl(item).then((u) => live && setUrl(u));
    if (typeof IntersectionObserver === 'undefined') load();
    else {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          load();
        }
      });
      observer.observe(box.current);
      return () => {
        live = false;
        observer.disconnect();
      };
    }
    return () => {
      live = false;
    };
  }, [item, kind]);

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
