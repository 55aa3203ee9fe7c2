import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrityReport } from '../../../../../shared/evidence/schema';
import type { EvidenceLink } from '../../../../../shared/evidence/schema';
import { invoke } from '../../../api/client';
import { BusyProgress } from '../../../components/BusyProgress';
import { useBusy } from '../../../components/use-busy';
import { useAction } from '../../../data/use-action';
import { counted, formatDateTime, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { institutionName } from '../model/text';
import { errorLines } from './messages';

/** The button that re-hashes this assessment's files, and the list of any that are missing or altered. */
export function IntegrityCheck({ assessmentId, unitLabel }: { assessmentId: string; unitLabel: (link: EvidenceLink) => string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // Every file is read and hashed again: many photos take a while.
  const progress = useBusy();
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const check = useAction();
  const { error } = check;

  const run = async () => {
    const r = await check.run(() => progress.run(t('evidence.integrity.running'), () => invoke('evidence:verify-all', { assessmentId })));
    if (r.ok) setReport(r.value);
  };

  return (
    <section className="evidence-section integrity" aria-labelledby="integrity-heading">
      <h2 id="integrity-heading">{t('evidence.integrity.heading')}</h2>
      <p className="secondary">{t('evidence.integrity.hint')}</p>
      <button type="button" disabled={progress.running} onClick={() => void run()}>
        {t('evidence.integrity.run')}
      </button>
      <BusyProgress busy={progress} />
      <div role="status">
        {report === null ? null : report.problems.length === 0 ? (
          <p className="banner banner--ok">
            {t('evidence.integrity.allIntact', counted(report.files))}{' '}
            {t('evidence.integrity.checkedAt', { date: formatDateTime(report.checkedAt) })}
          </p>
        ) : (
          <div className="banner banner--error">
            <p>{t('evidence.integrity.problems', counted(report.problems.length))}</p>
            <ul>
              {report.problems.map((p) => (
                <li key={p.sha256}>
                  <strong>{p.state === 'missing' ? t('evidence.integrity.missing') : t('evidence.integrity.altered')}</strong>{' '}
                  <span className="evidence-hash">{p.sha256}</span>
                  <ul>
                    {p.uses.map((u) => (
                      <li key={u.itemId}>
                        {t('evidence.integrity.usedIn', {
                          name: u.originalName,
                          institution: institutionName(u, language),
                          kind: t(`assessments.kind.${u.kind}`),
                          revision: formatNumber(u.revisionNumber),
                          criteria: u.links.length === 0 ? t('evidence.integrity.wholeAssessment') : u.links.map(unitLabel).join(', '),
                        })}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {error !== null ? (
        <div className="banner banner--error" role="alert">
          {errorLines(t, error).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
