import { useTranslation } from 'react-i18next';

/** Import and export of assessment packages (filled in by the exchange work). */
export function PackagesScreen() {
  const { t } = useTranslation();
  return <h1>{t('exchange.nav')}</h1>;
}
