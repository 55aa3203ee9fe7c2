import { useEffect, useId, useRef, useState } from 'react';
import { EvidenceTypeSelect } from './EvidenceTypeSelect';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptedExtensions } from '../../../../../shared/evidence/media-types';
import type { EvidenceLink } from '../../../../../shared/evidence/schema';
import type { EvidenceType } from '../../../../../shared/framework/schema';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { hostKind, invoke } from '../../../api/client';
import { BusyProgress } from '../../../components/BusyProgress';
import { useBusy } from '../../../components/use-busy';
import { counted, formatNumber } from '../../../format';
import { attachFiles, pastedImages } from './attach-files';
import { reloadEvidence, useEvidence } from './evidence-store';
import { errorLines, megabytesText } from './messages';

interface AttachControlsProps {
  assessmentId: string;
  /** The units the files will support; empty for the assessment as a whole. */
  links: EvidenceLink[];
  evidenceTypes: readonly EvidenceType[];
  defaultType: string;
  /** A short id part that keeps control ids unique on a page of many cards. */
  idPrefix: string;
  /** On a criterion card: one short line of help (limits and types are in the assessment's evidence screen and in any refusal). */
  compact?: boolean;
}

type Status = { kind: 'idle' } | { kind: 'done'; count: number; dedup: number };

let strayDropGuards = 0;
const stopStrayDrop = (e: Event) => e.preventDefault();

/**
 * A file dropped just beside a drop zone would make the browser open it in place of the app; while any
 * attach area is on screen, drops elsewhere are ignored.
 */
function useStrayDropGuard() {
  useEffect(() => {
    if (strayDropGuards++ === 0) {
      window.addEventListener('dragover', stopStrayDrop);
      window.addEventListener('drop', stopStrayDrop);
    }
    return () => {
      if (--strayDropGuards === 0) {
        window.removeEventListener('dragover', stopStrayDrop);
        window.removeEventListener('drop', stopStrayDrop);
      }
    };
  }, []);
}

/**
 * Attaching files: the evidence type and a caption, then files from a file chooser (the system dialog
 * in the desktop app), dropped on the area, or a photo pasted while the area has focus. The renderer
 * only reads the files; the services check, hash, store and preview them.
 */
export function AttachControls({ assessmentId, links, evidenceTypes, defaultType, idPrefix, compact = false }: AttachControlsProps) {
  const { t } = useTranslation();
  const { limits, totalBytes } = useEvidence(assessmentId);
  const [evidenceType, setEvidenceType] = useState(defaultType);
  const [caption, setCaption] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [failures, setFailures] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const uid = useId();
  const ids = { type: `${idPrefix}-type${uid}`, caption: `${idPrefix}-caption${uid}`, hint: `${idPrefix}-hint${uid}` };
  // Per file, with the share of all the files sent so far; the desktop dialog's files go in one request.
  const progress = useBusy();
  const busy = progress.running;
  useStrayDropGuard();
  // "3 files attached" is news for a while, not for ever.
  useEffect(() => {
    if (status.kind !== 'done') return;
    const timer = setTimeout(() => setStatus({ kind: 'idle' }), 15_000);
    return () => clearTimeout(timer);
  }, [status]);

  const details = () => ({ assessmentId, links, evidenceType, caption: caption.trim() });
  const finish = async (count: number, dedup: number, errors: { name: string; error: AppErrorData }[]) => {
    await reloadEvidence(assessmentId);
    setStatus(count > 0 ? { kind: 'done', count, dedup } : { kind: 'idle' });
    setFailures(errors.flatMap((f) => errorLines(t, f.error)));
    if (count > 0) setCaption('');
  };

  const send = async (files: File[]) => {
    if (files.length === 0 || busy) return;
    setFailures([]);
    setStatus({ kind: 'idle' });
    const outcome = await progress.run(t('evidence.attach.sendingChosen'), (report) =>
      attachFiles(details(), files, limits, (name, pct, index, count) =>
        report(index + pct / 100, count, t('evidence.attach.sending', { name, n: formatNumber(index + 1), total: formatNumber(count) })),
      ),
    );
    await finish(outcome.attached.length, outcome.deduplicated, outcome.failures);
  };

  const choose = async () => {
    if (hostKind !== 'electron') return input.current?.click();
    setFailures([]);
    setStatus({ kind: 'idle' });
    const r = await progress.run(t('evidence.attach.sendingChosen'), () => invoke('evidence:attach-from-dialog', details()));
    if (r.ok) await finish(r.value.items.length, r.value.deduplicated, []);
    else await finish(0, 0, [{ name: '', error: r.error }]);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void send([...e.dataTransfer.files]);
  };
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <div
      className={`attach-zone${compact ? ' attach-zone--compact' : ''}${dragging ? ' attach-zone--dragging' : ''}`}
      role="group"
      aria-label={t('evidence.attach.dropZone')}
      aria-describedby={ids.hint}
      tabIndex={0}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      onPaste={(e) => {
        const images = pastedImages(e.clipboardData);
        if (images.length === 0) return;
        e.preventDefault();
        void send(images);
      }}
    >
      <div className="attach-zone__row">
        <EvidenceTypeSelect
          id={ids.type}
          label={t('evidence.attach.type')}
          value={evidenceType}
          evidenceTypes={evidenceTypes}
          onChange={setEvidenceType}
          disabled={busy}
        />
        <div className="field attach-zone__caption">
          <label htmlFor={ids.caption}>{t('evidence.attach.caption')}</label>
          <input
            id={ids.caption}
            value={caption}
            maxLength={500}
            disabled={busy}
            placeholder={t('evidence.attach.captionHint')}
            onChange={(e) => setCaption(e.target.value)}
          />
        </div>
        <button type="button" className="button--primary" disabled={busy} onClick={() => void choose()}>
          {t('evidence.attach.chooseFiles')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={acceptedExtensions.map((e) => `.${e}`).join(',')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void send(files);
          }}
        />
      </div>
      <p id={ids.hint} className="field__hint">
        {t('evidence.attach.dropHere')}{' '}
        {compact
          ? null
          : limits
            ? t('evidence.attach.limits', {
                file: megabytesText(limits.maxFileBytes),
                used: megabytesText(totalBytes),
                total: megabytesText(limits.maxAssessmentBytes),
              })
            : ''}{' '}
        {compact ? null : t('evidence.attach.allowed')}
      </p>
      <BusyProgress busy={progress} />
      <p className="attach-zone__status" role="status">
        {status.kind === 'done'
          ? status.dedup > 0
            ? t('evidence.attach.doneDeduplicated', counted(status.count, { dedup: formatNumber(status.dedup) }))
            : t('evidence.attach.done', counted(status.count))
          : ''}
      </p>
      {failures.length > 0 ? (
        <ul className="attach-zone__errors" role="alert">
          {failures.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
