import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileSchema, type Settings } from '../../../shared/settings/schema';
import { invoke } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { useContractForm } from '../forms/use-contract-form';
import { startSample } from './guide/start-sample';
import { ProfileFields } from './profile/ProfileFields';
import './guide/guide.css';

type Start = 'sample' | 'empty';

/**
 * First run: creates the user's profile and picks the language before anything else, then starts
 * either with the guided sample assessment or with an empty registry.
 */
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
  const { form, field, submit, fail, problems } = useContractForm(profileSchema, {
    defaultValues: { userName: '', role: settings.role, organisation: '' },
    mode: 'onSubmit',
  });
  const { isSubmitting } = form.formState;
  const [preparing, setPreparing] = useState(false);

  const start = (choice: Start) =>
    submit(async (profile) => {
      // The profile is saved first: the sample is recorded under this name, and its team is led by this user.
      const saved = await invoke('settings:update', { ...profile, onboarded: choice === 'empty' });
      if (!saved.ok) return fail(saved.error);
      if (choice === 'empty') return onDone(saved.value);
      setPreparing(true);
      const sample = await startSample();
      if (!sample.ok) {
        setPreparing(false);
        return fail(sample.error);
      }
      // The whole profile again: an update without `organisation` would store it as empty.
      const onboarded = await invoke('settings:update', { ...profile, onboarded: true });
      if (onboarded.ok) onDone(onboarded.value);
      else fail(onboarded.error);
    });
  const busy = isSubmitting || preparing;

  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <form onSubmit={start('sample')} noValidate className="form">
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
        <ProfileFields field={field} />
        <div className="welcome__choice">
          <h2>{t('sample.welcome.choiceHeading')}</h2>
          <p className="secondary">{t('sample.welcome.choiceHint')}</p>
          <ErrorBanner error={problems.serverError} extra={problems.unplaced} />
          <div className="actions">
            <button type="submit" className="button--primary" disabled={busy}>
              {t('sample.welcome.startSample')}
            </button>
            <button type="button" disabled={busy} onClick={(e) => void start('empty')(e)}>
              {t('sample.welcome.startEmpty')}
            </button>
          </div>
          {preparing ? (
            <p role="status" aria-busy="true">
              {t('sample.welcome.preparing')}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
