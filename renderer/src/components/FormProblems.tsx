import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../shared/ipc/result';
import { ErrorBanner } from './ErrorBanner';

/**
 * The summary above a form: the service's refusal when there is one, otherwise a prompt to fix the
 * highlighted fields after a submit the form itself refused.
 */
export function FormProblems({
  serverError,
  unplaced,
  clientErrors,
}: {
  serverError: AppErrorData | null;
  unplaced: string[];
  clientErrors: boolean;
}) {
  const { t } = useTranslation();
  if (serverError) return <ErrorBanner error={serverError} extra={unplaced} />;
  if (!clientErrors) return null;
  return (
    <div className="banner banner--error" role="alert">
      <p>{t('form.fixErrors')}</p>
    </div>
  );
}
