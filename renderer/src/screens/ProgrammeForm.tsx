import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeInputSchema, type ProgrammeFormValues } from '../../../shared/institutions/schema';
import { cefrLevels, programmeActivities, sectors } from '../../../shared/institutions/reference-data';
import type { AppErrorData } from '../../../shared/ipc/result';
import { invoke } from '../api/client';
import { CheckboxGroup, SelectField, TextField } from '../components/Field';
import { FormProblems } from '../components/FormProblems';
import { useRequest } from '../data/use-request';
import { codeOptions } from '../forms/code-options';
import { asListCode, listOptions } from '../forms/list-options';
import { useContractForm } from '../forms/use-contract-form';
import { currentLanguage } from '../i18n';
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

const notFound: AppErrorData = { code: 'not-found', message: 'not-found' };
const numberText = (n: number | null) => (n === null ? '' : String(n));

/** Create or edit a programme of an institution. */
export function ProgrammeForm({ institutionId, id }: { institutionId: string; id?: string }) {
  const { t } = useTranslation();
  const { form, field, submit, fail, problems, unsaved } = useContractForm(programmeInputSchema, {
    defaultValues: emptyProgramme,
    guardUnsaved: true,
  });
  const { register, reset, watch } = form;
  const { isSubmitting } = form.formState;
  const mobility = watch('mobilityTrack');

  // The institution: its first sector starts a new programme; the programme edited is one of its own.
  const loaded = useRequest('institutions:get', { id: institutionId });
  const existing = useMemo(
    () => (id && loaded.value ? (loaded.value.programmes.find((x) => x.id === id) ?? null) : null),
    [id, loaded.value],
  );
  const loadError = id ? (loaded.error ?? (loaded.value && existing === null ? notFound : null)) : null;

  useEffect(() => {
    if (id || loaded.value === null) return;
    // A new programme starts in the institution's own (first) sector rather than an arbitrary one; a sector
    // the user already picked while this loaded is kept.
    const sector = loaded.value.institution.sectors[0];
    if (sector !== undefined) reset({ ...emptyProgramme, sector }, { keepDirtyValues: true });
  }, [id, loaded.value, reset]);

  useEffect(() => {
    if (existing === null) return;
    const p = existing;
    reset({
      ...p,
      bnqfLevel: numberText(p.bnqfLevel),
      eqfLevel: numberText(p.eqfLevel),
      durationMonths: numberText(p.durationMonths),
      annualIntake: numberText(p.annualIntake),
      // Free text typed before the closed lists existed is matched to its code where the list knows it.
      destinationCountry: asListCode('country', p.destinationCountry),
      targetLanguage: asListCode('language', p.targetLanguage),
    });
  }, [existing, reset]);

  const onSubmit = submit(async (input) => {
    const result = existing
      ? await invoke('programmes:update', { id: existing.id, revision: existing.revision, input })
      : await invoke('programmes:create', { institutionId, input });
    if (result.ok) {
      unsaved.release();
      return navigate({ name: 'institution', id: institutionId });
    }
    fail(result.error, ['input']);
  });

  const options = <T extends string>(values: readonly T[], prefix: string) => codeOptions(t, values, prefix);

  return (
    <section aria-labelledby="programme-form-heading">
      <div className="page-header">
        <h1 id="programme-form-heading">{id ? t('programmes.editTitle') : t('programmes.newTitle')}</h1>
      </div>
      <FormProblems {...problems} serverError={problems.serverError ?? loadError} />
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="form-grid">
          <TextField {...field('titleEn')} label={t('programmes.fields.titleEn')} required />
          <TextField {...field('titleBn')} label={t('programmes.fields.titleBn')} />
          <SelectField {...field('sector')} label={t('programmes.fields.sector')} required options={options(sectors, 'sector')} />
          <TextField {...field('occupation')} label={t('programmes.fields.occupation')} required />
          <TextField
            {...field('iscoCode')}
            inputMode="numeric"
            label={t('programmes.fields.iscoCode')}
            hint={t('programmes.hints.iscoCode')}
            required
          />
          <TextField {...field('escoUri')} label={t('programmes.fields.escoUri')} hint={t('programmes.hints.escoUri')} />
          <TextField {...field('bnqfLevel')} inputMode="numeric" label={t('programmes.fields.bnqfLevel')} />
          <TextField
            {...field('eqfLevel')}
            inputMode="numeric"
            label={t('programmes.fields.eqfLevel')}
            hint={t('programmes.hints.eqfLevel')}
          />
          <TextField {...field('durationMonths')} inputMode="decimal" label={t('programmes.fields.durationMonths')} />
          <TextField {...field('annualIntake')} inputMode="numeric" label={t('programmes.fields.annualIntake')} />
        </div>
        <CheckboxGroup
          {...field('activities')}
          legend={t('programmes.fields.activities')}
          options={options(programmeActivities, 'activity')}
        />
        <label className="checkbox checkbox--wide">
          <input type="checkbox" {...register('mobilityTrack')} />
          {t('programmes.fields.mobilityTrack')}
        </label>
        {mobility ? <p className="field__hint">{t('programmes.hints.recruitment')}</p> : null}
        {mobility ? (
          <div className="form-grid">
            <SelectField
              {...field('destinationCountry')}
              label={t('programmes.fields.destinationCountry')}
              required
              placeholder={t('form.choose')}
              options={listOptions('country', currentLanguage(), watch('destinationCountry') ?? '')}
            />
            <SelectField
              {...field('targetLanguage')}
              label={t('programmes.fields.targetLanguage')}
              required
              placeholder={t('form.choose')}
              options={listOptions('language', currentLanguage(), watch('targetLanguage') ?? '')}
            />
            <SelectField
              {...field('targetCefr')}
              label={t('programmes.fields.targetCefr')}
              required
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
