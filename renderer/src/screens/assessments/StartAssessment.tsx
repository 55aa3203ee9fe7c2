import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { assessmentCreateInputSchema } from '../../../../shared/assessments/schema';
import type { AssessmentCreateFormValues, AssessmentCreateInput, AssessmentSummary } from '../../../../shared/assessments/schema';
import type { FrameworkVersionSummary } from '../../../../shared/framework/contract';
import type { InstitutionSummary, Programme } from '../../../../shared/institutions/schema';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { kindsFor } from '../../../../shared/settings/roles';
import type { UserRole } from '../../../../shared/settings/schema';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CheckboxGroup, Field, SelectField } from '../../components/Field';
import { applyServerIssues } from '../../forms/server-issues';
import { useUnsavedChanges } from '../../forms/use-unsaved-changes';
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
  const [institutions, setInstitutions] = useState<InstitutionSummary[]>([]);
  const [frameworks, setFrameworks] = useState<FrameworkVersionSummary[]>([]);
  const [programmes, setProgrammes] = useState<Programme[] | null>(null);
  const [previous, setPrevious] = useState<AssessmentSummary[]>([]);
  const [serverError, setServerError] = useState<AppErrorData | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  // The kinds offered follow the acting person's role, as the services decide (shared/settings/roles.ts).
  const [role, setRole] = useState<UserRole>('inspector');
  const form = useForm<AssessmentCreateFormValues, unknown, AssessmentCreateInput>({
    resolver: zodResolver(assessmentCreateInputSchema),
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
    mode: 'onTouched',
  });
  const { register, handleSubmit, setError, setValue, getValues, reset, watch, formState } = form;
  const { errors, isSubmitting } = formState;
  const kind = watch('kind');
  const chosenInstitution = watch('institutionId');
  const unsaved = useUnsavedChanges(formState.isDirty);

  // The choices load first and the form appears with them, so the selects open on their defaults.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void Promise.all([invoke('institutions:list', { limit: 1000 }), invoke('frameworks:list', {}), invoke('settings:get', {})]).then(
      ([list, library, settings]) => {
        if (list.ok) setInstitutions(list.value.items);
        if (!library.ok) setServerError(library.error);
        else setFrameworks(library.value.items);
        const admin = settings.ok && settings.value.role === 'institution-administrator';
        if (settings.ok) setRole(settings.value.role);
        reset({
          ...getValues(),
          kind: admin ? 'self-assessment' : 'inspection',
          frameworkVersionId: library.ok ? (newestFramework(library.value.items)?.id ?? '') : '',
          team: [{ name: settings.ok ? settings.value.userName : '', role: admin ? 'administrator' : 'lead-inspector' }],
        });
        setReady(true);
      },
    );
  }, [getValues, reset]);

  // Choosing an institution offers its programmes (all ticked) and, for a follow-up, its finalised assessments.
  useEffect(() => {
    setProgrammes(null);
    setPrevious([]);
    if (!chosenInstitution) return;
    let live = true;
    void invoke('institutions:get', { id: chosenInstitution }).then((r) => {
      if (!live || !r.ok) return;
      const active = r.value.programmes.filter((p) => !p.archived);
      setProgrammes(active);
      setValue(
        'programmeIds',
        active.map((p) => p.id),
      );
    });
    void invoke('assessments:list', { institutionId: chosenInstitution, status: 'finalised' }).then((r) => {
      if (live && r.ok) setPrevious(r.value.items.filter((a) => a.kind !== 'self-assessment'));
    });
    return () => {
      live = false;
    };
  }, [chosenInstitution, setValue]);

  // A team of one keeps its person when the kind changes, with the role that kind needs.
  useEffect(() => {
    const team = getValues('team');
    if (team.length !== 1) return;
    const role = kind === 'self-assessment' ? 'administrator' : 'lead-inspector';
    if (team[0]!.role !== role) setValue('team', [{ ...team[0]!, role }]);
    if (kind !== 'follow-up') setValue('followsAssessmentId', null);
  }, [kind, getValues, setValue]);

  const onSubmit = handleSubmit(async (input) => {
    setServerError(null);
    setUnplaced([]);
    const r = await invoke('assessments:create', input);
    if (r.ok) {
      unsaved.release();
      return navigate({ name: 'assessment', id: r.value.id });
    }
    setServerError(r.error);
    setUnplaced(applyServerIssues(r.error, setError, fieldNames));
  });

  const name = (i: InstitutionSummary) => (language === 'bn' && i.nameBn ? i.nameBn : i.nameEn);
  const hasClientErrors = formState.isSubmitted && Object.keys(errors).length > 0;
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
      <ErrorBanner error={serverError} extra={unplaced} />
      {hasClientErrors && !serverError ? (
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
              id="institutionId"
              label={t('assessments.start.institution')}
              required
              registration={register('institutionId')}
              error={errors.institutionId}
              placeholder={t('form.choose')}
              options={institutions.map((i) => ({ value: i.id, label: name(i) }))}
            />
            <SelectField
              id="frameworkVersionId"
              label={t('assessments.start.framework')}
              required
              registration={register('frameworkVersionId')}
              error={errors.frameworkVersionId}
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
                id="programmeIds"
                legend={t('assessments.start.programmes')}
                registration={register('programmeIds')}
                error={errors.programmeIds}
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
            {(['plannedStart', 'plannedEnd', 'siteVisitDate'] as const).map((f) => (
              <Field key={f} id={f} label={t(`assessments.start.${f}`)} error={errors[f]}>
                {(aria) => <input type="date" {...aria} {...register(f)} />}
              </Field>
            ))}
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
