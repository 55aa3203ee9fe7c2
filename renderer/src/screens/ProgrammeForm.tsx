import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { programmeInputSchema, type Programme, type ProgrammeFormValues, type ProgrammeInput } from '../../../shared/institutions/schema';
import { cefrLevels, programmeActivities, sectors } from '../../../shared/institutions/reference-data';
import type { AppErrorData } from '../../../shared/ipc/result';
import { invoke } from '../api/client';
import { CheckboxGroup, SelectField, TextField } from '../components/Field';
import { FormProblems } from '../components/FormProblems';
import { codeOptions } from '../forms/code-options';
import { applyServerIssues } from '../forms/server-issues';
import { textLimits } from '../forms/text-limits';
import { useUnsavedChanges } from '../forms/use-unsaved-changes';
import { href, navigate } from '../router';

const emptyProgramme: ProgrammeFormValues = {
  titleEn: '',
  titleBn: '',
  sector: 'ict',
  occupation: '',
  iscoCode: '',
  escoUri: '',
  bnqfLevel: '',
  eqfLevel: '',
  durationMonths: '',
  annualIntake: '',
  mobilityTrack: false,
  destinationCountry: '',
  targetLanguage: '',
  targetCefr: '',
  activities: [],
};

const fieldNames = Object.keys(emptyProgramme);
const limits = textLimits(programmeInputSchema);
const numberText = (n: number | null) => (n === null ? '' : String(n));

