import { useTranslation } from 'react-i18next';

/** All assessments on this machine. */
export function AssessmentsList() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="assessments-heading">
      <h1 id="assessments-heading">{t('assessments.title')}</h1>
    </section>
  );
}
