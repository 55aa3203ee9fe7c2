import { useTranslation } from 'react-i18next';
import type { DashboardFilters, TrainingNeedsSection } from '../../../../../shared/head-office/schema';
import { trainingNeedAreas } from '../../../../../shared/head-office/training-needs';
import { listName } from '../../../../../shared/reference-lists';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { ChartPanel, HorizontalBars, TablePanel, useChartSummary } from '../charts';
import { DataTable } from '../DataTable';
import { seriesColours } from '../display';
import { Section } from '../Section';
import { useSection } from '../use-section';

export function NeedsSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const state = useSection('head-office:training-needs', filters);
  const summary = useChartSummary();
  return (
    <Section
      id="ho-needs"
      title={t('headOffice.sections.needs')}
      state={state}
      intro={
        <>
          <p className="secondary">{t('headOffice.needs.intro')}</p>
          <p className="secondary">{t('headOffice.needs.criteria')}</p>
        </>
      }
    >
      {(needs) => {
        const byDestination = destinations(needs, t('headOffice.notGiven'));
        return (
          <>
            <p className="ho-totals">
              {t('headOffice.needs.summary', {
                withNeeds: formatNumber(needs.withNeeds),
                mobility: formatNumber(needs.mobilityProgrammes),
                ready: formatNumber(needs.mobilityReady),
              })}
            </p>
            <ChartPanel
              title={t('headOffice.needs.chart')}
              summary={summary(
                t('headOffice.needs.chart'),
                byDestination.map((d) =>
                  [d.label, ...trainingNeedAreas.map((a) => `${t(`headOffice.area.${a}`)} ${formatNumber(d[a])}`)].join(', '),
                ),
              )}
              chart={
                <HorizontalBars
                  data={byDestination}
                  series={trainingNeedAreas.map((a, i) => ({ key: a, name: t(`headOffice.area.${a}`), colour: seriesColours[i]! }))}
                  labelWidth={120}
                  stacked
                />
              }
              wideTable
              table={<DataTable table="training-needs" rows={needs.groups} filters={filters} />}
            />
            <TablePanel
              title={t('headOffice.table.trainingNeedsProgrammes')}
              table={
                <DataTable table="training-needs-programmes" rows={needs.programmes} total={needs.programmesTotal} filters={filters} />
              }
            />
          </>
        );
      }}
    </Section>
  );
}

/** Programmes with each kind of need, per destination country (all languages and levels together). */
function destinations(needs: TrainingNeedsSection, notGiven: string) {
  const rows = new Map<string, { label: string; language: number; 'soft-skills': number; destination: number }>();
  for (const g of needs.groups) {
    const label = g.destinationCountry ? listName('country', g.destinationCountry, currentLanguage()) : notGiven;
    const row = rows.get(label) ?? { label, language: 0, 'soft-skills': 0, destination: 0 };
    row[g.area] += g.programmes;
    rows.set(label, row);
  }
  return [...rows.values()];
}
