import { useEffect, useId, useRef, useState } from 'react';
import { EvidenceTypeSelect } from './EvidenceTypeSelect';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../../shared/evidence/schema';
import type { EvidenceType } from '../../../../../shared/framework/schema';
import { invoke } from '../../../api/client';
import { useAction } from '../../../data/use-action';
import { reloadEvidence } from './evidence-store';
import { errorLines } from './messages';

interface EvidenceEditDialogProps {
  /** The item as the evidence list has it now (it follows reloads, so a conflict shows the latest). */
  item: EvidenceItem;
  evidenceTypes: readonly EvidenceType[];
  onSaved: (item: EvidenceItem) => void;
  onClose: () => void;
}

type Problem = { kind: 'conflict' } | { kind: 'lines'; lines: string[] };

/**
 * A small modal to change what `evidence:update` allows: an item's caption and evidence type. Saved
 * only with Save; Cancel or Escape leave it as it was. The services refuse it unless the assessment is
 * a draft, and refuse an edit of a stale revision; either refusal is said here in the user's language.
 */
export function EvidenceEditDialog({ item, evidenceTypes, onSaved, onClose }: EvidenceEditDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const captionInput = useRef<HTMLInputElement>(null);
  const uid = useId();
  const ids = { title: `${uid}-title`, type: `${uid}-type`, caption: `${uid}-caption`, note: `${uid}-note`, problem: `${uid}-problem` };
  const [caption, setCaption] = useState(item.caption);
  const [evidenceType, setEvidenceType] = useState(item.evidenceType);
  const [shown, setShown] = useState(item.revision);
  const [problem, setProblem] = useState<Problem | null>(null);
  // The refusal is said in this dialog's own words (`problem`), not as the action's error banner.
  const saving = useAction();
  const { busy } = saving;

  // Someone else changed the item (a conflict reloads the list): show what is stored now.
  if (item.revision !== shown) {
    setShown(item.revision);
    setCaption(item.caption);
    setEvidenceType(item.evidenceType);
  }

  useEffect(() => {
    const dialog = ref.current;
    // Focus goes back to the Edit button when the dialog leaves the page.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // The caption is what is edited most; the type is one Shift+Tab away.
    captionInput.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const save = async () => {
    if (busy) return;
    if (caption.trim() === item.caption && evidenceType === item.evidenceType) {
      onClose();
      return;
    }
    setProblem(null);
    const r = await saving.run(() =>
      invoke('evidence:update', { itemId: item.id, revision: item.revision, caption: caption.trim(), evidenceType }),
    );
    if (r.ok) {
      await reloadEvidence(item.assessmentId);
      onSaved(r.value);
      return;
    }
    if (r.error.code === 'conflict') {
      await reloadEvidence(item.assessmentId);
      setProblem({ kind: 'conflict' });
    } else if (r.error.code === 'locked') {
      setProblem({ kind: 'lines', lines: [t('evidence.edit.locked')] });
    } else {
      setProblem({ kind: 'lines', lines: errorLines(t, r.error) });
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog evidence-edit"
      aria-labelledby={ids.title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={ids.title} className="evidence-edit__title">
          {t('evidence.edit.title', { name: item.originalName })}
        </h2>
        {problem !== null ? (
          <div className="banner banner--error" role="alert" id={ids.problem}>
            {problem.kind === 'conflict' ? <p>{t('evidence.edit.conflict')}</p> : problem.lines.map((line) => <p key={line}>{line}</p>)}
          </div>
        ) : null}
        <EvidenceTypeSelect
          id={ids.type}
          label={t('evidence.edit.type')}
          value={evidenceType}
          evidenceTypes={evidenceTypes}
          onChange={setEvidenceType}
        />
        <div className="field">
          <label htmlFor={ids.caption}>{t('evidence.edit.caption')}</label>
          <input
            id={ids.caption}
            value={caption}
            maxLength={500}
            ref={captionInput}
            autoComplete="off"
            placeholder={t('evidence.attach.captionHint')}
            aria-describedby={ids.note}
            onChange={(e) => setCaption(e.target.value)}
          />
        </div>
        <p className="field__hint" id={ids.note}>
          {t('evidence.edit.dateNote')}
        </p>
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {/* Not disabled while saving: the button keeps focus; a second press is ignored. */}
          <button type="submit" className="button--primary" aria-busy={busy}>
            {busy ? t('common.saving') : t('evidence.edit.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
