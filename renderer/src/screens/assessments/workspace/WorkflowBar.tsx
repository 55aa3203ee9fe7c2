import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../../shared/assessments/schema';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { invoke } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { translateServiceMessage } from '../../../i18n';
import { href, navigate } from '../../../router';
import { CountersignStep } from '../../accreditation/CountersignStep';

type Step = 'return' | 'finalise' | 'reopen' | null;

interface WorkflowBarProps {
  assessment: Assessment;
  /**
   * Whether the acting person may finalise (shared/settings/roles.ts `finaliseRefusal`): the submitter
   * of an inspection is not offered Finalise, a different reviewer is. The services refuse it anyway.
   */
  mayFinalise: boolean;
  /** Sends every queued autosave and waits for it, so a step is taken on what is on screen. */
  settle: () => Promise<boolean>;
  onChanged: (assessment: Assessment) => void;
  /** A refusal of the services (with its issues: what is still missing before submitting). */
  onRefused: (error: AppErrorData | null) => void;
}

/** draft → submitted for review → finalised (locked); back to draft with a reason; reopen as a new revision. */
export function WorkflowBar({ assessment: a, mayFinalise, settle, onChanged, onRefused }: WorkflowBarProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState(false);

  const run = async (action: () => ReturnType<typeof invoke<'assessments:submit'>>, after?: (x: Assessment) => void) => {
    setBusy(true);
    onRefused(null);
    const r = await action();
    setBusy(false);
    if (r.ok) {
      setStep(null);
      (after ?? onChanged)(r.value);
      return;
    }
    if (step === 'return' || step === 'reopen') {
      const issue = r.error.issues?.[0]?.message;
      setDialogError(issue ? translateServiceMessage(issue) : translateServiceMessage(r.error.message));
      return;
    }
    setStep(null);
    onRefused(r.error);
  };

  const submit = async () => {
    setBusy(true);
    const saved = await settle();
    setBusy(false);
    setUnsaved(!saved);
    if (!saved) return;
    await run(() => invoke('assessments:submit', { id: a.id, revision: a.revision }));
  };

  return (
    <div className="workflow-bar">
      <span className={`status status--${a.status}`} data-testid="assessment-status">
        {t(`assessments.status.${a.status}`)}
      </span>
      {a.status === 'draft' ? (
        <button type="button" className="button--primary" disabled={busy} onClick={() => void submit()}>
          {t('assessments.workflow.submit')}
        </button>
      ) : null}
      {a.status === 'submitted' ? (
        <>
          <button type="button" disabled={busy} onClick={() => (setDialogError(null), setStep('return'))}>
            {t('assessments.workflow.returnToDraft')}
          </button>
          {mayFinalise ? (
            <button type="button" className="button--primary" disabled={busy} onClick={() => setStep('finalise')}>
              {t('assessments.workflow.finalise')}
            </button>
          ) : null}
        </>
      ) : null}
      {a.status === 'finalised' ? (
        <button type="button" disabled={busy} onClick={() => (setDialogError(null), setStep('reopen'))}>
          {t('assessments.workflow.reopen')}
        </button>
      ) : null}
      {/* Report: preview and sign the report (renderer/src/screens/reports) */}
      <a className="button" href={href({ name: 'assessment-report', id: a.id })}>
        {t('reports.title')}
      </a>
      {a.status === 'submitted' ? <CountersignStep assessment={a} onChanged={onChanged} onRefused={onRefused} /> : null}
      {unsaved ? (
        <p className="field__error" role="alert">
          {t('assessments.workflow.unsaved')}
        </p>
      ) : null}
      <ConfirmDialog
        open={step === 'finalise'}
        message={t('assessments.workflow.finaliseConfirm')}
        confirmLabel={t('assessments.workflow.finalise')}
        onConfirm={() => void run(() => invoke('assessments:finalise', { id: a.id, revision: a.revision }))}
        onCancel={() => setStep(null)}
      />
      <ReasonDialog
        open={step === 'return'}
        title={t('assessments.workflow.returnTitle')}
        message={t('assessments.workflow.returnMessage')}
        label={t('assessments.workflow.reason')}
        confirmLabel={t('assessments.workflow.returnToDraft')}
        error={dialogError}
        onConfirm={(reason) => void run(() => invoke('assessments:return-to-draft', { id: a.id, revision: a.revision, reason }))}
        onCancel={() => setStep(null)}
      />
      <ReasonDialog
        open={step === 'reopen'}
        title={t('assessments.workflow.reopenTitle')}
        message={t('assessments.workflow.reopenMessage', { next: a.revisionNumber + 1 })}
        label={t('assessments.workflow.reason')}
        confirmLabel={t('assessments.workflow.reopen')}
        error={dialogError}
        onConfirm={(reason) =>
          void run(
            () => invoke('assessments:reopen', { id: a.id, reason }),
            (next) => navigate({ name: 'assessment', id: next.id }),
          )
        }
        onCancel={() => setStep(null)}
      />
    </div>
  );
}
