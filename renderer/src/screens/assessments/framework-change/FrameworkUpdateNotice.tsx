import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../../shared/assessments/schema';
import type { FrameworkVersionSummary } from '../../../../../shared/framework/contract';
import { invoke } from '../../../api/client';
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
  const [newest, setNewest] = useState<FrameworkVersionSummary | null>(null);
  const [moved] = useState(() => readMovedNote(a.id));
  const [busy, setBusy] = useState(false);
  const draft = a.status === 'draft';

  useEffect(() => clearMovedNote(a.id), [a.id]);

  const { frameworkId, frameworkVersion: version } = a;
  useEffect(() => {
    if (!draft) return setNewest(null);
    let live = true;
    void invoke('frameworks:list', {}).then((r) => {
      if (live && r.ok) setNewest(newerVersions(r.value.items, { frameworkId, version })[0] ?? null);
    });
    return () => {
      live = false;
    };
  }, [draft, frameworkId, version]);

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
