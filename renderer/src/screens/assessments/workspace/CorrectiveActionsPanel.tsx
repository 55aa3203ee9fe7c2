import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { correctiveActionStatuses } from '../../../../../shared/assessments/schema';
import { findingActionTextSchema } from '../../../../../shared/assessments/schema';
import type { Assessment, CorrectiveAction, FindingAction } from '../../../../../shared/assessments/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import { invoke } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useAction } from '../../../data/use-action';
import { useRequest } from '../../../data/use-request';
import { formatNumber } from '../../../format';
import { currentLanguage, translateServiceMessage } from '../../../i18n';
import { actionTextHere, criterionLabelHere } from '../model/action-text';
import { formatDate, isOverdue } from '../model/dates';
import { localized, programmeTitle } from '../model/text';
import { unitKey } from '../model/units';
import './corrective-actions.css';

interface PanelProps {
  assessment: Assessment;
  framework: Framework;
}

/**
 * Findings → corrective action → verification: in a follow-up, the open actions it is to verify; while an
 * inspection or follow-up is not finalised, the action the inspector writes for each of its findings; and
 * the actions it raised (owner, due date, status, the institution's response).
 */
export function CorrectiveActionsPanel({ assessment, framework }: PanelProps) {
  const { t } = useTranslation();
  const raisedHere = useRequest('corrective-actions:list', { assessmentId: assessment.id });
  // A follow-up verifies the institution's open actions raised by earlier assessments.
  const institutionActions = useRequest(
    'corrective-actions:list',
    assessment.kind === 'follow-up' ? { institutionId: assessment.institutionId } : null,
  );
  const raised = raisedHere.value?.items ?? null;
  const toVerify = (institutionActions.value?.items ?? []).filter(
    (a) => a.status !== 'verified-closed' && a.assessmentId !== assessment.id,
  );
  const { reload: reloadRaised } = raisedHere;
  const { reload: reloadInstitution } = institutionActions;
  const load = useCallback(() => {
    void reloadRaised();
    void reloadInstitution();
  }, [reloadRaised, reloadInstitution]);

  // The criterion as the action stored it, else as the framework names it (an action raised before titles were kept).
  const criterionTitle = (item: { criterionId: string; criterion: CorrectiveAction['criterion'] }) => {
    if (item.criterion) return criterionLabelHere(item);
    for (const g of framework.groups)
      for (const c of g.criteria) if (c.id === item.criterionId) return `${item.criterionId} ${localized(c.title, currentLanguage())}`;
    return item.criterionId;
  };
  // The words are written until finalisation; a self-assessment raises no actions.
  const writing = assessment.kind !== 'self-assessment' && assessment.status !== 'finalised';
  const programme = (id: string | null) => {
    const p = id === null ? undefined : assessment.programmes.find((x) => x.id === id);
    return p ? programmeTitle(p, currentLanguage()) : '';
  };

  return (
    <section className="actions-panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('assessments.actions.title')}</h2>
      <ErrorBanner error={raisedHere.error} />
      {assessment.kind === 'follow-up' ? (
        <>
          <h3>{t('assessments.actions.toVerify')}</h3>
          {toVerify.length === 0 ? <p className="empty">{t('assessments.actions.noneToVerify')}</p> : null}
          {toVerify.map((a) => (
            <VerifyRow
              key={`${a.id}-${a.revision}`}
              action={a}
              title={criterionTitle(a)}
              programme={programme(a.programmeId)}
              followUp={assessment}
              onDone={load}
            />
          ))}
        </>
      ) : null}
      {writing ? <FindingActions assessment={assessment} title={criterionTitle} programme={programme} /> : null}
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
            title={criterionTitle(a)}
            programme={programme(a.programmeId)}
            onDone={load}
          />
        ))
      )}
    </section>
  );
}

interface FindingActionsProps {
  assessment: Assessment;
  title: (item: FindingAction) => string;
  programme: (id: string | null) => string;
}

/** The non-conformities as scored now, each with the action the inspector writes for it before finalisation. */
function FindingActions({ assessment, title, programme }: FindingActionsProps) {
  const { t, i18n } = useTranslation();
  const findings = useRequest('corrective-actions:findings', { assessmentId: assessment.id });
  const items = findings.value?.items ?? null;
  const { error, reload } = findings;
  const load = useCallback(() => void reload(), [reload]);

  const written = items?.filter((f) => f.actionRequired !== '' && f.closingEvidence !== '').length ?? 0;
  return (
    <div className="finding-actions">
      <h3>{t('assessments.actions.findings')}</h3>
      <ErrorBanner error={error} />
      {items === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{t('assessments.actions.noFindings')}</p>
      ) : (
        <>
          <p className="secondary">{t('assessments.actions.findingsIntro')}</p>
          <p className="finding-actions__count" role="status">
            {t('assessments.actions.writtenCount', { count: items.length, n: formatNumber(items.length), written: formatNumber(written) })}
          </p>
          {items.map((item) => (
            <FindingActionForm
              // A new language or newly saved words start the form again from them (the suggestion is in the reader's language).
              key={`${unitKey(item.criterionId, item.programmeId)}|${i18n.language}|${item.actionRequired}|${item.closingEvidence}`}
              assessmentId={assessment.id}
              item={item}
              title={title(item)}
              programme={programme(item.programmeId)}
              onSaved={load}
            />
          ))}
        </>
      )}
    </div>
  );
}

