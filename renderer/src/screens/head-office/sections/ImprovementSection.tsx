import { useTranslation } from 'react-i18next';
import type { DashboardFilters } from '../../../../../shared/head-office/schema';
import { formatNumber } from '../../../format';
import { ChartPanel, HorizontalBars, TablePanel, useChartSummary } from '../charts';
import { DataTable } from '../DataTable';
import { outcomeColours, seriesColours } from '../display';
import { Section } from '../Section';
import { useSection } from '../use-section';

/** Criteria most often not met; then open corrective actions and stop-use notices (a channel of their own). */
export function ImprovementSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const state = useSection('head-office:improvement', filters);
  const summary = useChartSummary();
  return (
    <Section
      id="ho-improvement"
      title={t('headOffice.sections.improvement')}
      state={state}
      intro={<p className="secondary">{t('headOffice.improvement.intro')}</p>}
    >
      {(imp) => {
        const top = imp.criteria.slice(0, 10).map((r) => ({ label: r.criterionId, institutions: r.institutions }));
        return (
          <>
            <ChartPanel
              title={t('headOffice.improvement.chartCriteria')}
              summary={summary(
                t('headOffice.improvement.chartCriteria'),
                imp.criteria.slice(0, 10).map((r) => `${r.criterionId} ${formatNumber(r.institutions)}`),
                10,
              )}
              chart={
                <HorizontalBars
                  data={top}
                  series={[{ key: 'institutions', name: t('headOffice.col.institutions'), colour: seriesColours[0] }]}
                  labelWidth={70}
                />
              }
              wideTable
              table={<DataTable table="criteria-not-met" rows={imp.criteria} total={imp.criteriaTotal} filters={filters} />}
            />
            <TablePanel
              title={t('headOffice.table.criteriaNotMetSector')}
              table={<DataTable table="criteria-not-met-sector" rows={imp.bySector} filters={filters} />}
            />
          </>
        );
      }}
    </Section>
  );
}

export function ActionsSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const state = useSection('head-office:actions', filters);
  const summary = useChartSummary();
  return (
    <Section id="ho-actions" title={t('headOffice.table.correctiveActions')} state={state}>
      {(a) => {
        const severity = a.actions.bySeverity.map((r) => ({ ...r, label: t(`assessments.findingPlural.${r.findingClass}`) }));
        return (
          <>
            <p className="ho-totals">
              {t('headOffice.improvement.actions', {
                open: formatNumber(a.actions.open),
                institutions: formatNumber(a.actions.institutions),
                overdue: formatNumber(a.actions.overdue),
                date: a.actions.asOf.replace(/[0-9]/g, (d) => formatNumber(Number(d))),
              })}
            </p>
            <p className="secondary">{t('headOffice.improvement.actionsNote')}</p>
            <ChartPanel
              title={t('headOffice.improvement.chartActions')}
              summary={summary(
                t('headOffice.improvement.chartActions'),
                severity.map((s) => `${s.label}: ${formatNumber(s.open)} / ${formatNumber(s.overdue)}`),
              )}
              chart={
                <HorizontalBars
                  data={severity}
                  series={[
                    { key: 'open', name: t('headOffice.improvement.open'), colour: seriesColours[0] },
                    { key: 'overdue', name: t('headOffice.improvement.overdue'), colour: outcomeColours.notAligned },
                  ]}
                  labelWidth={200}
                />
              }
              table={<DataTable table="corrective-actions-severity" rows={a.actions.bySeverity} filters={filters} />}
            />
            <TablePanel
              title={t('headOffice.table.correctiveActions')}
              table={<DataTable table="corrective-actions" rows={a.actions.rows} total={a.actions.institutions} filters={filters} />}
            />
            <TablePanel
              title={t('headOffice.improvement.stopUse')}
              note={<p className="secondary">{t('headOffice.improvement.stopUseNote')}</p>}
              table={
                a.stopUseTotal === 0 ? (
                  <p>{t('headOffice.improvement.noStopUse')}</p>
                ) : (
                  <DataTable table="stop-use" rows={a.stopUse} total={a.stopUseTotal} filters={filters} />
                )
              }
            />
          </>
        );
      }}
    </Section>
  );
}
