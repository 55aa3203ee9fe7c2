import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardFilters, ExportFormat, TableId } from '../../../../shared/head-office/schema';
import { tableSpecs, type TableSpec } from '../../../../shared/head-office/tables';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useAction } from '../../data/use-action';
import { saveBase64 } from '../../files';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { cellText } from './display';

interface DataTableProps<T extends TableId> {
  table: T;
  rows: readonly unknown[];
  filters: DashboardFilters;
  /** All rows of the table when the screen shows only the first ones. */
  total?: number;
  /** For the one-institution table: whose. */
  institutionId?: string;
}

/**
 * A dashboard table as described in shared/head-office/tables (the export has the same columns), with
 * a caption, a scrollable frame reachable from the keyboard, and CSV and XLSX downloads of every row.
 */
export function DataTable<T extends TableId>({ table, rows, filters, total, institutionId }: DataTableProps<T>) {
  const { t } = useTranslation();
  const spec = tableSpecs[table] as unknown as TableSpec<unknown>;
  const captionId = useId();
  const caption = t(`headOffice.table.${spec.caption}`);
  return (
    <div className="ho-table">
      <div className="ho-table__frame" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table">
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              {spec.columns.map((c) => (
                <th key={c.header} scope="col" className={c.numeric ? 'numeric' : undefined}>
                  {t(`headOffice.col.${c.header}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={spec.columns.length}>{t('headOffice.empty')}</td>
              </tr>
            ) : (
              rows.map((row, i) => (
                <tr key={i}>
                  {spec.columns.map((c, j) =>
                    j === 0 ? (
                      <th key={c.header} scope="row" className={c.numeric ? 'numeric' : undefined}>
                        {cellText(c.cell(row), t)}
                      </th>
                    ) : (
                      <td key={c.header} className={c.numeric ? 'numeric' : undefined}>
                        {cellText(c.cell(row), t)}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div className="ho-table__footer">
        {total !== undefined && total > rows.length ? (
          <p className="secondary">{t('headOffice.shown', { shown: formatNumber(rows.length), total: formatNumber(total) })}</p>
        ) : (
          <span />
        )}
        <ExportButtons table={table} caption={caption} filters={filters} institutionId={institutionId} />
      </div>
    </div>
  );
}

function ExportButtons({
  table,
  caption,
  filters,
  institutionId,
}: {
  table: TableId;
  caption: string;
  filters: DashboardFilters;
  institutionId: string | undefined;
}) {
  const { t } = useTranslation();
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const [saved, setSaved] = useState('');
  const { error, run } = useAction();

  const download = async (format: ExportFormat) => {
    setRunning(format);
    setSaved('');
    const r = await run(() =>
      invoke('head-office:export', {
        filters,
        table,
        format,
        language: currentLanguage(),
        ...(institutionId ? { institutionId } : {}),
      }),
    );
    setRunning(null);
    if (!r.ok) return;
    saveBase64(r.value.contentBase64, r.value.fileName, r.value.mediaType);
    setSaved(r.value.fileName);
  };

  return (
    <div className="ho-export">
      <div className="button-group" role="group" aria-label={`${t('headOffice.export.label')}: ${caption}`}>
        {(['csv', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            disabled={running !== null}
            aria-label={t('headOffice.export.asFor', { table: caption, format: format.toUpperCase() })}
            onClick={() => void download(format)}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </div>
      <p className="ho-export__status secondary" aria-live="polite">
        {running
          ? t('headOffice.export.working', { format: running.toUpperCase() })
          : saved
            ? t('headOffice.export.done', { file: saved })
            : ''}
      </p>
      <ErrorBanner error={error} />
    </div>
  );
}
