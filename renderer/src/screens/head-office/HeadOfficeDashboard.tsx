import { useTranslation } from 'react-i18next';

/** The country-wide view for head office (filled in by the head-office work). */
export function HeadOfficeDashboard() {
  const { t } = useTranslation();
  return <h1>{t('headOffice.nav')}</h1>;
}
