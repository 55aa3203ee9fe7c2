import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { translateServiceMessage } from '../../../i18n';
import type { SaveQueue } from '../model/save-queue';

/** The autosave indicator. It tells the truth: "saved" only once the services have confirmed every change. */
export function SaveStatus({ queue }: { queue: SaveQueue }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(queue.subscribe, queue.getState);
  let text: string;
  switch (state.kind) {
    case 'saved':
      text = t('assessments.save.saved');
      break;
    case 'saving':
      text = t('assessments.save.saving');
      break;
    case 'retrying':
      text = t('assessments.save.retrying');
      break;
    case 'refused': {
      const issue = state.error.issues?.[0]?.message;
      text = t('assessments.save.refused', { reason: issue ? translateServiceMessage(issue) : t(`errors.${state.error.code}`) });
      break;
    }
    case 'locked':
      text = t('assessments.save.locked');
      break;
  }
  const problem = state.kind === 'retrying' || state.kind === 'refused' || state.kind === 'locked';
  return (
    <p
      className={`save-status save-status--${state.kind}`}
      role="status"
      aria-live={problem ? 'assertive' : 'polite'}
      data-testid="save-status"
    >
      <span className="save-status__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
