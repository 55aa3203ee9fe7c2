import type { z } from 'zod';
import { listNames, type ListName } from '../reference-lists';
import type {
  ActionsSection,
  correctiveActionRowSchema,
  criterionNotMetRowSchema,
  criterionNotMetSectorRowSchema,
  ImprovementSection,
  InstitutionTrend,
  institutionTrendRowSchema,
  OfferSection,
  offerAreaRowSchema,
  offerLevelRowSchema,
  offerMobilityRowSchema,
  offerOccupationRowSchema,
  offerSectorRowSchema,
  outcomeDistrictRowSchema,
  outcomeDivisionRowSchema,
  OutcomesSection,
  outcomeSectorRowSchema,
  scoreBandRowSchema,
  stopUseRowSchema,
  TableId,
  trainingNeedProgrammeRowSchema,
  trainingNeedRowSchema,
  TrainingNeedsSection,
  trendRowSchema,
} from './schema';

/**
 * One description of every dashboard table, used by the screen (to draw it) and by the services (to
 * export it), so a downloaded file has the same columns, in the same order, as the table on screen.
 *
 * A cell says what it is, not how it looks: the screen formats numbers in the user's digits and
 * translates labels; the export writes numbers as numbers and labels in the chosen language. Text from
 * institutions, packages and framework files is `text` or `names` and is always written as text.
 */
export type Cell =
  | { t: 'text'; v: string }
  | { t: 'names'; en: string; bn: string }
  | { t: 'label'; key: string }
  | { t: 'labels'; keys: string[] }
  | { t: 'count'; v: number | null }
  | { t: 'pct'; v: number | null }
  | { t: 'pp'; v: number | null }
  /** Dates, quarters, score bands: text whose digits follow the user's digit setting. */
  | { t: 'digits'; v: string };

export interface Column<R> {
  /** Catalogue key of the header, under headOffice.col. */
  header: string;
  numeric?: boolean;
  cell: (row: R) => Cell;
}

export interface TableSpec<R> {
  id: TableId;
  /** Catalogue key of the caption, under headOffice.table. */
  caption: string;
  columns: Column<R>[];
}

const text = (v: string): Cell => ({ t: 'text', v });
const label = (key: string): Cell => ({ t: 'label', key });
const n = (v: number | null): Cell => ({ t: 'count', v });
const pct = (v: number | null): Cell => ({ t: 'pct', v });
const names = (r: { nameEn: string; nameBn: string }): Cell => ({ t: 'names', en: r.nameEn, bn: r.nameBn });
const criterion = (r: { criterionId: string; titleEn: string; titleBn: string }): Cell => ({
  t: 'names',
  en: `${r.criterionId} ${r.titleEn}`,
  bn: `${r.criterionId} ${r.titleBn || r.titleEn}`,
});
const programme = (r: { programmeTitleEn: string; programmeTitleBn: string }): Cell => ({
  t: 'names',
  en: r.programmeTitleEn,
  bn: r.programmeTitleBn,
});
/** An empty free-text value (a programme with no destination language yet) reads as "not given". */
const given = (v: string): Cell => (v === '' ? label('headOffice.notGiven') : text(v));
/** A district, destination country or language: its names from the closed list; older free text as typed. */
const place = (list: ListName, v: string): Cell => (v === '' ? label('headOffice.notGiven') : { t: 'names', ...listNames(list, v) });
const count = <R>(header: string, get: (r: R) => number | null): Column<R> => ({ header, numeric: true, cell: (r) => n(get(r)) });
const outcomeColumns = <
  R extends { institutions: number; aligned: number; conditional: number; notAligned: number; deferred: number },
>(): Column<R>[] => [
  count('institutions', (r) => r.institutions),
  count('aligned', (r) => r.aligned),
  count('conditional', (r) => r.conditional),
  count('notAligned', (r) => r.notAligned),
  count('deferred', (r) => r.deferred),
];

type Row<S extends z.ZodType> = z.infer<S>;

const offerSector: TableSpec<Row<typeof offerSectorRowSchema>> = {
  id: 'offer-sector',
  caption: 'offerSector',
  columns: [
    { header: 'sector', cell: (r) => label(`sector.${r.sector}`) },
    count('institutions', (r) => r.institutions),
    count('programmes', (r) => r.programmes),
    count('intake', (r) => r.intake),
    count('mobilityProgrammes', (r) => r.mobilityProgrammes),
  ],
};

