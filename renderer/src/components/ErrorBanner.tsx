import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../shared/ipc/result';
import { translateServiceMessage } from '../i18n';

/** Shows an error from the services in the user's language; announced to screen readers. */
export function ErrorBanner({ error, extra = [] }: { error: AppErrorData | null; extra?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const headline = error.message === 'network' ? t('errors.network') : t(`errors.${error.code}`);
  return (
    <div className="banner banner--error" role="alert">
      <p>{error.code === 'validation' && error.issues?.length ? t('form.fixErrors') : headline}</p>
      {extra.length > 0 ? (
        <ul>
          {extra.map((m) => (
            <li key={m}>{translateServiceMessage(m)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
