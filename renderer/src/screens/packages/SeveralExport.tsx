import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../../../shared/assessments/schema';
import { invoke } from '../../api/client';
import { usePages } from '../../data/use-pages';
import { formatDateTime, formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { ExportPackageButton } from './ExportPackageButton';
import { counted } from './messages';

const pageSize = 200;
/** The most assessments one package may carry (the contract's limit). */
const maxSelected = 1000;

/** Tick assessments from the list (newest first, 200 at a time) and export them as one package. */
export function SeveralExport({ version }: { version: number }) {
  const { t } = useTranslation();
  // Loaded again after each import (`version`), so what just arrived can be sent on.
  const pages = usePages<AssessmentSummary>((offset) => invoke('assessments:list', { limit: pageSize, offset }), [version]);
  const { items, total } = pages;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const bn = currentLanguage() === 'bn';

  const toggle = (id: string, on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      if (on && next.size < maxSelected) next.add(id);
      else next.delete(id);
      return next;
    });
  const name = (a: AssessmentSummary) => (bn && a.institutionNameBn ? a.institutionNameBn : a.institutionNameEn);
  const list = items ?? [];
  const allShown = list.length > 0 && list.every((a) => selected.has(a.id));

  return (
    <section className="package-subsection" aria-labelledby="several-export-heading">
      <h3 id="several-export-heading">{t('exchange.several.heading')}</h3>
      <p className="secondary">{t('exchange.several.hint')}</p>
      {items === null ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : list.length === 0 ? (
        <p className="secondary">{t('exchange.several.empty')}</p>
      ) : (
        <>
          <div className="package-table-scroll several-export__list">
            <table className="table package-table">
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label={t('exchange.several.selectAll')}
                      checked={allShown}
                      onChange={(e) => list.forEach((a) => toggle(a.id, e.target.checked))}
                    />
                  </th>
                  <th scope="col">{t('exchange.several.colAssessment')}</th>
                  <th scope="col">{t('exchange.several.colStatus')}</th>
                  <th scope="col">{t('exchange.several.colUpdated')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <input
                        type="checkbox"
                        checked={selected.has(a.id)}
                        aria-label={t('exchange.several.select', {
                          name: name(a),
                          kind: t(`assessments.kind.${a.kind}`),
                          status: t(`assessments.status.${a.status}`),
                        })}
                        onChange={(e) => toggle(a.id, e.target.checked)}
                      />
                    </td>
                    <td>
                      {name(a)} <span className="secondary">· {t(`assessments.kind.${a.kind}`)}</span>
                    </td>
                    <td>
                      <span className={`status status--${a.status}`}>{t(`assessments.status.${a.status}`)}</span>
                    </td>
                    <td>{formatDateTime(a.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="secondary">{t('exchange.several.shown', counted(total, { shown: formatNumber(list.length) }))}</p>
          <div className="actions actions--start">
            {list.length < total ? (
              <button type="button" onClick={() => void pages.more()}>
                {t('exchange.several.more')}
              </button>
            ) : null}
            <ExportPackageButton
              scope={{ kind: 'assessments', assessmentIds: [...selected] }}
              label={selected.size === 0 ? t('exchange.several.buttonNone') : t('exchange.several.button', counted(selected.size))}
              className="button button--primary"
              disabled={selected.size === 0}
            />
          </div>
        </>
      )}
    </section>
  );
}
