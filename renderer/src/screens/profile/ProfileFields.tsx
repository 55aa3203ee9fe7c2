import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { profileSchema, userRoles, type ProfileFormValues } from '../../../../shared/settings/schema';
import { SelectField, TextField } from '../../components/Field';
import { textLimits } from '../../forms/text-limits';

const limits = textLimits(profileSchema);

/** Name, role and organisation: the same fields on the welcome screen and the profile screen. */
export function ProfileFields({
  register,
  errors,
}: {
  register: UseFormRegister<ProfileFormValues>;
  errors: FieldErrors<ProfileFormValues>;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <TextField
        id="userName"
        label={t('welcome.name')}
        required
        registration={register('userName')}
        error={errors.userName}
        autoComplete="name"
        maxLength={limits.userName}
      />
      <SelectField
        id="role"
        label={t('welcome.role')}
        required
        registration={register('role')}
        error={errors.role}
        options={userRoles.map((r) => ({ value: r, label: t(`welcome.roles.${r}`) }))}
      />
      <TextField
        id="organisation"
        label={t('welcome.organisation')}
        registration={register('organisation')}
        error={errors.organisation}
        autoComplete="organization"
        maxLength={limits.organisation}
      />
    </div>
  );
}
