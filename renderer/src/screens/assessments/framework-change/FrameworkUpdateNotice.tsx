import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../../shared/assessments/schema';
import { useRequest } from '../../../data/use-request';
import { formatNumber } from '../../../format';
import { navigate } from '../../../router';
import { newerVersions } from './change-plan';
import { clearMovedNote, readMovedNote } from './moved-note';
import './framework-change.css';

interface FrameworkUpdateNoticeProps {
  assessment: Assessment;
  /** Sends queued autosaves first, so the review lists every rating that is on screen. */
  settle: () => Promise<boolean>;
}

/**
 * In the workspace header of a draft: a quiet note when the library holds a newer version of the
 * assessment's framework, leading to the review of the move; and, once after a move, what it did.
 */
export function FrameworkUpdateNotice({ assessment: a, settle }: FrameworkUpdateNoticeProps) {
  const { t } = useTranslation();
  const [moved] = useState(() => readMovedNote(a.id));
  const [busy, setBusy] = useState(false);
  const draft = a.status === 'draft';

  useEffect(() => clearMovedNote(a.id), [a.id]);

  const { frameworkId, frameworkVersion: version } = a;
  // Only a draft can move; the library is read again when the assessment's framework changes.
  const library = useRequest('frameworks:list', draft ? {} : null, [draft, frameworkId, version]);
  const newest = draft && library.value ? (newerVersions(library.value.items, { frameworkId, version })[0] ?? null) : null;

  const review = async () => {
    setBusy(true);
    // Whatever the outcome, the review itself warns about changes that are still unsaved.
    await settle();
    navigate({ name: 'assessment-framework', id: a.id });
  };

  return (
    <>
      {moved ? (
        <p className="banner banner--ok" role="status" data-testid="framework-moved">
          {t('assessments.frameworkChange.moved', {
            count: moved.carried,
            version: moved.version,
            carried: formatNumber(moved.carried),
            dropped: formatNumber(moved.dropped),
          })}
          {moved.check !== undefined && moved.check.length > 0 ? (
            <> {t('assessments.frameworkChange.movedCheck', { list: moved.check.join(', ') })}</>
          ) : null}
        </p>
      ) : null}
      {draft && newest ? (
        <p className="framework-update" data-testid="framework-update">
          <span>{t('assessments.frameworkChange.notice', { version: newest.version })}</span>{' '}
          <button type="button" className="link-button" disabled={busy} onClick={() => void review()}>
            {t('assessments.frameworkChange.review')}
          </button>
        </p>
      ) : null}
    </>
  );
}
