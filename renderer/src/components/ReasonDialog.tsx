import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ReasonDialogProps {
  open: boolean;
  title: string;
  message: string;
  label: string;
  confirmLabel: string;
  /** The shortest reason accepted (the services check it too). */
  minLength?: number;
  /** A refusal from the services, already translated. */
  error?: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** A modal that asks for a written reason before a step that needs one (return to draft, reopen). */
export function ReasonDialog({ open, title, message, label, confirmLabel, minLength = 5, error, onConfirm, onCancel }: ReasonDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setReason('');
      setTried(false);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const tooShort = reason.trim().length < minLength;
  const shownError = error ?? (tried && tooShort ? t('validation.reasonRequired') : null);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="reason-dialog-title" onCancel={onCancel} onClose={() => open && onCancel()}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!tooShort) onConfirm(reason.trim());
        }}
      >
        <h2 id="reason-dialog-title">{title}</h2>
        <p>{message}</p>
        <div className={shownError ? 'field field--invalid' : 'field'}>
          <label htmlFor="reason-dialog-text">{label}</label>
          <textarea
            id="reason-dialog-text"
            rows={3}
            value={reason}
            autoFocus
            aria-required="true"
            aria-invalid={shownError !== null}
            aria-describedby={shownError ? 'reason-dialog-error' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {shownError ? (
            <p className="field__error" id="reason-dialog-error" role="alert">
              {shownError}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button--primary">
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
