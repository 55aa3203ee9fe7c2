import { useTranslation } from 'react-i18next';

/** The framework library (list, browse, import, export, compare). */
export function FrameworkLibrary() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="frameworks-heading">
      <h1 id="frameworks-heading">{t('frameworks.title')}</h1>
    </section>
  );
}
