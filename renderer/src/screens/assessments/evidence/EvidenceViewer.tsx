import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceMediaTypes, nameForType } from '../../../../../shared/evidence/media-types';
import type { EvidenceItem, FileState } from '../../../../../shared/evidence/schema';
import { ok } from '../../../../../shared/ipc/result';
import { hostKind, invoke } from '../../../api/client';
import { useAction } from '../../../data/use-action';
import { useLoad } from '../../../data/use-request';
import { formatDateTime } from '../../../format';
import { base64ToBlob, downloadBlob } from '../../../files';
import { errorLines, sizeText } from './messages';

interface EvidenceViewerProps {
  item: EvidenceItem;
  typeLabel: (code: string) => string;
  supports: (item: EvidenceItem) => string;
  onClose: () => void;
}

interface Content {
  blob: Blob;
  state: FileState;
  text: string | null;
}

const TEXT_PREVIEW_BYTES = 200_000;

/**
 * Shows one piece of evidence: images and PDFs in the window (from a blob: URL made of the bytes the
 * services sent for this item id), text as text; other types can be downloaded or, in the desktop app,
 * opened with the system's program. The SHA-256 and the result of re-hashing the file are always shown.
 */
export function EvidenceViewer({ item, typeLabel, supports, onClose }: EvidenceViewerProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState(false);
  const [url, setUrl] = useState<string | null>(null);

  // Shown while mounted: the native modal dialog traps focus and closes on Escape.
  useEffect(() => {
    const d = dialog.current;
    if (d !== null && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const content = useLoad<Content>(async () => {
    const r = await invoke('evidence:content', { itemId: item.id });
    if (!r.ok) return r;
    const blob = base64ToBlob(r.value.contentBase64, item.mediaType);
    const text = evidenceMediaTypes[item.mediaType] === 'text' ? await blob.slice(0, TEXT_PREVIEW_BYTES).text() : null;
    return ok({ blob, state: r.value.state, text });
  }, [item]);
  useEffect(() => setOpened(false), [item]);

  // The blob: URL lives as long as the content it shows, and is given back when the item changes or the viewer closes.
  useEffect(() => {
    if (content.value === null) return setUrl(null);
    const made = URL.createObjectURL(content.value.blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [content.value]);
  const loaded = content.value !== null && url !== null ? { ...content.value, url } : null;

  const openAction = useAction();
  const error = content.error ?? openAction.error;

  const kind = evidenceMediaTypes[item.mediaType];
  const openSystem = async () => {
    const r = await openAction.run(() => invoke('evidence:open-external', { itemId: item.id }));
    if (r.ok) setOpened(true);
  };

  return (
    <dialog ref={dialog} className="dialog evidence-viewer" aria-labelledby="evidence-viewer-title" onClose={onClose} onCancel={onClose}>
      <header className="evidence-viewer__header">
        <h2 id="evidence-viewer-title">{item.originalName}</h2>
        <button type="button" onClick={onClose} autoFocus>
          {t('evidence.viewer.close')}
        </button>
      </header>
      <div className="evidence-viewer__body">
        <div className="evidence-viewer__content">
          {error !== null ? (
            <div className="banner banner--error" role="alert">
              {errorLines(t, error).map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          ) : loaded === null ? (
            <p aria-busy="true">{t('evidence.viewer.loading')}</p>
          ) : kind === 'image' ? (
            <img
              className="evidence-viewer__image"
              src={loaded.url}
              alt={t('evidence.viewer.image', { name: item.caption || item.originalName })}
            />
          ) : kind === 'pdf' ? (
            <iframe className="evidence-viewer__pdf" src={loaded.url} title={t('evidence.viewer.pdfFrame', { name: item.originalName })} />
          ) : loaded.text !== null ? (
            <pre className="evidence-viewer__text" tabIndex={0}>
              {loaded.text}
            </pre>
          ) : (
            <p>{hostKind === 'electron' ? t('evidence.viewer.notShown') : t('evidence.viewer.notShownBrowser')}</p>
          )}
        </div>
        <aside className="evidence-viewer__facts">
          {loaded !== null ? (
            <p
              className={`banner ${loaded.state === 'intact' ? 'banner--ok' : 'banner--error'}`}
              role={loaded.state === 'intact' ? undefined : 'alert'}
            >
              {loaded.state === 'intact' ? t('evidence.viewer.intact') : t('evidence.viewer.altered')}
            </p>
          ) : null}
          <dl className="details">
            <dt>{t('evidence.viewer.evidenceType')}</dt>
            <dd>
              <abbr title={typeLabel(item.evidenceType)}>{item.evidenceType}</abbr> {typeLabel(item.evidenceType)}
            </dd>
            {item.caption ? (
              <>
                <dt>{t('evidence.viewer.caption')}</dt>
                <dd>{item.caption}</dd>
              </>
            ) : null}
            <dt>{t('evidence.viewer.type')}</dt>
            <dd>
              {t(`evidence.kind.${kind}`)}, {sizeText(t, item.size)}
            </dd>
            <dt>{t('evidence.viewer.sha256')}</dt>
            <dd className="evidence-hash">{item.sha256}</dd>
            <dt>{t('evidence.viewer.name')}</dt>
            <dd>{item.originalName}</dd>
          </dl>
          <p className="secondary">
            {item.takenAt ? `${t('evidence.item.taken', { date: formatDateTime(item.takenAt) })} · ` : ''}
            {t('evidence.item.attachedBy', { date: formatDateTime(item.attachedAt), name: item.attachedBy })}
          </p>
          <p className="secondary">{supports(item)}</p>
          <div className="actions">
            <button
              type="button"
              disabled={loaded === null}
              onClick={() => loaded && downloadBlob(loaded.blob, nameForType(item.originalName, item.mediaType))}
            >
              {t('evidence.viewer.download')}
            </button>
            {hostKind === 'electron' ? (
              <button type="button" onClick={() => void openSystem()}>
                {t('evidence.viewer.openSystem')}
              </button>
            ) : null}
          </div>
          {opened ? <p role="status">{t('evidence.viewer.openedSystem')}</p> : null}
        </aside>
      </div>
    </dialog>
  );
}
