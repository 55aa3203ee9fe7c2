import { useTranslation } from 'react-i18next';
import { href } from '../../router';

/** Four eyes on a shared laptop: the submitter hands over by switching to the reviewer's profile. */
export function SwitchToReviewer() {
  const { t } = useTranslation();
  return (
    <p>
      <a className="button" href={href({ name: 'profile' })}>
        {t('assessments.roles.switchProfile')}
      </a>
    </p>
  );
}