/** Create or edit a programme of an institution. */
export function ProgrammeForm({ institutionId, id }: { institutionId: string; id?: string }) {
  const { t } = useTranslation();
  const [existing, setExisting] = useState<Programme | null>(null);
  const [serverError, setServerError] = useState<AppErrorData | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const { register, handleSubmit, reset, setError, watch, formState } = useForm<ProgrammeFormValues, unknown, ProgrammeInput>({
    resolver: zodResolver(programmeInputSchema),
    defaultValues: emptyProgramme,
    mode: 'onTouched',
  });
  const { errors, isSubmitting } = formState;
  const mobility = watch('mobilityTrack');
  const unsaved = useUnsavedChanges(formState.isDirty);

  // A new programme starts in the institution's own (first) sector rather than an arbitrary one; a sector
  // the user already picked while this loaded is kept.
  useEffect(() => {
    if (id) return;
    void invoke('institutions:get', { id: institutionId }).then((r) => {
      const sector = r.ok ? r.value.institution.sectors[0] : undefined;
      if (sector !== undefined) reset({ ...emptyProgramme, sector }, { keepDirtyValues: true });
    });
  }, [id, institutionId, reset]);

  useEffect(() => {
    if (!id) return;
    void invoke('institutions:get', { id: institutionId }).then((r) => {
      if (!r.ok) return setServerError(r.error);
      const p = r.value.programmes.find((x) => x.id === id);
      if (!p) return setServerError({ code: 'not-found', message: 'not-found' });
      setExisting(p);
      reset({
        ...p,
        bnqfLevel: numberText(p.bnqfLevel),
        eqfLevel: numberText(p.eqfLevel),
        durationMonths: numberText(p.durationMonths),
        annualIntake: numberText(p.annualIntake),
      });
    });
  }, [id, institutionId, reset]);

  const onSubmit = handleSubmit(async (input) => {
    setServerError(null);
    const result = existing
      ? await invoke('programmes:update', { id: existing.id, revision: existing.revision, input })
      : await invoke('programmes:create', { institutionId, input });
    if (result.ok) {
      unsaved.release();
      return navigate({ name: 'institution', id: institutionId });
    }
    setServerError(result.error);
    setUnplaced(applyServerIssues(result.error, setError, fieldNames, ['input']));
  });

  const options = <T extends string>(values: readonly T[], prefix: string) => codeOptions(t, values, prefix);
  const hasClientErrors = Object.keys(errors).length > 0 && formState.isSubmitted;

  return (
    <section aria-labelledby="programme-form-heading">
      <div className="page-header">
        <h1 id="programme-form-heading">{id ? t('programmes.editTitle') : t('programmes.newTitle')}</h1>
      </div>
      <FormProblems serverError={serverError} unplaced={unplaced} clientErrors={hasClientErrors} />
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="form-grid">
          <TextField
            id="titleEn"
            label={t('programmes.fields.titleEn')}
            required
            registration={register('titleEn')}
            maxLength={limits.titleEn}
            error={errors.titleEn}
          />
          <TextField
            id="titleBn"
            label={t('programmes.fields.titleBn')}
            registration={register('titleBn')}
            maxLength={limits.titleBn}
            error={errors.titleBn}
          />
          <SelectField
            id="sector"
            label={t('programmes.fields.sector')}
            required
            registration={register('sector')}
            error={errors.sector}
            options={options(sectors, 'sector')}
          />
          <TextField
            id="occupation"
            label={t('programmes.fields.occupation')}
            required
            registration={register('occupation')}
            maxLength={limits.occupation}
            error={errors.occupation}
          />
          <TextField
            id="iscoCode"
            inputMode="numeric"
            label={t('programmes.fields.iscoCode')}
            hint={t('programmes.hints.iscoCode')}
            required
            registration={register('iscoCode')}
            error={errors.iscoCode}
          />
          <TextField
            id="escoUri"
            label={t('programmes.fields.escoUri')}
            hint={t('programmes.hints.escoUri')}
            registration={register('escoUri')}
            maxLength={limits.escoUri}
            error={errors.escoUri}
          />
          <TextField
            id="bnqfLevel"
            inputMode="numeric"
            label={t('programmes.fields.bnqfLevel')}
            registration={register('bnqfLevel')}
            error={errors.bnqfLevel}
          />
          <TextField
            id="eqfLevel"
            inputMode="numeric"
            label={t('programmes.fields.eqfLevel')}
            hint={t('programmes.hints.eqfLevel')}
            registration={register('eqfLevel')}
            error={errors.eqfLevel}
          />
          <TextField
            id="durationMonths"
            inputMode="decimal"
            label={t('programmes.fields.durationMonths')}
            registration={register('durationMonths')}
            error={errors.durationMonths}
          />
          <TextField
            id="annualIntake"
            inputMode="numeric"
            label={t('programmes.fields.annualIntake')}
            registration={register('annualIntake')}
            error={errors.annualIntake}
          />
        </div>
        <CheckboxGroup
          id="activities"
          legend={t('programmes.fields.activities')}
          registration={register('activities')}
          options={options(programmeActivities, 'activity')}
        />
        <label className="checkbox checkbox--wide">
          <input type="checkbox" {...register('mobilityTrack')} />
          {t('programmes.fields.mobilityTrack')}
        </label>
        {mobility ? (
          <div className="form-grid">
            <TextField
              id="destinationCountry"
              label={t('programmes.fields.destinationCountry')}
              required
              registration={register('destinationCountry')}
              maxLength={limits.destinationCountry}
              error={errors.destinationCountry}
            />
            <TextField
              id="targetLanguage"
              label={t('programmes.fields.targetLanguage')}
              required
              registration={register('targetLanguage')}
              maxLength={limits.targetLanguage}
              error={errors.targetLanguage}
            />
            <SelectField
              id="targetCefr"
              label={t('programmes.fields.targetCefr')}
              required
              registration={register('targetCefr')}
              error={errors.targetCefr}
              placeholder={t('form.choose')}
              options={cefrLevels.map((c) => ({ value: c, label: c }))}
            />
          </div>
        ) : null}
        <div className="actions">
          <a className="button" href={href({ name: 'institution', id: institutionId })}>
            {t('common.cancel')}
          </a>
          <button type="submit" className="button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      {unsaved.dialog}
    </section>
  );
}
