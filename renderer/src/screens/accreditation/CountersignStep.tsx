import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../shared/assessments/schema';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { samePerson } from '../../../../shared/settings/roles';
import { invoke } from '../../api/client';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useAction } from '../../data/use-action';
import { useRequest } from '../../data/use-request';
import { formatDateTime } from '../../format';
import { translateServiceMessage } from '../../i18n';
import { useActingPerson } from '../profile/use-acting-person';
import './accreditation.css';

interface CountersignStepProps {
  assessment: Assessment;
  onChanged: (assessment: Assessment) => void;
  onRefused: (error: AppErrorData | null) => void;
}

/**
 * In the workflow bar of a submitted inspection whose outcome is "not recommended": says that a second
 * reviewer must countersign before it is finalised, and offers "Countersign" to a person who may (not
 * the lead inspector, not whoever submitted it, not an institution's administrator). The services
 * decide the same rule and refuse anyone else.
 */
export function CountersignStep({ assessment: a, onChanged, onRefused }: CountersignStepProps) {
  const { t } = useTranslation();
  const person = useActingPerson();
  const { value } = useRequest('accreditation:assessment', { assessmentId: a.id }, [a.id, a.revision]);
  const [open, setOpen] = useState(false);
  const action = useAction();
  if (a.status !== 'submitted' || value === null || person === null) return null;
  if (value.countersignature !== null) {
    const c = value.countersignature;
    return (
      <p className="countersign secondary" data-testid="countersignature">
        {t('accreditation.countersign.done', { name: c.name, role: t(`welcome.roles.${c.role}`), date: formatDateTime(c.at) })}
      </p>
    );
  }
  if (!value.countersignRequired) return null;
  const leads = a.team.filter((m) => m.role === 'lead-inspector').map((m) => m.name);
  const mayCountersign =
    person.role !== 'institution-administrator' &&
    !samePerson(person.name, a.submittedBy) &&
    !leads.some((n) => samePerson(person.name, n));
  // A refusal is said in the dialog, by its first issue (the reason) or else its message.
  const refusal = action.error;
  const dialogError = refusal ? translateServiceMessage(refusal.issues?.[0]?.message ?? refusal.message) : null;
  const countersign = async (comment: string) => {
    const r = await action.run(() => invoke('accreditation:countersign', { assessmentId: a.id, revision: a.revision, comment }));
    if (!r.ok) return;
    setOpen(false);
    const fresh = await invoke('assessments:get', { id: a.id });
    if (fresh.ok) onChanged(fresh.value.assessment);
    else onRefused(fresh.error);
  };
  return (
    <div className="countersign" data-testid="countersign-step">
      <p className="banner" role="status">
        {t('accreditation.countersign.required')}
      </p>
      {mayCountersign ? (
        <button type="button" className="button--primary" onClick={() => (action.setError(null), setOpen(true))}>
          {t('accreditation.countersign.action')}
        </button>
      ) : (
        <p className="secondary">{t('accreditation.countersign.notYou')}</p>
      )}
      <ReasonDialog
        open={open}
        title={t('accreditation.countersign.heading')}
        message={t('accreditation.countersign.required')}
        label={t('accreditation.countersign.comment')}
        confirmLabel={t('accreditation.countersign.confirm', { name: person.name, role: t(`welcome.roles.${person.role}`) })}
        minLength={0}
        error={dialogError}
        onConfirm={(comment) => void countersign(comment)}
        onCancel={() => setOpen(false)}
      />
    </div>
  );
}
