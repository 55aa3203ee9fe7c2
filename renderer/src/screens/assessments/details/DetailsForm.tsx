import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../../shared/assessments/schema';
import { invoke } from '../../../api/client';
import { Field } from '../../../components/Field';
import { FormProblems } from '../../../components/FormProblems';
import { useContractForm } from '../../../forms/use-contract-form';
import { href, navigate } from '../../../router';
import { TeamEditor } from '../TeamEditor';
import { detailsFieldNames, detailsFormSchema, detailsOf } from './details-form';

/** Why a save was refused in a way that needs the stored assessment shown again. */
export type DetailsRefusal = 'conflict' | 'not-draft';

interface DetailsFormProps {
  assessment: Assessment;
  onRefused: (why: DetailsRefusal) => void;
}

/**
 * The team and the three dates of a draft, checked here with the shared schema pieces and again by
 * the services (who may be on the team for this kind, end not before start, the revision).
 */
export function DetailsForm({ assessment: a, onRefused }: DetailsFormProps) {
  const { t } = useTranslation();
  const { form, field, submit, fail, problems, unsaved } = useContractForm(detailsFormSchema, {
    defaultValues: detailsOf(a),
    fieldNames: detailsFieldNames,
    guardUnsaved: true,
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = submit(async (input) => {
    const r = await invoke('assessments:update-details', { id: a.id, revision: a.revision, ...input });
    if (r.ok) {
      unsaved.release();
      return navigate({ name: 'assessment', id: a.id });
    }
    if (r.error.code === 'conflict') return onRefused('conflict');
    if (r.error.code === 'locked') return onRefused('not-draft');
    fail(r.error);
  });

  const teamError = errors.team?.message ?? errors.team?.root?.message;
  const back = href({ name: 'assessment', id: a.id });

  return (
    <>
      <FormProblems {...problems} />
      <form onSubmit={onSubmit} noValidate className="form details-form">
        <TeamEditor form={form} kind={a.kind} error={teamError} />
        <fieldset className="form-grid dates">
          <legend>{t('assessments.start.dates')}</legend>
          {(['plannedStart', 'plannedEnd', 'siteVisitDate'] as const).map((f) => {
            const { id, registration, error } = field(f);
            return (
              <Field key={f} id={id} label={t(`assessments.start.${f}`)} error={error}>
                {(aria) => <input type="date" {...aria} {...registration} />}
              </Field>
            );
          })}
        </fieldset>
        <div className="actions">
          <a className="button" href={back}>
            {t('common.cancel')}
          </a>
          <button type="submit" className="button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('assessments.details.save')}
          </button>
        </div>
      </form>
      {unsaved.dialog}
    </>
  );
}
