import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { institutionInputSchema, type InstitutionFormValues } from '../../../shared/institutions/schema';
import { divisions, institutionTypes, registrationBodies, sectors } from '../../../shared/institutions/reference-data';
import { invoke } from '../api/client';
import { CheckboxGroup, SelectField, TextField } from '../components/Field';
import { FormProblems } from '../components/FormProblems';
import { useRequest } from '../data/use-request';
import { codeOptions } from '../forms/code-options';
import { asListCode, listOptions } from '../forms/list-options';
import { useContractForm } from '../forms/use-contract-form';
import { href, navigate } from '../router';
import { currentLanguage } from '../i18n';
import { districts } from '../../../shared/reference-lists';

const districtDivision = new Map(districts.map((d) => [d.code, d.division]));

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

/** Create or edit an institution. The same zod schema validates here and again in the services. */
export function InstitutionForm({ id }: { id?: string }) {
  const { t } = useTranslation();
  const { form, field, submit, fail, problems, unsaved } = useContractForm(institutionInputSchema, {
    defaultValues: emptyInstitution,
    guardUnsaved: true,
  });
  const { reset, formState, watch } = form;
  const { isSubmitting } = formState;

  const loaded = useRequest('institutions:get', id ? { id } : null);
  const existing = loaded.value?.institution ?? null;
  useEffect(() => {
    if (existing === null) return;
    // A district typed as free text before the closed list existed is matched to its code where the list knows it.
    reset({ ...existing, district: asListCode('district', existing.district) });
  }, [existing, reset]);

  const onSubmit = submit(async (input) => {
    const result = existing
      ? await invoke('institutions:update', { id: existing.id, revision: existing.revision, input })
      : await invoke('institutions:create', input);
    if (result.ok) {
      unsaved.release();
      navigate({ name: 'institution', id: result.value.id });
      return;
    }
    fail(result.error, existing ? ['input'] : []);
  });

  const options = <T extends string>(values: readonly T[], prefix: string) => codeOptions(t, values, prefix);
  const title = id ? t('institutions.editTitle') : t('institutions.newTitle');

  return (
    <section aria-labelledby="institution-form-heading">
      <div className="page-header">
        <h1 id="institution-form-heading">{title}</h1>
      </div>
      <FormProblems {...problems} serverError={problems.serverError ?? loaded.error} />
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="form-grid">
          <TextField {...field('nameEn')} label={t('institutions.fields.nameEn')} required />
          <TextField {...field('nameBn')} label={t('institutions.fields.nameBn')} />
          <SelectField
            {...field('type')}
            label={t('institutions.fields.type')}
            required
            options={options(institutionTypes, 'institutionType')}
          />
          <SelectField
            {...field('registrationBody')}
            label={t('institutions.fields.registrationBody')}
            required
            options={options(registrationBodies, 'registrationBody')}
          />
          <TextField {...field('registrationNumber')} label={t('institutions.fields.registrationNumber')} />
          <SelectField {...field('division')} label={t('institutions.fields.division')} required options={options(divisions, 'division')} />
          <SelectField
            {...field('district')}
            label={t('institutions.fields.district')}
            required
            placeholder={t('form.choose')}
            options={listOptions(
              'district',
              currentLanguage(),
              watch('district'),
              (d) => districtDivision.get(d.code) === watch('division'),
            )}
          />
          <TextField {...field('address')} label={t('institutions.fields.address')} />
          <TextField {...field('headName')} label={t('institutions.fields.headName')} />
          <TextField {...field('contactPhone')} type="tel" inputMode="tel" label={t('institutions.fields.contactPhone')} />
          <TextField {...field('contactEmail')} type="email" inputMode="email" label={t('institutions.fields.contactEmail')} />
        </div>
        <CheckboxGroup {...field('sectors')} legend={t('institutions.fields.sectors')} options={options(sectors, 'sector')} />
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
