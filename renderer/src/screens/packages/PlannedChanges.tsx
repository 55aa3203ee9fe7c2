import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeActions, type PlannedChange } from '../../../../shared/exchange/schema';
import { currentLanguage } from '../../i18n';
import { counted } from './messages';
import { assessmentDetailText, labelIn } from './values';

const firstShown = 50;

/** What the import would do, record by record (labels come from the package: always text). */
export function PlannedChanges({ changes }: { changes: PlannedChange[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const language = currentLanguage();
  // Conflicts first, then what is added and updated: the rows that need a look come before the quiet ones.
  const order = (c: PlannedChange) => ['conflict', 'add', 'update', 'unchanged'].indexOf(c.action);
  const sorted = [...changes].sort((a, b) => order(a) - order(b));
  const shown = all ? sorted : sorted.slice(0, firstShown);
  return (
    <section className="package-section" aria-labelledby="changes-heading">
      <h3 id="changes-heading">{t('exchange.preview.changesHeading')}</h3>
      {changes.length === 0 ? (
        <p>{t('exchange.preview.noChanges')}</p>
      ) : (
        <>
          <ul className="change-counts" data-testid="change-counts">
            {changeActions.map((action) => {
              const n = changes.filter((c) => c.action === action).length;
              return n > 0 ? (
                <li key={action} className={`change-tag change-tag--${action}`}>
                  {t(`exchange.preview.counts.${action}`, counted(n))}
                </li>
              ) : null;
            })}
          </ul>
          <table className="table package-table planned-changes">
            <thead>
              <tr>
                <th scope="col">{t('exchange.preview.colRecord')}</th>
                <th scope="col">{t('exchange.preview.colEntity')}</th>
                <th scope="col">{t('exchange.preview.colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={`${c.entity}:${c.id}`} data-action={c.action}>
                  <td>
                    <span lang={language === 'bn' && c.label.bn.trim() !== '' ? 'bn' : 'en'}>{labelIn(c.label, language)}</span>
                    {c.detail ? <span className="secondary planned-changes__detail">{assessmentDetailText(t, c.detail)}</span> : null}
                  </td>
                  <td>{t(`exchange.preview.entity.${c.entity}`)}</td>
                  <td>
                    <span className={`change-tag change-tag--${c.action}`}>{t(`exchange.preview.action.${c.action}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!all && changes.length > firstShown ? (
            <button type="button" className="link-button" onClick={() => setAll(true)}>
              {t('exchange.preview.showAll', counted(changes.length))}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
