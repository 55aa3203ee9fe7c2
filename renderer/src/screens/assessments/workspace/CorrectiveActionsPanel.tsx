import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { correctiveActionStatuses } from '../../../../../shared/assessments/schema';
import type { Assessment, CorrectiveAction } from '../../../../../shared/assessments/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { invoke } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { currentLanguage, translateServiceMessage } from '../../../i18n';
import { formatDate, isOverdue } from '../model/dates';
import { localized, programmeTitle } from '../model/text';

interface PanelProps {
  assessment: Assessment;
  framework: Framework;
}

/**
 * Findings → corrective action → verification: the actions this inspection raised (owner, due date,
 * status, the institution's response) and, in a follow-up, the open actions it is to verify.
 */
export function CorrectiveActionsPanel({ assessment, framework }: PanelProps) {
  const { t } = useTranslation();
  const [raised, setRaised] = useState<CorrectiveAction[] | null>(null);
  const [toVerify, setToVerify] = useState<CorrectiveAction[]>([]);
  const [error, setError] = useState<AppErrorData | null>(null);

  const load = useCallback(() => {
    void invoke('corrective-actions:list', { assessmentId: assessment.id }).then((r) =>
      r.ok ? setRaised(r.value.items) : setError(r.error),
    );
    if (assessment.kind === 'follow-up') {
      void invoke('corrective-actions:list', { institutionId: assessment.institutionId }).then((r) => {
        if (r.ok) setToVerify(r.value.items.filter((a) => a.status !== 'verified-closed' && a.assessmentId !== assessment.id));
      });
    }
  }, [assessment.id, assessment.kind, assessment.institutionId]);
  useEffect(load, [load]);

  const criterionTitle = (id: string) => {
    for (const g of framework.groups) for (const c of g.criteria) if (c.id === id) return `${id} ${localized(c.title, currentLanguage())}`;
    return id;
  };
  const programme = (id: string | null) => {
    const p = id === null ? undefined : assessment.programmes.find((x) => x.id === id);
    return p ? programmeTitle(p, currentLanguage()) : '';
  };

  return (
    <section className="actions-panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('assessments.actions.title')}</h2>
      <ErrorBanner error={error} />
      {assessment.kind === 'follow-up' ? (
        <>
          <h3>{t('assessments.actions.toVerify')}</h3>
          {toVerify.length === 0 ? <p className="empty">{t('assessments.actions.noneToVerify')}</p> : null}
          {toVerify.map((a) => (
            <VerifyRow
              key={`${a.id}-${a.revision}`}
              action={a}
              title={criterionTitle(a.criterionId)}
              programme={programme(a.programmeId)}
              followUp={assessment}
              onDone={load}
            />
          ))}
        </>
      ) : null}
      <h3>{t('assessments.actions.raised')}</h3>
      {raised === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : raised.length === 0 ? (
        <p className="empty">
          {assessment.status === 'finalised' ? t('assessments.actions.noneRaised') : t('assessments.actions.raisedOnFinalise')}
        </p>
      ) : (
        raised.map((a) => (
          <ActionRow
            key={`${a.id}-${a.revision}`}
            action={a}
            title={criterionTitle(a.criterionId)}
            programme={programme(a.programmeId)}
            onDone={load}
          />
        ))
      )}
    </section>
  );
}

function ActionHeader({ action: a, title, programme }: { action: CorrectiveAction; title: string; programme: string }) {
  const { t } = useTranslation();
  const overdue = isOverdue(a);
  return (
    <header className="action-row__header">
      <span className={`finding finding--${a.findingClass}`}>{t(`assessments.finding.${a.findingClass}`)}</span>
      <strong>{title}</strong>
      {programme ? <span className="secondary"> · {programme}</span> : null}
      <span className={overdue ? 'tag tag--overdue' : 'tag'}>
        {t('assessments.actions.due', { date: formatDate(a.dueDate) })}
        {overdue ? ` · ${t('assessments.actions.overdue')}` : ''}
      </span>
      <span className="tag">{t(`assessments.actionStatus.${a.status}`)}</span>
    </header>
  );
}

function ActionRow({
  action: a,
  title,
  programme,
  onDone,
}: {
  action: CorrectiveAction;
  title: string;
  programme: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [owner, setOwner] = useState(a.owner);
  const [dueDate, setDueDate] = useState(a.dueDate);
  const [status, setStatus] = useState(a.status);
  const [response, setResponse] = useState(a.institutionResponse);
  const [error, setError] = useState<AppErrorData | null>(null);
  const closed = a.status === 'verified-closed';
  const id = `action-${a.id}`;
  const save = async () => {
    const r = await invoke('corrective-actions:update', {
      id: a.id,
      revision: a.revision,
      update: { owner, dueDate, status, institutionResponse: response, description: a.description },
    });
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <article className="action-row">
      <ActionHeader action={a} title={title} programme={programme} />
      <p>{a.description}</p>
      {a.verificationNote ? <p className="secondary">{t('assessments.actions.verification', { note: a.verificationNote })}</p> : null}
      {closed ? null : (
        <form
          className="action-row__form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-owner`}>{t('assessments.actions.owner')}</label>
            <input id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-due`}>{t('assessments.actions.dueDate')}</label>
            <input id={`${id}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('assessments.actions.status')}</label>
            <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as CorrectiveAction['status'])}>
              {correctiveActionStatuses
                .filter((s) => s !== 'verified-closed')
                .map((s) => (
                  <option key={s} value={s}>
                    {t(`assessments.actionStatus.${s}`)}
                  </option>
                ))}
            </select>
          </div>
          <div className="field action-row__wide">
            <label htmlFor={`${id}-response`}>{t('assessments.actions.response')}</label>
            <textarea id={`${id}-response`} rows={2} value={response} onChange={(e) => setResponse(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit">{t('common.save')}</button>
          </div>
          <ErrorBanner error={error} extra={error?.issues?.map((i) => i.message) ?? []} />
        </form>
      )}
    </article>
  );
}

interface VerifyRowProps {
  action: CorrectiveAction;
  title: string;
  programme: string;
  followUp: Assessment;
  onDone: () => void;
}

function VerifyRow({ action: a, title, programme, followUp, onDone }: VerifyRowProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState(a.verificationNote);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `verify-${a.id}`;
  const verify = async (closed: boolean) => {
    const r = await invoke('corrective-actions:verify', {
      id: a.id,
      revision: a.revision,
      followUpAssessmentId: followUp.id,
      closed,
      note,
    });
    if (r.ok) onDone();
    else setProblem(translateServiceMessage(r.error.issues?.[0]?.message ?? r.error.message));
  };
  const disabled = followUp.status !== 'draft';
  return (
    <article className="action-row">
      <ActionHeader action={a} title={title} programme={programme} />
      <p>{a.description}</p>
      {a.institutionResponse ? (
        <p className="secondary">{t('assessments.actions.responseShown', { text: a.institutionResponse })}</p>
      ) : null}
      <div className={problem ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${id}-note`}>{t('assessments.actions.verifyNote')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} disabled={disabled} onChange={(e) => setNote(e.target.value)} />
        {problem ? <p className="field__error">{problem}</p> : null}
      </div>
      <div className="actions">
        <button type="button" disabled={disabled} onClick={() => void verify(false)}>
          {t('assessments.actions.stillOpen')}
        </button>
        <button type="button" className="button--primary" disabled={disabled} onClick={() => void verify(true)}>
          {t('assessments.actions.close')}
        </button>
      </div>
    </article>
  );
}
