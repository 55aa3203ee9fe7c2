import { useFieldArray } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssessmentKind, teamRoles } from '../../../../shared/assessments/schema';
import { translateServiceMessage } from '../../i18n';

/** Any form with a `team` (starting an assessment, editing its details). */
type TeamFormValues = { team: { name: string; role: (typeof teamRoles)[number] }[] };

/** Roles that fit each kind: inspectors inspect; a self-assessment is the institution's own. */
const rolesFor = (kind: AssessmentKind) =>
  kind === 'self-assessment' ? (['administrator', 'observer'] as const) : (['lead-inspector', 'inspector', 'observer'] as const);

/** The team as rows: the lead inspector and members, or the administrators; add and remove rows. */
export function TeamEditor<T extends TeamFormValues, Output>({
  form,
  kind,
  error,
}: {
  form: UseFormReturn<T, unknown, Output>;
  kind: AssessmentKind;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  // react-hook-form cannot resolve `team` paths in a generic form type; every form given here has them.
  const { control, register, formState } = form as unknown as UseFormReturn<TeamFormValues>;
  const { fields, append, remove } = useFieldArray({ control, name: 'team' });
  const roles = rolesFor(kind);
  return (
    <fieldset className="team-editor" aria-describedby={error ? 'team-error' : undefined}>
      <legend>{kind === 'self-assessment' ? t('assessments.team.titleSelf') : t('assessments.team.title')}</legend>
      {fields.map((field, i) => {
        const rowErrors = formState.errors.team?.[i];
        return (
          <div key={field.id} className="team-row">
            <div className={rowErrors?.name ? 'field field--invalid' : 'field'}>
              <label htmlFor={`team-${i}-name`}>{t('assessments.team.name', { n: i + 1 })}</label>
              <input
                id={`team-${i}-name`}
                autoComplete="off"
                aria-invalid={Boolean(rowErrors?.name)}
                aria-describedby={rowErrors?.name ? `team-${i}-name-error` : undefined}
                {...register(`team.${i}.name`)}
              />
              {rowErrors?.name?.message ? (
                <p className="field__error" id={`team-${i}-name-error`}>
                  {translateServiceMessage(rowErrors.name.message)}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`team-${i}-role`}>{t('assessments.team.role', { n: i + 1 })}</label>
              <select id={`team-${i}-role`} {...register(`team.${i}.role`)}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`assessments.role.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="team-row__remove"
              disabled={fields.length === 1}
              aria-label={t('assessments.team.remove', { n: i + 1 })}
              onClick={() => remove(i)}
            >
              {t('assessments.team.removeShort')}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => append({ name: '', role: kind === 'self-assessment' ? 'administrator' : 'inspector' })}>
        {t('assessments.team.add')}
      </button>
      {error ? (
        <p className="field__error" id="team-error">
          {translateServiceMessage(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
