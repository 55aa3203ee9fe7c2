import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome, PlannedChange } from '../../../../shared/exchange/schema';
import { currentLanguage } from '../../i18n';
import { href } from '../../router';
import { counted } from './messages';
import { assessmentDetailText, labelIn } from './values';

/** What an import did, with links to the assessments and institutions it brought. */
export function ImportSummary({
  outcome,
  changes,
  children,
}: {
  outcome: ImportOutcome;
  changes: PlannedChange[];
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const language = currentLanguage();
  useEffect(() => heading.current?.focus(), [outcome.packageId]);
  const name = (entity: PlannedChange['entity'], id: string) => {
    const change = changes.find((c) => c.entity === entity && c.id === id);
    return change ? labelIn(change.label, language) : id;
  };
  const already = outcome.status === 'already-imported';
  const counts: [string, number][] = [
    ['added', outcome.added],
    ['updated', outcome.updated],
    ['unchanged', outcome.unchanged],
    ['resolved', outcome.conflictsResolved],
  ];
  const lines = already ? [] : counts.filter(([, n]) => n > 0).map(([key, n]) => t(`exchange.summary.${key}`, counted(n)));
  const assessmentText = (id: string) => {
    const change = changes.find((c) => c.entity === 'assessment' && c.id === id);
    return change?.detail ? `${name('assessment', id)} — ${assessmentDetailText(t, change.detail)}` : name('assessment', id);
  };
  return (
    <section
      className={`banner ${already ? '' : 'banner--ok'} package-summary`}
      aria-labelledby="package-summary-heading"
      data-testid="import-summary"
    >
      <h2 id="package-summary-heading" ref={heading} tabIndex={-1}>
        {already ? t('exchange.summary.alreadyHeading') : t('exchange.summary.importedHeading')}
      </h2>
      {already ? <p>{t('exchange.summary.alreadyText')}</p> : null}
      {lines.length > 0 ? (
        <ul className="package-summary__counts">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : null}
      <div className="package-summary__links">
        {outcome.assessmentIds.length > 0 ? (
          <div>
            <h3>{t('exchange.summary.assessmentsHeading')}</h3>
            <ul>
              {outcome.assessmentIds.map((id) => (
                <li key={id}>
                  <a href={href({ name: 'assessment', id })}>{assessmentText(id)}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {outcome.institutionIds.length > 0 ? (
          <div>
            <h3>{t('exchange.summary.institutionsHeading')}</h3>
            <ul>
              {outcome.institutionIds.map((id) => (
                <li key={id}>
                  <a href={href({ name: 'institution', id })}>{name('institution', id)}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {children}
    </section>
  );
}
