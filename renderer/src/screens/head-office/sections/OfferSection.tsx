import { useTranslation } from 'react-i18next';
import { groupBy } from '../../../../../shared/util/group-by';
import type { DashboardFilters } from '../../../../../shared/head-office/schema';
import { listName } from '../../../../../shared/reference-lists';
import { formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { ChartPanel, HorizontalBars, TablePanel, useChartSummary } from '../charts';
import { DataTable } from '../DataTable';
import { seriesColours } from '../display';
import { Section } from '../Section';
import { useSection } from '../use-section';

export function OfferSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const state = useSection('head-office:offer', filters);
  const summary = useChartSummary();
  return (
    <Section
      id="ho-offer"
      title={t('headOffice.sections.offer')}
      state={state}
      intro={<p className="secondary">{t('headOffice.offer.intro')}</p>}
    >
      {(offer) => {
        const sectors = offer.bySector.map((r) => ({
          label: t(`sector.${r.sector}`),
          programmes: r.programmes,
          mobility: r.mobilityProgrammes,
        }));
        const destinations = [
          ...groupBy(offer.mobility, (r) =>
            r.destinationCountry ? listName('country', r.destinationCountry, currentLanguage()) : t('headOffice.notGiven'),
          ),
        ].map(([label, rows]) => ({
          label,
          programmes: rows.reduce((n, r) => n + r.programmes, 0),
        }));
        return (
          <>
            <p className="ho-totals">
              {t('headOffice.offer.totals', {
                programmes: formatNumber(offer.totals.programmes),
                institutions: formatNumber(offer.totals.institutions),
                intake: formatNumber(offer.totals.intake),
                mobility: formatNumber(offer.totals.mobilityProgrammes),
                mobilityIntake: formatNumber(offer.totals.mobilityIntake),
              })}
            </p>
            <ChartPanel
              title={t('headOffice.offer.chartSector')}
              summary={summary(
                t('headOffice.offer.chartSector'),
                sectors.map((s) => `${s.label} ${formatNumber(s.programmes)}`),
              )}
              chart={
                <HorizontalBars
                  data={sectors}
                  series={[
                    { key: 'programmes', name: t('headOffice.col.programmes'), colour: seriesColours[0] },
                    { key: 'mobility', name: t('headOffice.col.mobilityProgrammes'), colour: seriesColours[2] },
                  ]}
                />
              }
              table={<DataTable table="offer-sector" rows={offer.bySector} filters={filters} />}
            />
            <ChartPanel
              title={t('headOffice.offer.chartMobility')}
              summary={summary(
                t('headOffice.offer.chartMobility'),
                destinations.map((d) => `${d.label} ${formatNumber(d.programmes)}`),
              )}
              chart={
                <HorizontalBars
                  data={destinations}
                  series={[{ key: 'programmes', name: t('headOffice.col.programmes'), colour: seriesColours[1] }]}
                />
              }
              wideTable
              table={<DataTable table="offer-mobility" rows={offer.mobility} filters={filters} />}
            />
            <div className="ho-grid">
              <TablePanel
                title={t('headOffice.table.offerOccupation')}
                table={<DataTable table="offer-occupation" rows={offer.byOccupation} total={offer.occupations} filters={filters} />}
              />
              <TablePanel
                title={t('headOffice.table.offerLevel')}
                table={<DataTable table="offer-level" rows={offer.byLevel} filters={filters} />}
              />
            </div>
            <TablePanel
              title={t('headOffice.table.offerArea')}
              table={<DataTable table="offer-area" rows={offer.byArea} filters={filters} />}
            />
          </>
        );
      }}
    </Section>
  );
}
