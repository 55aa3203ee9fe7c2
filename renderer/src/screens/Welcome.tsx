import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { profileSchema, userRoles, type Profile, type ProfileFormValues, type Settings } from '../../../shared/settings/schema';
import { invoke } from '../api/client';
import { SelectField, TextField } from '../components/Field';

/** First run: creates the user's profile and picks the language before anything else. */
export function Welcome({
  settings,
  onDone,
  onLanguage,
}: {
  settings: Settings;
  onDone: (settings: Settings) => void;
  /** The same language setting as the header's selector: one choice, saved at once. */
  onLanguage: (language: Settings['language']) => void;
}) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState } = useForm<ProfileFormValues, unknown, Profile>({
    resolver: zodResolver(profileSchema),
    defaultValues: { userName: '', role: settings.role, organisation: '' },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (profile) => {
    const result = await invoke('settings:update', { ...profile, onboarded: true });
    if (result.ok) onDone(result.value);
  });

  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="field">
          <label htmlFor="welcome-language">{t('app.language')}</label>
          <select id="welcome-language" value={settings.language} onChange={(e) => onLanguage(e.target.value === 'bn' ? 'bn' : 'en')}>
            <option value="en" lang="en">
              English
            </option>
            <option value="bn" lang="bn">
              বাংলা
            </option>
          </select>
        </div>
        <h2>{t('welcome.profileHeading')}</h2>
        <p className="secondary">{t('welcome.profileHint')}</p>
        <div className="form-grid">
          <TextField
            id="userName"
            label={t('welcome.name')}
            required
            registration={register('userName')}
            error={errors.userName}
            autoComplete="name"
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
          />
        </div>
        <div className="actions">
          <button type="submit" className="button--primary" disabled={isSubmitting}>
            {t('welcome.start')}
          </button>
        </div>
      </form>
    </section>
  );
}