const offerOccupation: TableSpec<Row<typeof offerOccupationRowSchema>> = {
  id: 'offer-occupation',
  caption: 'offerOccupation',
  columns: [
    { header: 'isco', cell: (r) => text(r.iscoCode) },
    { header: 'occupation', cell: (r) => text(r.occupation) },
    count('programmes', (r) => r.programmes),
    count('institutions', (r) => r.institutions),
    count('intake', (r) => r.intake),
  ],
};

const offerLevel: TableSpec<Row<typeof offerLevelRowSchema>> = {
  id: 'offer-level',
  caption: 'offerLevel',
  columns: [
    { header: 'bnqf', numeric: true, cell: (r) => (r.bnqfLevel === null ? label('headOffice.notGiven') : n(r.bnqfLevel)) },
    { header: 'eqf', numeric: true, cell: (r) => (r.eqfLevel === null ? label('headOffice.notGiven') : n(r.eqfLevel)) },
    count('programmes', (r) => r.programmes),
    count('intake', (r) => r.intake),
  ],
};

const offerArea: TableSpec<Row<typeof offerAreaRowSchema>> = {
  id: 'offer-area',
  caption: 'offerArea',
  columns: [
    { header: 'division', cell: (r) => label(`division.${r.division}`) },
    { header: 'district', cell: (r) => place('district', r.district) },
    count('institutions', (r) => r.institutions),
    count('programmes', (r) => r.programmes),
    count('intake', (r) => r.intake),
    count('mobilityProgrammes', (r) => r.mobilityProgrammes),
  ],
};

const offerMobility: TableSpec<Row<typeof offerMobilityRowSchema>> = {
  id: 'offer-mobility',
  caption: 'offerMobility',
  columns: [
    { header: 'destination', cell: (r) => place('country', r.destinationCountry) },
    { header: 'language', cell: (r) => place('language', r.targetLanguage) },
    { header: 'cefr', cell: (r) => given(r.targetCefr) },
    count('programmes', (r) => r.programmes),
    count('institutions', (r) => r.institutions),
    count('intake', (r) => r.intake),
  ],
};

const outcomesSector: TableSpec<Row<typeof outcomeSectorRowSchema>> = {
  id: 'outcomes-sector',
  caption: 'outcomesSector',
  columns: [{ header: 'sector', cell: (r) => label(`sector.${r.sector}`) }, ...outcomeColumns()],
};

const outcomesDivision: TableSpec<Row<typeof outcomeDivisionRowSchema>> = {
  id: 'outcomes-division',
  caption: 'outcomesDivision',
  columns: [{ header: 'division', cell: (r) => label(`division.${r.division}`) }, ...outcomeColumns()],
};

const outcomesDistrict: TableSpec<Row<typeof outcomeDistrictRowSchema>> = {
  id: 'outcomes-district',
  caption: 'outcomesDistrict',
  columns: [
    { header: 'division', cell: (r) => label(`division.${r.division}`) },
    { header: 'district', cell: (r) => place('district', r.district) },
    ...outcomeColumns(),
  ],
};

const scoreDistribution: TableSpec<Row<typeof scoreBandRowSchema>> = {
  id: 'score-distribution',
  caption: 'scoreDistribution',
  columns: [
    { header: 'band', cell: (r) => ({ t: 'digits', v: `${r.from}–${r.to}` }) },
    count('institutions', (r) => r.institutions),
    count('aligned', (r) => r.aligned),
    count('conditional', (r) => r.conditional),
    count('notAligned', (r) => r.notAligned),
  ],
};

const scoreTrend: TableSpec<Row<typeof trendRowSchema>> = {
  id: 'score-trend',
  caption: 'scoreTrend',
  columns: [
    { header: 'quarter', cell: (r) => ({ t: 'digits', v: r.period }) },
    count('assessments', (r) => r.assessments),
    { header: 'averagePct', numeric: true, cell: (r) => pct(r.averagePct) },
    count('aligned', (r) => r.aligned),
    count('conditional', (r) => r.conditional),
    count('notAligned', (r) => r.notAligned),
  ],
};

