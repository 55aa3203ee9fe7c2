import { useTranslation } from 'react-i18next';
import { parseBackupRefusal } from '../../../shared/backup/messages';
import type { AppErrorData } from '../../../shared/ipc/result';
import { translateServiceMessage } from '../i18n';

/**
 * The sentence that says what went wrong: a role refusal carries its own reason as a catalogue key
 * (`assessments.roles.*`, the first issue); a full or read-only disk arrives as a keyed backup refusal
 * (shared/backup/messages.ts) from any channel; every other error by its code.
 */
function useHeadline(error: AppErrorData): { headline: string; shownIssue: string | undefined } {
  const { t } = useTranslation();
  const roleReason = error.code === 'forbidden' ? error.issues?.[0]?.message : undefined;
  const storage = parseBackupRefusal(error.message);
  const headline =
    error.message === 'network'
      ? t('errors.network')
      : roleReason
        ? translateServiceMessage(roleReason)
        : storage
          ? t(`backups.refused.${storage.key}`, storage.params)
          : t(`errors.${error.code}`);
  return { headline, shownIssue: roleReason };
}

/** Shows an error from the services in the user's language; announced to screen readers. */
export function ErrorBanner({ error, extra = [] }: { error: AppErrorData | null; extra?: string[] }) {
  if (!error) return null;
  return <ErrorBannerShown error={error} extra={extra} />;
}

function ErrorBannerShown({ error, extra }: { error: AppErrorData; extra: string[] }) {
  const { t } = useTranslation();
  const { headline, shownIssue } = useHeadline(error);
  // The role's reason is already the headline: not again in the list below it.
  const rest = extra.filter((m) => m !== shownIssue);
  return (
    <div className="banner banner--error" role="alert">
      <p>{error.code === 'validation' && error.issues?.length ? t('form.fixErrors') : headline}</p>
      {rest.length > 0 ? (
        <ul>
          {rest.map((m) => (
            <li key={m}>{translateServiceMessage(m)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