type TextPart = 'actionRequired' | 'closingEvidence';

interface FindingActionFormProps {
  assessmentId: string;
  item: FindingAction;
  title: string;
  programme: string;
  onSaved: () => void;
}

/** One finding's required action and closing evidence, starting from the suggestion so accepting it is one click. */
function FindingActionForm({ assessmentId, item, title, programme, onSaved }: FindingActionFormProps) {
  const { t } = useTranslation();
  const start = actionTextHere(item);
  const [text, setText] = useState<Record<TextPart, string>>({
    actionRequired: start.actionRequired,
    closingEvidence: start.closingEvidence,
  });
  const [problems, setProblems] = useState<Partial<Record<TextPart, string>>>({});
  const { busy: saving, error, run } = useAction();
  const isWritten = item.actionRequired !== '' && item.closingEvidence !== '';
  const id = `finding-action-${item.criterionId}-${item.programmeId ?? 'institution'}`;

  const save = async () => {
    const parsed = findingActionTextSchema.safeParse(text);
    if (!parsed.success) {
      setProblems(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setProblems({});
    const r = await run(() =>
      invoke('corrective-actions:write', {
        assessmentId,
        criterionId: item.criterionId,
        programmeId: item.programmeId,
        text: parsed.data,
        // What the form started from: the service refuses the write if someone saved other words meanwhile.
        previous: { actionRequired: item.actionRequired, closingEvidence: item.closingEvidence },
      }),
    );
    if (r.ok) return onSaved();
    const fieldIssues = (r.error.issues ?? []).filter((i) => i.path[0] === 'text');
    setProblems(Object.fromEntries(fieldIssues.map((i) => [String(i.path[1]), i.message])));
  };

  const field = (part: TextPart, label: string) => {
    const problem = problems[part];
    return (
      <div className={problem ? 'field field--invalid action-row__wide' : 'field action-row__wide'}>
        <label htmlFor={`${id}-${part}`}>{label}</label>
        <textarea
          id={`${id}-${part}`}
          rows={3}
          value={text[part]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-${part}-error` : undefined}
          onChange={(e) => setText((now) => ({ ...now, [part]: e.target.value }))}
        />
        {problem ? (
          <p className="field__error" id={`${id}-${part}-error`}>
            {translateServiceMessage(problem)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <article className="finding-action" aria-labelledby={`${id}-title`}>
      <header className="action-row__header">
        <span className={`finding finding--${item.findingClass}`}>{t(`assessments.finding.${item.findingClass}`)}</span>
        <strong id={`${id}-title`}>{title}</strong>
        {programme ? <span className="secondary"> · {programme}</span> : null}
        {item.dueDays === null ? null : (
          <span className="tag">{t('assessments.actions.dueAfter', { count: item.dueDays, n: formatNumber(item.dueDays) })}</span>
        )}
        <span className={isWritten ? 'tag tag--written' : 'tag'}>
          {t(isWritten ? 'assessments.actions.written' : 'assessments.actions.notWritten')}
        </span>
      </header>
      <form
        className="action-row__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {field('actionRequired', t('assessments.actions.requiredAction'))}
        {field('closingEvidence', t('assessments.actions.closingEvidence'))}
        <div className="actions">
          <button type="submit" className="button--primary" disabled={saving}>
            {t('assessments.actions.saveAction')}
          </button>
        </div>
        <ErrorBanner error={error && error.code !== 'validation' ? error : null} />
      </form>
    </article>
  );
}

/** A raised action's words: as the inspector wrote them, else the suggestion, said to be one. */
function ActionWords({ action }: { action: CorrectiveAction }) {
  const { t } = useTranslation();
  const text = actionTextHere(action);
  return (
    <>
      <dl className="action-row__text">
        <dt>{t('assessments.actions.requiredAction')}</dt>
        <dd>{text.actionRequired}</dd>
        <dt>{t('assessments.actions.closingEvidence')}</dt>
        <dd>{text.closingEvidence}</dd>
      </dl>
      {text.suggested.actionRequired ? <p className="action-row__suggested">{t('assessments.actions.suggestedShown')}</p> : null}
    </>
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
  const { busy, error, run } = useAction();
  const closed = a.status === 'verified-closed';
  const id = `action-${a.id}`;
  const save = async () => {
    const r = await run(() =>
      invoke('corrective-actions:update', {
        id: a.id,
        revision: a.revision,
        update: { owner, dueDate, status, institutionResponse: response, description: a.description },
      }),
    );
    if (r.ok) onDone();
  };
  return (
    <article className="action-row">
      <ActionHeader action={a} title={title} programme={programme} />
      <ActionWords action={a} />
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
            <button type="submit" disabled={busy}>
              {t('common.save')}
            </button>
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
  const { busy, error, run } = useAction();
  // The service's refusal is shown at the note, the one thing the inspector can change here.
  const problem = error ? translateServiceMessage(error.issues?.[0]?.message ?? error.message) : null;
  const id = `verify-${a.id}`;
  const verify = async (closed: boolean) => {
    const r = await run(() =>
      invoke('corrective-actions:verify', {
        id: a.id,
        revision: a.revision,
        followUpAssessmentId: followUp.id,
        closed,
        note,
      }),
    );
    if (r.ok) onDone();
  };
  const disabled = followUp.status !== 'draft' || busy;
  return (
    <article className="action-row">
      <ActionHeader action={a} title={title} programme={programme} />
      <ActionWords action={a} />
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
