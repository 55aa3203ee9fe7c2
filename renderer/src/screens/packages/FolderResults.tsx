import { useTranslation } from 'react-i18next';
import { outcomeDetail, type FolderResult, type FolderRow } from './folder-import';
import { counted, errorLines } from './messages';

const countKeys: { key: 'imported' | 'skipped' | 'conflict' | 'refused'; results: FolderResult[] }[] = [
  { key: 'imported', results: ['imported', 'resolved'] },
  { key: 'skipped', results: ['skipped'] },
  { key: 'conflict', results: ['conflict'] },
  { key: 'refused', results: ['refused'] },
];

/** The folder import's table: each package and what became of it; those in conflict open for a person to choose. */
export function FolderResults({
  rows,
  finished,
  busy,
  onOpen,
}: {
  rows: FolderRow[];
  finished: boolean;
  busy: boolean;
  onOpen: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="package-panel folder-results" aria-labelledby="folder-results-heading" data-testid="folder-results">
      <h2 id="folder-results-heading" tabIndex={-1}>
        {finished ? t('exchange.folder.finishedHeading') : t('exchange.folder.heading')}
      </h2>
      {finished ? (
        <ul className="change-counts" data-testid="folder-counts">
          {countKeys.map(({ key, results }) => {
            const n = rows.filter((r) => results.includes(r.result)).length;
            return n > 0 ? (
              <li key={key} className={`change-tag folder-tag--${key}`}>
                {t(`exchange.folder.counts.${key}`, counted(n))}
              </li>
            ) : null;
          })}
        </ul>
      ) : null}
      <div className="package-table-scroll" role="region" aria-labelledby="folder-results-heading" tabIndex={0}>
        <table className="table package-table">
          <thead>
            <tr>
              <th scope="col">{t('exchange.folder.colFile')}</th>
              <th scope="col">{t('exchange.folder.colResult')}</th>
              <th scope="col">{t('exchange.folder.colDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${index}:${row.fileName}`} data-result={row.result}>
                <td className="package-file-name">{row.fileName}</td>
                <td>
                  <span className={`change-tag folder-result--${row.result}`}>{t(`exchange.folder.result.${row.result}`)}</span>
                </td>
                <td>
                  {row.result === 'conflict' ? (
                    <>
                      {t('exchange.folder.conflictDetail', counted(row.conflicts))}{' '}
                      <button
                        type="button"
                        className="link-button"
                        disabled={busy}
                        aria-label={`${t('exchange.folder.open')}: ${row.fileName}`}
                        onClick={() => onOpen(index)}
                      >
                        {t('exchange.folder.open')}
                      </button>
                    </>
                  ) : row.outcome ? (
                    outcomeDetail(t, row.outcome)
                  ) : row.error ? (
                    <ul className="plain-list">
                      {errorLines(t, row.error).map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
