import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileSchema, userRoles, type Settings } from '../../../../shared/settings/schema';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useContractForm } from '../../forms/use-contract-form';
import { ProfileFields } from './ProfileFields';
import './profile.css';

/**
 * Who is acting on this computer. Every change is recorded under this name, and the role decides
 * what may be started and finalised; on a shared laptop the reviewer switches here before finalising.
 */
export function ProfileScreen({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<Settings | null>(null);
  const { form, field, submit, fail, problems } = useContractForm(profileSchema, {
    defaultValues: { userName: settings.userName, role: settings.role, organisation: settings.organisation },
    mode: 'onSubmit',
  });
  const { isSubmitting } = form.formState;

  const save = submit(async (profile) => {
    setSaved(null);
    const r = await invoke('settings:update', profile);
    if (!r.ok) return fail(r.error);
    form.reset({ userName: r.value.userName, role: r.value.role, organisation: r.value.organisation });
    setSaved(r.value);
    // The header shows the new name and role at once.
    onSaved(r.value);
  });

  return (
    <section aria-labelledby="profile-heading" className="profile">
      <div className="page-header">
        <h1 id="profile-heading">{t('profile.title')}</h1>
      </div>
      <p>{t('profile.intro')}</p>
      <ErrorBanner error={problems.serverError} extra={problems.unplaced} />
      <form onSubmit={save} noValidate className="form">
        <ProfileFields field={field} />
        <div className="actions">
          <button type="submit" className="button--primary" disabled={isSubmitting}>
            {t('profile.save')}
          </button>
        </div>
        <p role="status" data-testid="profile-saved">
          {saved ? t('profile.saved', { name: saved.userName, role: t(`welcome.roles.${saved.role}`) }) : null}
        </p>
      </form>
      <h2>{t('profile.rolesHeading')}</h2>
      <dl className="profile__roles">
        {userRoles.map((role) => (
          <div key={role}>
            <dt>{t(`welcome.roles.${role}`)}</dt>
            <dd>{t(`profile.roles.${role}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="banner">{t('profile.fourEyes')}</p>
    </section>
  );
}
