import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import {
  institutionInputSchema,
  type Institution,
  type InstitutionFormValues,
  type InstitutionInput,
} from '../../../shared/institutions/schema';
import { divisions, institutionTypes, registrationBodies, sectors } from '../../../shared/institutions/reference-data';
import type { AppErrorData } from '../../../shared/ipc/result';
import { invoke } from '../api/client';
import { CheckboxGroup, SelectField, TextField } from '../components/Field';
import { FormProblems } from '../components/FormProblems';
import { codeOptions } from '../forms/code-options';
import { applyServerIssues } from '../forms/server-issues';
import { textLimits } from '../forms/text-limits';
import { useUnsavedChanges } from '../forms/use-unsaved-changes';
import { href, navigate } from '../router';

const emptyInstitution: InstitutionFormValues = {
  nameEn: '',
  nameBn: '',
  registrationBody: 'BTEB',
  registrationNumber: '',
  type: 'government-polytechnic',
  division: 'dhaka',
  district: '',
  address: '',
  headName: '',
  contactPhone: '',
  contactEmail: '',
  sectors: [],
};

const fieldNames = Object.keys(emptyInstitution);
const limits = textLimits(institutionInputSchema);

/** Create or edit an institution. The same zod schema validates here and again in the services. */
export function InstitutionForm({ id }: { id?: string }) {
  const { t } = useTranslation();
  const [existing, setExisting] = useState<Institution | null>(null);
  const [serverError, setServerError] = useState<AppErrorData | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const form = useForm<InstitutionFormValues, unknown, InstitutionInput>({
    resolver: zodResolver(institutionInputSchema),
    defaultValues: emptyInstitution,
    mode: 'onTouched',
  });
  const { register, handleSubmit, reset, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const unsaved = useUnsavedChanges(formState.isDirty);

  useEffect(() => {
    if (!id) return;
    void invoke('institutions:get', { id }).then((r) => {
      if (!r.ok) return setServerError(r.error);
      setExisting(r.value.institution);
      const { institution: i } = r.value;
      reset({ ...i });
    });
  }, [id, reset]);

  const onSubmit = handleSubmit(async (input) => {
    setServerError(null);
    const result = existing
      ? await invoke('institutions:update', { id: existing.id, revision: existing.revision, input })
      : await invoke('institutions:create', input);
    if (result.ok) {
      unsaved.release();
      navigate({ name: 'institution', id: result.value.id });
      return;
    }
    setServerError(result.error);
    setUnplaced(applyServerIssues(result.error, setError, fieldNames, existing ? ['input'] : []));
  });

  const options = <T extends string>(values: readonly T[], prefix: string) => codeOptions(t, values, prefix);
  const title = id ? t('institutions.editTitle') : t('institutions.newTitle');
  const hasClientErrors = Object.keys(errors).length > 0 && formState.isSubmitted;

  return (
    <section aria-labelledby="institution-form-heading">
      <div className="page-header">
        <h1 id="institution-form-heading">{title}</h1>
      </div>
      <FormProblems serverError={serverError} unplaced={unplaced} clientErrors={hasClientErrors} />
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="form-grid">
          <TextField
            id="nameEn"
            label={t('institutions.fields.nameEn')}
            required
            registration={register('nameEn')}
            maxLength={limits.nameEn}
            error={errors.nameEn}
          />
          <TextField
            id="nameBn"
            label={t('institutions.fields.nameBn')}
            registration={register('nameBn')}
            maxLength={limits.nameBn}
            error={errors.nameBn}
          />
          <SelectField
            id="type"
            label={t('institutions.fields.type')}
            required
            registration={register('type')}
            error={errors.type}
            options={options(institutionTypes, 'institutionType')}
          />
          <SelectField
            id="registrationBody"
            label={t('institutions.fields.registrationBody')}
            required
            registration={register('registrationBody')}
            error={errors.registrationBody}
            options={options(registrationBodies, 'registrationBody')}
          />
          <TextField
            id="registrationNumber"
            label={t('institutions.fields.registrationNumber')}
            registration={register('registrationNumber')}
            maxLength={limits.registrationNumber}
            error={errors.registrationNumber}
          />
          <SelectField
            id="division"
            label={t('institutions.fields.division')}
            required
            registration={register('division')}
            error={errors.division}
            options={options(divisions, 'division')}
          />
          <TextField
            id="district"
            label={t('institutions.fields.district')}
            required
            registration={register('district')}
            maxLength={limits.district}
            error={errors.district}
          />
          <TextField
            id="address"
            label={t('institutions.fields.address')}
            registration={register('address')}
            maxLength={limits.address}
            error={errors.address}
          />
          <TextField
            id="headName"
            label={t('institutions.fields.headName')}
            registration={register('headName')}
            maxLength={limits.headName}
            error={errors.headName}
          />
          <TextField
            id="contactPhone"
            type="tel"
            inputMode="tel"
            label={t('institutions.fields.contactPhone')}
            registration={register('contactPhone')}
            maxLength={limits.contactPhone}
            error={errors.contactPhone}
          />
          <TextField
            id="contactEmail"
            type="email"
            inputMode="email"
            label={t('institutions.fields.contactEmail')}
            registration={register('contactEmail')}
            maxLength={limits.contactEmail}
            error={errors.contactEmail}
          />
        </div>
        <CheckboxGroup
          id="sectors"
          legend={t('institutions.fields.sectors')}
          registration={register('sectors')}
          options={options(sectors, 'sector')}
          error={errors.sectors}
        />
        <div className="actions">
          <a className="button" href={id ? href({ name: 'institution', id }) : href({ name: 'institutions' })}>
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
