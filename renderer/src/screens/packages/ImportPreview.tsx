import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, PackagePreview } from '../../../../shared/exchange/schema';
import { formatDateTime } from '../../format';
import { currentLanguage } from '../../i18n';
import { chosen, choiceItems, type Choices } from './conflict-model';
import { ConflictChoices } from './ConflictChoices';
import { counted, megabytes } from './messages';
import { PlannedChanges } from './PlannedChanges';
import { SignerPanel } from './SignerPanel';
import { labelIn } from './values';

const contentKeys = ['frameworks', 'institutions', 'programmes', 'assessments', 'evidenceFiles', 'reports', 'trustedRoots'] as const;

interface ImportPreviewProps {
  preview: PackagePreview;
  busy: boolean;
  onImport: (choices: ConflictChoice[]) => void;
  onCancel: () => void;
  /** Shown above the actions (the import's progress and refusals). */
  children?: React.ReactNode;
}

/**
 * What a package holds and what importing it would do, before anything is written: the signer and how
 * far to trust them, the checks, the contents, the planned changes and a choice for every conflict.
 */
export function ImportPreview({ preview: p, busy, onImport, onCancel, children }: ImportPreviewProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [choices, setChoices] = useState<Choices>({});
  const items = useMemo(() => choiceItems(p.conflicts), [p.conflicts]);
  const ready = chosen(items, choices);
  const left = items.length - items.filter((i) => choices[i.key]).length;
  const language = currentLanguage();
  const programmeNames = useMemo(
    () => new Map(p.changes.filter((c) => c.entity === 'programme').map((c) => [c.id, labelIn(c.label, language)])),
    [p.changes, language],
  );

  useEffect(() => {
    heading.current?.focus();
  }, [p.uploadId]);

  const contents = contentKeys.filter((k) => p.contents[k] > 0);
  return (
    <section className="package-preview" aria-labelledby="package-preview-heading" data-testid="package-preview">
      <h2 id="package-preview-heading" ref={heading} tabIndex={-1}>
        {t('exchange.preview.heading')}
      </h2>
      <p className="package-preview__file">{t('exchange.preview.fileLine', { name: p.fileName })}</p>
      <p className="secondary">
        {t(`exchange.preview.kind.${p.kind}`)} ·{' '}
        {t('exchange.preview.madeLine', { when: formatDateTime(p.createdAt), version: p.appVersion })}
      </p>
      {p.alreadyImported ? (
        <p className="banner package-already" data-testid="already-imported">
          {t('exchange.preview.alreadyImported')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <p className="banner package-conflict-notice">
          {t('exchange.preview.conflictNotice', counted(items.length))}{' '}
          <a
            href="#conflicts-heading"
            onClick={(e) => {
              // The address holds the route: move focus to the choices instead of following the anchor.
              e.preventDefault();
              const heading = document.getElementById('conflicts-heading');
              heading?.focus({ preventScroll: true });
              heading?.scrollIntoView({ block: 'start' });
            }}
          >
            {t('exchange.preview.conflictLink')}
          </a>
        </p>
      ) : null}
      <div className="package-preview__grid">
        <SignerPanel signer={p.signer} />
        <section className="package-section" aria-labelledby="package-checks-heading">
          <h3 id="package-checks-heading">{t('exchange.preview.checksHeading')}</h3>
          <ul className="package-checks">
            {p.checks.map((c) => (
              <li key={c.name} className={c.ok ? 'package-check--ok' : 'package-check--failed'}>
                <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span> {t(`exchange.preview.check.${c.name}`)}
                <span className="visually-hidden">: {c.ok ? t('exchange.preview.passed') : t('exchange.preview.failed')}</span>
              </li>
            ))}
          </ul>
          <p className="secondary package-hash">
            {t('exchange.preview.changeLogLine', counted(p.changeLogHead.count, { hash: p.changeLogHead.hash.slice(0, 16) }))}
          </p>
        </section>
        <section className="package-section" aria-labelledby="package-contents-heading">
          <h3 id="package-contents-heading">{t('exchange.preview.contentsHeading')}</h3>
          <ul className="package-contents" data-testid="package-contents">
            {contents.map((k) => (
              <li key={k}>{t(`exchange.preview.contents.${k}`, counted(p.contents[k], { size: megabytes(p.contents.evidenceBytes) }))}</li>
            ))}
          </ul>
        </section>
      </div>
      {p.conflicts.length > 0 ? (
        <ConflictChoices conflicts={p.conflicts} programmeNames={programmeNames} choices={choices} disabled={busy} onChange={setChoices} />
      ) : null}
      <PlannedChanges changes={p.changes} />
      {children}
      <div className="actions package-preview__actions">
        {ready === null ? (
          <p className="secondary package-preview__wait" id="package-import-wait">
            {t('exchange.preview.chooseFirst', counted(left))}
          </p>
        ) : null}
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('exchange.preview.cancel')}
        </button>
        <button
          type="button"
          className="button--primary"
          disabled={busy || ready === null}
          aria-describedby={ready === null ? 'package-import-wait' : undefined}
          onClick={() => ready && onImport(ready)}
        >
          {t('exchange.preview.import')}
        </button>
      </div>
    </section>
  );
}
