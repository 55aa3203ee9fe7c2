import { useTranslation } from 'react-i18next';
import { userRoles, type Profile, type ProfileFormValues } from '../../../../shared/settings/schema';
import { SelectField, TextField } from '../../components/Field';
import type { ContractForm } from '../../forms/use-contract-form';

/** Name, role and organisation: the same fields on the welcome screen and the profile screen. */
export function ProfileFields({ field }: { field: ContractForm<ProfileFormValues, Profile>['field'] }) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <TextField {...field('userName')} label={t('welcome.name')} required autoComplete="name" />
      <SelectField
        {...field('role')}
        label={t('welcome.role')}
        required
        options={userRoles.map((r) => ({ value: r, label: t(`welcome.roles.${r}`) }))}
      />
      <TextField {...field('organisation')} label={t('welcome.organisation')} autoComplete="organization" />
    </div>
  );
}