const institutionTrends: TableSpec<Row<typeof institutionTrendRowSchema>> = {
  id: 'institution-trends',
  caption: 'institutionTrends',
  columns: [
    { header: 'institution', cell: names },
    { header: 'district', cell: (r) => place('district', r.district) },
    count('assessments', (r) => r.assessments),
    { header: 'firstOn', cell: (r) => ({ t: 'digits', v: r.firstOn }) },
    { header: 'firstPct', numeric: true, cell: (r) => pct(r.firstPct) },
    { header: 'latestOn', cell: (r) => ({ t: 'digits', v: r.latestOn }) },
    { header: 'latestPct', numeric: true, cell: (r) => pct(r.latestPct) },
    { header: 'changePp', numeric: true, cell: (r) => ({ t: 'pp', v: r.changePp }) },
    { header: 'latestOutcome', cell: (r) => label(`headOffice.outcome.${r.latestOutcome}`) },
  ],
};

const institutionTrend: TableSpec<InstitutionTrend['points'][number]> = {
  id: 'institution-trend',
  caption: 'institutionTrend',
  columns: [
    { header: 'finalisedOn', cell: (r) => ({ t: 'digits', v: r.finalisedOn }) },
    { header: 'overallPct', numeric: true, cell: (r) => pct(r.overallPct) },
    { header: 'kind', cell: (r) => label(`assessments.kind.${r.kind}`) },
    { header: 'decision', cell: (r) => label(`assessments.decision.${r.decision}`) },
    { header: 'latestOutcome', cell: (r) => label(`headOffice.outcome.${r.outcome}`) },
  ],
};

const criteriaNotMet: TableSpec<Row<typeof criterionNotMetRowSchema>> = {
  id: 'criteria-not-met',
  caption: 'criteriaNotMet',
  columns: [
    { header: 'criterion', cell: criterion },
    count('institutions', (r) => r.institutions),
    { header: 'sharePct', numeric: true, cell: (r) => pct(r.sharePct) },
    count('critical', (r) => r.critical),
    count('major', (r) => r.major),
    count('minor', (r) => r.minor),
  ],
};

const criteriaNotMetSector: TableSpec<Row<typeof criterionNotMetSectorRowSchema>> = {
  id: 'criteria-not-met-sector',
  caption: 'criteriaNotMetSector',
  columns: [
    { header: 'sector', cell: (r) => label(`sector.${r.sector}`) },
    count('rank', (r) => r.rank),
    { header: 'criterion', cell: criterion },
    count('institutions', (r) => r.institutions),
    { header: 'sharePct', numeric: true, cell: (r) => pct(r.sharePct) },
  ],
};

const correctiveActions: TableSpec<Row<typeof correctiveActionRowSchema>> = {
  id: 'corrective-actions',
  caption: 'correctiveActions',
  columns: [
    { header: 'institution', cell: names },
    { header: 'district', cell: (r) => place('district', r.district) },
    count('criticalOpen', (r) => r.criticalOpen),
    count('criticalOverdue', (r) => r.criticalOverdue),
    count('majorOpen', (r) => r.majorOpen),
    count('majorOverdue', (r) => r.majorOverdue),
    count('minorOpen', (r) => r.minorOpen),
    count('minorOverdue', (r) => r.minorOverdue),
    { header: 'oldestDue', cell: (r) => ({ t: 'digits', v: r.oldestDue }) },
  ],
};

const correctiveActionsSeverity: TableSpec<ActionsSection['actions']['bySeverity'][number]> = {
  id: 'corrective-actions-severity',
  caption: 'correctiveActionsSeverity',
  columns: [
    { header: 'findingClass', cell: (r) => label(`assessments.finding.${r.findingClass}`) },
    count('open', (r) => r.open),
    count('overdue', (r) => r.overdue),
  ],
};

const stopUse: TableSpec<Row<typeof stopUseRowSchema>> = {
  id: 'stop-use',
  caption: 'stopUse',
  columns: [
    { header: 'institution', cell: names },
    { header: 'district', cell: (r) => place('district', r.district) },
    { header: 'criterion', cell: criterion },
    { header: 'programme', cell: (r) => (r.programmeId === '' ? label('headOffice.wholeInstitution') : programme(r)) },
    { header: 'finalisedOn', cell: (r) => ({ t: 'digits', v: r.finalisedOn }) },
  ],
};

const trainingNeeds: TableSpec<Row<typeof trainingNeedRowSchema>> = {
  id: 'training-needs',
  caption: 'trainingNeeds',
  columns: [
    { header: 'destination', cell: (r) => place('country', r.destinationCountry) },
    { header: 'language', cell: (r) => place('language', r.targetLanguage) },
    { header: 'cefr', cell: (r) => given(r.targetCefr) },
    { header: 'area', cell: (r) => label(`headOffice.area.${r.area}`) },
    count('programmes', (r) => r.programmes),
    count('institutions', (r) => r.institutions),
    count('intake', (r) => r.intake),
  ],
};

