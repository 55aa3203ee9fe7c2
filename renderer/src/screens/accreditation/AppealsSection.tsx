import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealDecisions, type Appeal, type AppealDecision, type AssessmentCycle } from '../../../../shared/accreditation/schema';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { counted } from '../../format';
import { formatDate, today } from '../assessments/model/dates';

const issuesOf = (error: AppErrorData | null) => error?.issues?.map((i) => i.message) ?? [];

/**
 * The appeals against one finalised inspection: the appeal window, each appeal with its decision, a form
 * to lodge one while the window is open and none is pending, and a form to record a pending one's
 * decision. The services decide every rule (period, one open at a time, who may decide) and say why.
 */
export function AppealsSection({ cycle, onChanged }: { cycle: AssessmentCycle; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const [lodging, setLodging] = useState(false);
  const period = cycle.appealWindow;
  if (period === null) return null;
  const open = cycle.appeals.find((a) => a.decision === '');
  return (
    <section className="appeals-section" aria-labelledby="appeals-heading">
      <h3 id="appeals-heading">{t('accreditation.appeals.heading')}</h3>
      <p className="secondary" data-testid="appeal-window">
        {period.open
          ? t('accreditation.appeals.windowOpen', counted(period.appealDays, { date: formatDate(period.deadline) }))
          : t('accreditation.appeals.windowClosed', { date: formatDate(period.deadline) })}
        {period.proposal ? <span className="tag"> {t('accreditation.proposal')}</span> : null}
      </p>
      {cycle.appeals.length === 0 ? <p>{t('accreditation.appeals.none')}</p> : null}
      <ul className="appeals">
        {cycle.appeals.map((a) => (
          <AppealItem key={a.id} appeal={a} onChanged={onChanged} />
        ))}
      </ul>
      {period.open && open === undefined ? (
        lodging ? (
          <LodgeForm
            assessmentId={cycle.assessmentId}
            onDone={async () => {
              setLodging(false);
              await onChanged();
            }}
            onCancel={() => setLodging(false)}
          />
        ) : (
          <button type="button" onClick={() => setLodging(true)}>
            {t('accreditation.appeals.lodge')}
          </button>
        )
      ) : null}
    </section>
  );
}

function AppealItem({ appeal: a, onChanged }: { appeal: Appeal; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState(false);
  return (
    <li className="appeal" data-testid="appeal">
      <p>
        <strong>{t('accreditation.appeals.received', { date: formatDate(a.receivedOn), name: a.lodgedBy })}</strong>
      </p>
      <p className="appeal__grounds">{a.grounds}</p>
      {a.decision === '' ? (
        <>
          <p>
            <span className="tag tag--due-soon">{t('accreditation.appeals.open')}</span>
          </p>
          {deciding ? (
            <DecideForm
              appeal={a}
              onDone={async () => {
                setDeciding(false);
                await onChanged();
              }}
              onCancel={() => setDeciding(false)}
            />
          ) : (
            <button type="button" onClick={() => setDeciding(true)}>
              {t('accreditation.appeals.decide')}
            </button>
          )}
        </>
      ) : (
        <>
          <p data-testid="appeal-decision">
            <strong>
              {t('accreditation.appeals.decided', {
                decision: t(`accreditation.appeals.decisions.${a.decision}`),
                date: formatDate(a.decidedOn),
                name: a.decidedBy,
              })}
            </strong>
          </p>
          <p className="appeal__grounds">{a.outcomeNote}</p>
          {a.decision !== 'rejected' ? <p className="secondary">{t('accreditation.appeals.upheldNext')}</p> : null}
        </>
      )}
    </li>
  );
}

function LodgeForm({ assessmentId, onDone, onCancel }: { assessmentId: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [receivedOn, setReceivedOn] = useState(today());
  const [grounds, setGrounds] = useState('');
  const [lodgedBy, setLodgedBy] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const r = await invoke('accreditation:lodge-appeal', { assessmentId, receivedOn, grounds, lodgedBy });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    await onDone();
  };
  return (
    <form
      className="appeal-form"
      aria-label={t('accreditation.appeals.lodge')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorBanner error={error} extra={issuesOf(error)} />
      <div className="field">
        <label htmlFor="appeal-received">{t('accreditation.appeals.receivedOn')}</label>
        <input id="appeal-received" type="date" required value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="appeal-lodged-by">{t('accreditation.appeals.lodgedBy')}</label>
        <input id="appeal-lodged-by" required maxLength={200} value={lodgedBy} onChange={(e) => setLodgedBy(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="appeal-grounds">{t('accreditation.appeals.grounds')}</label>
        <textarea id="appeal-grounds" required rows={4} maxLength={5000} value={grounds} onChange={(e) => setGrounds(e.target.value)} />
      </div>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('accreditation.appeals.cancel')}
        </button>
        <button type="submit" className="button--primary" disabled={busy}>
          {t('accreditation.appeals.save')}
        </button>
      </div>
    </form>
  );
}

function DecideForm({ appeal, onDone, onCancel }: { appeal: Appeal; onDone: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<AppealDecision | ''>('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [outcomeNote, setOutcomeNote] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (decision === '') return;
    setBusy(true);
    const r = await invoke('accreditation:decide-appeal', {
      appealId: appeal.id,
      revision: appeal.revision,
      decision,
      decidedOn,
      outcomeNote,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    await onDone();
  };
  return (
    <form
      className="appeal-form"
      aria-label={t('accreditation.appeals.decide')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorBanner error={error} extra={issuesOf(error)} />
      <div className="field">
        <label htmlFor={`appeal-decision-${appeal.id}`}>{t('accreditation.appeals.decision')}</label>
        <select
          id={`appeal-decision-${appeal.id}`}
          required
          value={decision}
          onChange={(e) => setDecision(e.target.value as AppealDecision | '')}
        >
          <option value="" />
          {appealDecisions.map((d) => (
            <option key={d} value={d}>
              {t(`accreditation.appeals.decisions.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`appeal-decided-on-${appeal.id}`}>{t('accreditation.appeals.decidedOn')}</label>
        <input
          id={`appeal-decided-on-${appeal.id}`}
          type="date"
          required
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`appeal-note-${appeal.id}`}>{t('accreditation.appeals.outcomeNote')}</label>
        <textarea
          id={`appeal-note-${appeal.id}`}
          required
          rows={3}
          maxLength={5000}
          value={outcomeNote}
          onChange={(e) => setOutcomeNote(e.target.value)}
        />
      </div>
      <p className="secondary">{t('accreditation.appeals.upheldNext')}</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('accreditation.appeals.cancel')}
        </button>
        <button type="submit" className="button--primary" disabled={busy}>
          {t('accreditation.appeals.decide')}
        </button>
      </div>
    </form>
  );
}
