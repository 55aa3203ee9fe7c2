import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../../shared/assessments/schema';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { invoke } from '../../../api/client';
import { Field } from '../../../components/Field';
import { FormProblems } from '../../../components/FormProblems';
import { applyServerIssues } from '../../../forms/server-issues';
import { useUnsavedChanges } from '../../../forms/use-unsaved-changes';
import { href, navigate } from '../../../router';
import { TeamEditor } from '../TeamEditor';
import { detailsFieldNames, detailsFormSchema, detailsOf, type DetailsFormValues, type DetailsInput } from './details-form';

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
  const [serverError, setServerError] = useState<AppErrorData | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const form = useForm<DetailsFormValues, unknown, DetailsInput>({
    resolver: zodResolver(detailsFormSchema),
    defaultValues: detailsOf(a),
    mode: 'onTouched',
  });
  const { register, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const unsaved = useUnsavedChanges(formState.isDirty);

  const onSubmit = handleSubmit(async (input) => {
    setServerError(null);
    setUnplaced([]);
    const r = await invoke('assessments:update-details', { id: a.id, revision: a.revision, ...input });
    if (r.ok) {
      unsaved.release();
      return navigate({ name: 'assessment', id: a.id });
    }
    if (r.error.code === 'conflict') return onRefused('conflict');
    if (r.error.code === 'locked') return onRefused('not-draft');
    setServerError(r.error);
    setUnplaced(applyServerIssues(r.error, setError, detailsFieldNames));
  });

  const hasClientErrors = formState.isSubmitted && Object.keys(errors).length > 0;
  const teamError = errors.team?.message ?? errors.team?.root?.message;
  const back = href({ name: 'assessment', id: a.id });

  return (
    <>
      <FormProblems serverError={serverError} unplaced={unplaced} clientErrors={hasClientErrors} />
      <form onSubmit={onSubmit} noValidate className="form details-form">
        <TeamEditor form={form} kind={a.kind} error={teamError} />
        <fieldset className="form-grid dates">
          <legend>{t('assessments.start.dates')}</legend>
          {(['plannedStart', 'plannedEnd', 'siteVisitDate'] as const).map((f) => (
            <Field key={f} id={f} label={t(`assessments.start.${f}`)} error={errors[f]}>
              {(aria) => <input type="date" {...aria} {...register(f)} />}
            </Field>
          ))}
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