const trainingNeedsProgrammes: TableSpec<Row<typeof trainingNeedProgrammeRowSchema>> = {
  id: 'training-needs-programmes',
  caption: 'trainingNeedsProgrammes',
  columns: [
    { header: 'institution', cell: names },
    { header: 'district', cell: (r) => place('district', r.district) },
    { header: 'programme', cell: programme },
    { header: 'destination', cell: (r) => place('country', r.destinationCountry) },
    {
      header: 'cefr',
      cell: (r) => {
        const names = listNames('language', r.targetLanguage);
        const join = (name: string) => [name, r.targetCefr].filter((x) => x !== '').join(' ');
        return { t: 'names', en: join(names.en), bn: join(names.bn) };
      },
    },
    count('intake', (r) => r.intake),
    { header: 'areas', cell: (r) => ({ t: 'labels', keys: r.areas.map((a) => `headOffice.area.${a}`) }) },
    { header: 'criteria', cell: (r) => text(r.criteria.join(', ')) },
    { header: 'mobilityReady', cell: (r) => label(r.mobilityReady ? 'common.yes' : 'common.no') },
  ],
};

export const tableSpecs = {
  'offer-sector': offerSector,
  'offer-occupation': offerOccupation,
  'offer-level': offerLevel,
  'offer-area': offerArea,
  'offer-mobility': offerMobility,
  'outcomes-sector': outcomesSector,
  'outcomes-division': outcomesDivision,
  'outcomes-district': outcomesDistrict,
  'score-distribution': scoreDistribution,
  'score-trend': scoreTrend,
  'institution-trends': institutionTrends,
  'institution-trend': institutionTrend,
  'criteria-not-met': criteriaNotMet,
  'criteria-not-met-sector': criteriaNotMetSector,
  'corrective-actions-severity': correctiveActionsSeverity,
  'corrective-actions': correctiveActions,
  'stop-use': stopUse,
  'training-needs': trainingNeeds,
  'training-needs-programmes': trainingNeedsProgrammes,
} as const satisfies Record<TableId, TableSpec<never>>;

export type SpecRow<T extends TableId> = (typeof tableSpecs)[T] extends TableSpec<infer R> ? R : never;

/** Which section holds each table, and where in it. */
export const tableSources = {
  'offer-sector': { section: 'offer', rows: (s: OfferSection) => s.bySector },
  'offer-occupation': { section: 'offer', rows: (s: OfferSection) => s.byOccupation },
  'offer-level': { section: 'offer', rows: (s: OfferSection) => s.byLevel },
  'offer-area': { section: 'offer', rows: (s: OfferSection) => s.byArea },
  'offer-mobility': { section: 'offer', rows: (s: OfferSection) => s.mobility },
  'outcomes-sector': { section: 'outcomes', rows: (s: OutcomesSection) => s.bySector },
  'outcomes-division': { section: 'outcomes', rows: (s: OutcomesSection) => s.byDivision },
  'outcomes-district': { section: 'outcomes', rows: (s: OutcomesSection) => s.byDistrict },
  'score-distribution': { section: 'outcomes', rows: (s: OutcomesSection) => s.distribution },
  'score-trend': { section: 'outcomes', rows: (s: OutcomesSection) => s.trend },
  'institution-trends': { section: 'outcomes', rows: (s: OutcomesSection) => s.institutionTrends },
  'institution-trend': { section: 'institution-trend', rows: (s: InstitutionTrend) => s.points },
  'criteria-not-met': { section: 'improvement', rows: (s: ImprovementSection) => s.criteria },
  'criteria-not-met-sector': { section: 'improvement', rows: (s: ImprovementSection) => s.bySector },
  'corrective-actions-severity': { section: 'actions', rows: (s: ActionsSection) => s.actions.bySeverity },
  'corrective-actions': { section: 'actions', rows: (s: ActionsSection) => s.actions.rows },
  'stop-use': { section: 'actions', rows: (s: ActionsSection) => s.stopUse },
  'training-needs': { section: 'training-needs', rows: (s: TrainingNeedsSection) => s.groups },
  'training-needs-programmes': { section: 'training-needs', rows: (s: TrainingNeedsSection) => s.programmes },
} as const;
