import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  appealDecisions,
  decideAppealInputSchema,
  lodgeAppealInputSchema,
  type Appeal,
  type AssessmentCycle,
} from '../../../../shared/accreditation/schema';
import { invoke } from '../../api/client';
import { Field, SelectField, TextField } from '../../components/Field';
import { FormProblems } from '../../components/FormProblems';
import { useContractForm } from '../../forms/use-contract-form';
import { counted } from '../../format';
import { formatDate, today } from '../assessments/model/dates';

// The forms check what the services check; the assessment and the appeal are the form's own context.
const lodgeFormSchema = lodgeAppealInputSchema.omit({ assessmentId: true });
const decideFormSchema = decideAppealInputSchema.omit({ appealId: true, revision: true });

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
  const { form, field, submit, fail, problems } = useContractForm(lodgeFormSchema, {
    defaultValues: { receivedOn: today(), grounds: '', lodgedBy: '' },
    idPrefix: 'appeal-',
  });
  const save = submit(async (input) => {
    const r = await invoke('accreditation:lodge-appeal', { assessmentId, ...input });
    if (!r.ok) return fail(r.error);
    await onDone();
  });
  const grounds = field('grounds');
  const receivedOn = field('receivedOn');
  return (
    <form className="appeal-form" aria-label={t('accreditation.appeals.lodge')} onSubmit={save} noValidate>
      <FormProblems {...problems} />
      <Field id={receivedOn.id} label={t('accreditation.appeals.receivedOn')} error={receivedOn.error} required>
        {(aria) => <input type="date" {...aria} {...receivedOn.registration} />}
      </Field>
      <TextField {...field('lodgedBy')} label={t('accreditation.appeals.lodgedBy')} required />
      <Field id={grounds.id} label={t('accreditation.appeals.grounds')} error={grounds.error} required>
        {(aria) => <textarea rows={4} maxLength={grounds.maxLength} {...aria} {...grounds.registration} />}
      </Field>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('accreditation.appeals.cancel')}
        </button>
        <button type="submit" className="button--primary" disabled={form.formState.isSubmitting}>
          {t('accreditation.appeals.save')}
        </button>
      </div>
    </form>
  );
}

function DecideForm({ appeal, onDone, onCancel }: { appeal: Appeal; onDone: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { form, field, submit, fail, problems } = useContractForm(decideFormSchema, {
    defaultValues: { decidedOn: today(), outcomeNote: '' },
    idPrefix: `appeal-${appeal.id}-`,
  });
  const save = submit(async (input) => {
    const r = await invoke('accreditation:decide-appeal', { appealId: appeal.id, revision: appeal.revision, ...input });
    if (!r.ok) return fail(r.error);
    await onDone();
  });
  const decidedOn = field('decidedOn');
  const note = field('outcomeNote');
  return (
    <form className="appeal-form" aria-label={t('accreditation.appeals.decide')} onSubmit={save} noValidate>
      <FormProblems {...problems} />
      <SelectField
        {...field('decision')}
        label={t('accreditation.appeals.decision')}
        required
        placeholder=""
        options={appealDecisions.map((d) => ({ value: d, label: t(`accreditation.appeals.decisions.${d}`) }))}
      />
      <Field id={decidedOn.id} label={t('accreditation.appeals.decidedOn')} error={decidedOn.error} required>
        {(aria) => <input type="date" {...aria} {...decidedOn.registration} />}
      </Field>
      <Field id={note.id} label={t('accreditation.appeals.outcomeNote')} error={note.error} required>
        {(aria) => <textarea rows={3} maxLength={note.maxLength} {...aria} {...note.registration} />}
      </Field>
      <p className="secondary">{t('accreditation.appeals.upheldNext')}</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('accreditation.appeals.cancel')}
        </button>
        <button type="submit" className="button--primary" disabled={form.formState.isSubmitting}>
          {t('accreditation.appeals.decide')}
        </button>
      </div>
    </form>
  );
}
