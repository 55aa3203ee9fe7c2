import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardFilters, OutcomesSection as Outcomes } from '../../../../../shared/head-office/schema';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useRequest } from '../../../data/use-request';
import { formatNumber } from '../../../format';
import { ChartPanel, ColumnBars, HorizontalBars, PercentLine, TablePanel, useChartSummary, useOutcomeSeries } from '../charts';
import { DataTable } from '../DataTable';
import { formatPct, localDigits, localName } from '../display';
import { Section } from '../Section';
import { useSection } from '../use-section';

export function OutcomesSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const state = useSection('head-office:outcomes', filters);
  const summary = useChartSummary();
  const series = useOutcomeSeries();
  const stacked = (label: string, r: { aligned: number; conditional: number; notAligned: number }) =>
    t('headOffice.chart.stackedItem', {
      label,
      aligned: formatNumber(r.aligned),
      conditional: formatNumber(r.conditional),
      notAligned: formatNumber(r.notAligned),
    });
  return (
    <Section
      id="ho-outcomes"
      title={t('headOffice.sections.outcomes')}
      state={state}
      intro={
        <>
          <p className="secondary">{t('headOffice.outcomes.intro')}</p>
          <div className="ho-note">
            <p>{t('headOffice.mapping')}</p>
            <p>{t('headOffice.deferredNote')}</p>
          </div>
        </>
      }
    >
      {(o) => {
        const divisions = o.byDivision.map((r) => ({ ...r, label: t(`division.${r.division}`) }));
        const sectors = o.bySector.map((r) => ({ ...r, label: t(`sector.${r.sector}`) }));
        const bands = o.distribution.map((r) => ({ ...r, label: `${r.from}–${r.to}` }));
        const quarters = o.trend.map((r) => ({ ...r, label: r.period }));
        return (
          <>
            <p className="ho-totals">
              {t('headOffice.outcomes.totals', {
                institutions: formatNumber(o.totals.institutions),
                aligned: formatNumber(o.totals.aligned),
                conditional: formatNumber(o.totals.conditional),
                notAligned: formatNumber(o.totals.notAligned),
                deferred: formatNumber(o.totals.deferred),
              })}
            </p>
            <ChartPanel
              title={t('headOffice.outcomes.chartDivision')}
              summary={summary(
                t('headOffice.outcomes.chartDivision'),
                divisions.map((d) => stacked(d.label, d)),
              )}
              chart={<HorizontalBars data={divisions} series={series} stacked labelWidth={110} />}
              table={<DataTable table="outcomes-division" rows={o.byDivision} filters={filters} />}
            />
            <ChartPanel
              title={t('headOffice.outcomes.chartSector')}
              summary={summary(
                t('headOffice.outcomes.chartSector'),
                sectors.map((s) => stacked(s.label, s)),
              )}
              chart={<HorizontalBars data={sectors} series={series} stacked labelWidth={190} />}
              table={<DataTable table="outcomes-sector" rows={o.bySector} filters={filters} />}
            />
            <TablePanel
              title={t('headOffice.table.outcomesDistrict')}
              table={<DataTable table="outcomes-district" rows={o.byDistrict} filters={filters} />}
            />
            <ChartPanel
              title={t('headOffice.outcomes.chartDistribution')}
              note={<p className="secondary">{t('headOffice.outcomes.distributionNote')}</p>}
              summary={summary(
                t('headOffice.outcomes.chartDistribution'),
                bands.filter((b) => b.institutions > 0).map((b) => `${localDigits(b.label)}: ${formatNumber(b.institutions)}`),
                10,
              )}
              chart={<ColumnBars data={bands} series={series} />}
              table={<DataTable table="score-distribution" rows={o.distribution} filters={filters} />}
            />
            <ChartPanel
              title={t('headOffice.outcomes.chartTrend')}
              summary={summary(
                t('headOffice.outcomes.chartTrend'),
                quarters.map((q) => `${localDigits(q.label)}: ${formatPct(q.averagePct)}`),
                12,
              )}
              chart={
                <PercentLine
                  data={quarters}
                  dataKey="averagePct"
                  name={t('headOffice.col.averagePct')}
                  guides={[
                    { value: 75, label: formatPct(75) },
                    { value: 60, label: formatPct(60) },
                  ]}
                />
              }
              table={<DataTable table="score-trend" rows={o.trend} filters={filters} />}
            />
            <TablePanel
              title={t('headOffice.table.institutionTrends')}
              note={<p className="secondary">{t('headOffice.outcomes.trendNote')}</p>}
              table={
                <>
                  <DataTable table="institution-trends" rows={o.institutionTrends} total={o.institutionTrendsTotal} filters={filters} />
                  <InstitutionTrendPicker rows={o.institutionTrends} filters={filters} />
                </>
              }
            />
          </>
        );
      }}
    </Section>
  );
}

/** One institution's scores over time, chosen from the institutions in the table above. */
function InstitutionTrendPicker({ rows, filters }: { rows: Outcomes['institutionTrends']; filters: DashboardFilters }) {
  const { t } = useTranslation();
  const selectId = useId();
  const summary = useChartSummary();
  const [chosen, setChosen] = useState('');
  const { value: trend, error } = useRequest('head-office:institution-trend', chosen === '' ? null : { institutionId: chosen, filters }, [
    chosen,
    filters,
  ]);

  const name = trend ? localName(trend.nameEn, trend.nameBn) : '';
  const points = (trend?.points ?? []).map((p) => ({ ...p, label: p.finalisedOn }));
  return (
    <div className="ho-trend-picker">
      <div className="field">
        <label htmlFor={selectId}>{t('headOffice.outcomes.pickInstitution')}</label>
        <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('headOffice.outcomes.pickNone')}</option>
          {rows.map((r) => (
            <option key={r.institutionId} value={r.institutionId}>
              {localName(r.nameEn, r.nameBn)}
            </option>
          ))}
        </select>
      </div>
      <ErrorBanner error={error} />
      {trend ? (
        <ChartPanel
          title={t('headOffice.outcomes.institutionTrend', { name })}
          summary={summary(
            t('headOffice.outcomes.institutionTrend', { name }),
            points.map((p) => `${localDigits(p.finalisedOn)}: ${formatPct(p.overallPct)}`),
            20,
          )}
          chart={
            <PercentLine
              data={points}
              dataKey="overallPct"
              name={t('headOffice.outcomes.columns.score')}
              height={220}
              guides={[
                { value: 75, label: formatPct(75) },
                { value: 60, label: formatPct(60) },
              ]}
            />
          }
          table={<DataTable table="institution-trend" rows={trend.points} filters={filters} institutionId={trend.institutionId} />}
        />
      ) : null}
    </div>
  );
}
