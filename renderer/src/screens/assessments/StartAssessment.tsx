import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentCreateInputSchema } from '../../../../shared/assessments/schema';
import type { AssessmentSummary } from '../../../../shared/assessments/schema';
import type { FrameworkVersionSummary } from '../../../../shared/framework/contract';
import type { InstitutionSummary, Programme } from '../../../../shared/institutions/schema';
import { ok } from '../../../../shared/ipc/result';
import { kindsFor } from '../../../../shared/settings/roles';
import type { UserRole } from '../../../../shared/settings/schema';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CheckboxGroup, Field, SelectField } from '../../components/Field';
import { useLoad, useRequest } from '../../data/use-request';
import { useContractForm } from '../../forms/use-contract-form';
import { currentLanguage, translateServiceMessage } from '../../i18n';
import { href, navigate } from '../../router';
import { formatDate } from './model/dates';
import { newestFramework } from './model/framework-order';
import { programmeTitle } from './model/text';
import { TeamEditor } from './TeamEditor';

const fieldNames = [
  'kind',
  'institutionId',
  'programmeIds',
  'frameworkVersionId',
  'team',
  'plannedStart',
  'plannedEnd',
  'siteVisitDate',
  'followsAssessmentId',
];

/** Start an assessment: what kind, of which institution and programmes, on which framework, by whom, when. */
export function StartAssessment({ institutionId }: { institutionId: string | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { form, field, submit, fail, problems, unsaved } = useContractForm(assessmentCreateInputSchema, {
    defaultValues: {
      kind: 'inspection',
      institutionId: institutionId ?? '',
      programmeIds: [],
      frameworkVersionId: '',
      team: [{ name: '', role: 'lead-inspector' }],
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    },
    fieldNames,
    guardUnsaved: true,
  });
  const { register, setValue, getValues, reset, watch, formState } = form;
  const { errors, isSubmitting } = formState;
  const kind = watch('kind');
  const chosenInstitution = watch('institutionId');

  // The choices load first.
  const choices = useLoad(async () => {
    const [list, library, settings] = await Promise.all([
      invoke('institutions:list', { limit: 1000 }),
      invoke('frameworks:list', {}),
      invoke('settings:get', {}),
    ]);
    return ok({ list, library, settings });
  }, []);
  const institutions: InstitutionSummary[] = choices.value?.list.ok ? choices.value.list.value.items : [];
  const frameworks: FrameworkVersionSummary[] = choices.value?.library.ok ? choices.value.library.value.items : [];
  // The kinds offered follow the acting person's role, as the services decide (shared/settings/roles.ts).
  const role: UserRole = choices.value?.settings.ok ? choices.value.settings.value.role : 'inspector';
  // The form appears once the loaded choices are in it, so the selects open on their defaults.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (choices.value === null) return;
    const { library, settings } = choices.value;
    const admin = settings.ok && settings.value.role === 'institution-administrator';
    reset({
      ...getValues(),
      kind: admin ? 'self-assessment' : 'inspection',
      frameworkVersionId: library.ok ? (newestFramework(library.value.items)?.id ?? '') : '',
      team: [{ name: settings.ok ? settings.value.userName : '', role: admin ? 'administrator' : 'lead-inspector' }],
    });
    setReady(true);
  }, [choices.value, getValues, reset]);
  const loadError = choices.value && !choices.value.library.ok ? choices.value.library.error : null;

  // Choosing an institution offers its programmes (all ticked) and, for a follow-up, its finalised assessments.
  const chosen = useRequest('institutions:get', chosenInstitution ? { id: chosenInstitution } : null);
  const finalised = useRequest('assessments:list', chosenInstitution ? { institutionId: chosenInstitution, status: 'finalised' } : null);
  const programmes: Programme[] | null = useMemo(
    () => (chosen.value ? chosen.value.programmes.filter((p) => !p.archived) : null),
    [chosen.value],
  );
  const previous: AssessmentSummary[] = (finalised.value?.items ?? []).filter((a) => a.kind !== 'self-assessment');
  useEffect(() => {
    if (programmes === null) return;
    setValue(
      'programmeIds',
      programmes.map((p) => p.id),
    );
  }, [programmes, setValue]);

  // A team of one keeps its person when the kind changes, with the role that kind needs.
  useEffect(() => {
    const team = getValues('team');
    if (team.length !== 1) return;
    const role = kind === 'self-assessment' ? 'administrator' : 'lead-inspector';
    if (team[0]!.role !== role) setValue('team', [{ ...team[0]!, role }]);
    if (kind !== 'follow-up') setValue('followsAssessmentId', null);
  }, [kind, getValues, setValue]);

  const onSubmit = submit(async (input) => {
    const r = await invoke('assessments:create', input);
    if (r.ok) {
      unsaved.release();
      return navigate({ name: 'assessment', id: r.value.id });
    }
    fail(r.error);
  });

  const name = (i: InstitutionSummary) => (language === 'bn' && i.nameBn ? i.nameBn : i.nameEn);
  const serverError = problems.serverError ?? loadError;
  const teamError = errors.team?.message ?? errors.team?.root?.message;

  return (
    <section aria-labelledby="start-heading">
      <p>
        <a href={institutionId ? href({ name: 'institution', id: institutionId }) : href({ name: 'assessments' })}>
          ← {institutionId ? t('assessments.start.backToInstitution') : t('assessments.title')}
        </a>
      </p>
      <div className="page-header">
        <h1 id="start-heading">{t('assessments.start.title')}</h1>
      </div>
      <ErrorBanner error={serverError} extra={problems.unplaced} />
      {problems.clientErrors && !serverError ? (
        <div className="banner banner--error" role="alert">
          <p>{t('form.fixErrors')}</p>
        </div>
      ) : null}
      {!ready ? <p aria-busy="true">{t('app.loading')}</p> : null}
      {ready ? (
        <form onSubmit={onSubmit} noValidate className="form start-form">
          <fieldset className="choice-cards" aria-describedby={errors.kind ? 'kind-error' : undefined}>
            <legend>{t('assessments.start.kind')}</legend>
            {kindsFor(role).length === 1 ? <p className="secondary">{t('assessments.roles.onlySelf')}</p> : null}
            {kindsFor(role).map((k) => (
              <label key={k} className="choice-card">
                <input type="radio" value={k} {...register('kind')} />
                <span>
                  <strong>{t(`assessments.kind.${k}`)}</strong>
                  <span className="secondary">{t(`assessments.start.kindHint.${k}`)}</span>
                </span>
              </label>
            ))}
            {errors.kind?.message ? (
              <p className="field__error" id="kind-error">
                {translateServiceMessage(errors.kind.message)}
              </p>
            ) : null}
          </fieldset>
          <div className="form-grid">
            <SelectField
              {...field('institutionId')}
              label={t('assessments.start.institution')}
              required
              placeholder={t('form.choose')}
              options={institutions.map((i) => ({ value: i.id, label: name(i) }))}
            />
            <SelectField
              {...field('frameworkVersionId')}
              label={t('assessments.start.framework')}
              required
              placeholder={t('form.choose')}
              options={frameworks.map((f) => ({
                value: f.id,
                label: t('assessments.start.frameworkOption', {
                  title: language === 'bn' && f.titleBn ? f.titleBn : f.titleEn,
                  version: f.version,
                  n: f.criteria,
                }),
              }))}
            />
          </div>
          {chosenInstitution ? (
            programmes === null ? (
              <p aria-busy="true">{t('app.loading')}</p>
            ) : programmes.length === 0 ? (
              <p className="banner banner--error">
                {t('assessments.start.noProgrammes')}{' '}
                <a href={href({ name: 'programme-new', institutionId: chosenInstitution })}>{t('programmes.new')}</a>
              </p>
            ) : (
              <CheckboxGroup
                {...field('programmeIds')}
                legend={t('assessments.start.programmes')}
                options={programmes.map((p) => ({ value: p.id, label: `${programmeTitle(p, language)} · ${t(`sector.${p.sector}`)}` }))}
              />
            )
          ) : null}
          {kind === 'follow-up' ? (
            <Field id="followsAssessmentId" label={t('assessments.start.follows')} required error={errors.followsAssessmentId}>
              {(aria) => (
                <select {...aria} {...register('followsAssessmentId', { setValueAs: (v: string | null) => (v ? v : null) })}>
                  <option value="">{previous.length ? t('form.choose') : t('assessments.start.noPrevious')}</option>
                  {previous.map((a) => (
                    <option key={a.id} value={a.id}>
                      {t('assessments.start.previousOption', {
                        kind: t(`assessments.kind.${a.kind}`),
                        date: formatDate(a.siteVisitDate),
                        revision: a.revisionNumber,
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <TeamEditor form={form} kind={kind} error={teamError} />
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
            <a className="button" href={institutionId ? href({ name: 'institution', id: institutionId }) : href({ name: 'assessments' })}>
              {t('common.cancel')}
            </a>
            <button type="submit" className="button--primary" disabled={isSubmitting}>
              {t('assessments.start.submit')}
            </button>
          </div>
        </form>
      ) : null}
      {unsaved.dialog}
    </section>
  );
}
