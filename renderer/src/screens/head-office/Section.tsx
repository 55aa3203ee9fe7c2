import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { ErrorBanner } from '../../components/ErrorBanner';

/** One part of the dashboard: its heading, and its content once its channel has answered. */
export function Section<T>({
  id,
  title,
  state,
  intro,
  children,
}: {
  id: string;
  title: string;
  state: { data: T | null; error: AppErrorData | null; loading: boolean };
  intro?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="ho-section" id={id} aria-labelledby={`${id}-title`} aria-busy={state.loading}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {intro}
      <ErrorBanner error={state.error} />
      {state.data === null ? (
        state.error === null ? (
          <p className="secondary">{t('headOffice.loading', { section: title })}</p>
        ) : null
      ) : (
        children(state.data)
      )}
    </section>
  );
}
