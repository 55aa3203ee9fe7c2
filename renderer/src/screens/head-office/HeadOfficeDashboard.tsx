import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The dashboard and its charting library load when head office is opened, not with every other screen.
const Dashboard = lazy(() => import('./Dashboard'));

/** The country-wide view for head office (routed at #/head-office). */
export function HeadOfficeDashboard() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
      <Dashboard />
    </Suspense>
  );
}
