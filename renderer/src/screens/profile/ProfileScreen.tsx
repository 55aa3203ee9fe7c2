import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { profileSchema, userRoles, type Profile, type ProfileFormValues, type Settings } from '../../../../shared/settings/schema';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyServerIssues } from '../../forms/server-issues';
import { ProfileFields } from './ProfileFields';
import './profile.css';

const fields = ['userName', 'role', 'organisation'] as const;

/**
 * Who is acting on this computer. Every change is recorded under this name, and the role decides
 * what may be started and finalised; on a shared laptop the reviewer switches here before finalising.
 */
export function ProfileScreen({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppErrorData | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [saved, setSaved] = useState<Settings | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    reset,
    formState,
  } = useForm<ProfileFormValues, unknown, Profile>({
    resolver: zodResolver(profileSchema),
    defaultValues: { userName: settings.userName, role: settings.role, organisation: settings.organisation },
  });
  const { errors, isSubmitting } = formState;

  const save = handleSubmit(async (profile) => {
    setError(null);
    setUnplaced([]);
    setSaved(null);
    const r = await invoke('settings:update', profile);
    if (!r.ok) {
      setError(r.error);
      setUnplaced(applyServerIssues(r.error, setFieldError, fields));
      return;
    }
    reset({ userName: r.value.userName, role: r.value.role, organisation: r.value.organisation });
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
      <ErrorBanner error={error} extra={unplaced} />
      <form onSubmit={save} noValidate className="form">
        <ProfileFields register={register} errors={errors} />
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
