import { z } from 'zod';
import { dateOnlySchema, findingClasses, institutionDecisions } from '../assessments/schema';
import { divisions, institutionTypes, sectors } from '../institutions/reference-data';
import { idSchema } from '../institutions/schema';
import { languages } from '../settings/schema';
import { outcomeBuckets } from './outcome';
import { trainingNeedAreas } from './training-needs';

/**
 * Which finalised assessments a section reads. "external" (the default) is inspections and follow-up
 * inspections together: both are an inspector's judgement, and the newer one is the institution's
 * current result. Self-assessments are the institution's own view and are never mixed with them.
 */
export const kindFilters = ['external', 'inspection', 'follow-up', 'self-assessment'] as const;
export type KindFilter = (typeof kindFilters)[number];

/**
 * The dashboard's filters, applied to every section: the institution's division, district and type;
 * the sector of a programme in the assessment's scope (of the programme itself in the training offer);
 * the period, on the date an assessment was finalised, inclusive; and the kind of assessment. The
 * training offer is the registry as it stands today, so period and kind do not narrow it.
 */
export const dashboardFiltersSchema = z
  .object({
    sector: z.enum(sectors).nullable().default(null),
    division: z.enum(divisions).nullable().default(null),
    district: z.string().trim().min(1).max(100).nullable().default(null),
    institutionType: z.enum(institutionTypes).nullable().default(null),
    from: dateOnlySchema.default(''),
    to: dateOnlySchema.default(''),
    kind: z.enum(kindFilters).default('external'),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.from !== '' && f.to !== '' && f.to < f.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.endBeforeStart' });
  });
export type DashboardFilters = z.output<typeof dashboardFiltersSchema>;
export type DashboardFiltersInput = z.input<typeof dashboardFiltersSchema>;

export const noFilters: DashboardFilters = {
  sector: null,
  division: null,
  district: null,
  institutionType: null,
  from: '',
  to: '',
  kind: 'external',
};

const count = z.number().int().nonnegative();
const pct = z.number().nullable();
const names = { nameEn: z.string(), nameBn: z.string() };
const place = { division: z.string(), district: z.string() };
const outcomeCounts = { institutions: count, aligned: count, conditional: count, notAligned: count, deferred: count };

// ── What the filters can offer ──

export const filterOptionsSchema = z.object({
  districts: z.array(z.object({ division: z.string(), district: z.string(), institutions: count })),
  firstFinalisedOn: z.string().nullable(),
  lastFinalisedOn: z.string().nullable(),
  institutions: count,
  finalisedAssessments: count,
});
export type FilterOptions = z.infer<typeof filterOptionsSchema>;

// ── Training offer (the registry) ──

export const offerSectorRowSchema = z.object({
  sector: z.enum(sectors),
  institutions: count,
  programmes: count,
  intake: count,
  mobilityProgrammes: count,
});
export const offerOccupationRowSchema = z.object({
  iscoCode: z.string(),
  occupation: z.string(),
  programmes: count,
  institutions: count,
  intake: count,
});
export const offerLevelRowSchema = z.object({
  bnqfLevel: z.number().int().nullable(),
  eqfLevel: z.number().int().nullable(),
  programmes: count,
  intake: count,
});
export const offerAreaRowSchema = z.object({
  ...place,
  institutions: count,
  programmes: count,
  intake: count,
  mobilityProgrammes: count,
});
export const offerMobilityRowSchema = z.object({
  destinationCountry: z.string(),
  targetLanguage: z.string(),
  targetCefr: z.string(),
  programmes: count,
  institutions: count,
  intake: count,
});
export const offerSectionSchema = z.object({
  totals: z.object({ institutions: count, programmes: count, intake: count, mobilityProgrammes: count, mobilityIntake: count }),
  bySector: z.array(offerSectorRowSchema),
  byOccupation: z.array(offerOccupationRowSchema),
  occupations: count,
  byLevel: z.array(offerLevelRowSchema),
  byArea: z.array(offerAreaRowSchema),
  mobility: z.array(offerMobilityRowSchema),
});
export type OfferSection = z.infer<typeof offerSectionSchema>;

// ── Outcomes (latest finalised assessment per institution; all of them for trends) ──

export const outcomeSectorRowSchema = z.object({ sector: z.enum(sectors), ...outcomeCounts });
export const outcomeDivisionRowSchema = z.object({ division: z.string(), ...outcomeCounts });
export const outcomeDistrictRowSchema = z.object({ ...place, ...outcomeCounts });
export const scoreBandRowSchema = z.object({
  /** Lower bound in %, inclusive; the band is [from, from + 10), the last one [90, 100]. */
  from: z.number().int(),
  to: z.number().int(),
  institutions: count,
  aligned: count,
  conditional: count,
  notAligned: count,
});
export const trendRowSchema = z.object({
  /** A calendar quarter, e.g. "2025-Q3". */
  period: z.string(),
  assessments: count,
  averagePct: pct,
  aligned: count,
  conditional: count,
  notAligned: count,
});
export const institutionTrendRowSchema = z.object({
  institutionId: idSchema,
  ...names,
  ...place,
  assessments: count,
  firstOn: z.string(),
  firstPct: pct,
  latestOn: z.string(),
  latestPct: pct,
  /** Latest minus first, in percentage points; null with a single assessment. */
  changePp: pct,
  latestOutcome: z.enum(outcomeBuckets),
});
export const outcomesSectionSchema = z.object({
  totals: z.object(outcomeCounts),
  bySector: z.array(outcomeSectorRowSchema),
  byDivision: z.array(outcomeDivisionRowSchema),
  byDistrict: z.array(outcomeDistrictRowSchema),
  distribution: z.array(scoreBandRowSchema),
  trend: z.array(trendRowSchema),
  institutionTrends: z.array(institutionTrendRowSchema),
  institutionTrendsTotal: count,
});
export type OutcomesSection = z.infer<typeof outcomesSectionSchema>;

export const institutionTrendPointSchema = z.object({
  assessmentId: idSchema,
  kind: z.string(),
  finalisedOn: z.string(),
  overallPct: pct,
  decision: z.enum(institutionDecisions),
  outcome: z.enum(outcomeBuckets),
});
export const institutionTrendSchema = z.object({
  institutionId: idSchema,
  ...names,
  points: z.array(institutionTrendPointSchema),
});
export type InstitutionTrend = z.infer<typeof institutionTrendSchema>;

// ── Improvement needs ──

const criterionNames = { criterionId: z.string(), groupId: z.string(), titleEn: z.string(), titleBn: z.string() };

export const criterionNotMetRowSchema = z.object({
  ...criterionNames,
  /** Institutions whose latest assessment has a non-conformity on this criterion. */
  institutions: count,
  /** Of the institutions assessed (in this sector, for the by-sector table). */
  sharePct: pct,
  critical: count,
  major: count,
  minor: count,
});
export const criterionNotMetSectorRowSchema = z.object({
  sector: z.enum(sectors),
  rank: z.number().int().positive(),
  ...criterionNames,
  institutions: count,
  sharePct: pct,
});
export const correctiveActionRowSchema = z.object({
  institutionId: idSchema,
  ...names,
  ...place,
  criticalOpen: count,
  criticalOverdue: count,
  majorOpen: count,
  majorOverdue: count,
  minorOpen: count,
  minorOverdue: count,
  open: count,
  overdue: count,
  oldestDue: z.string(),
});
export const stopUseRowSchema = z.object({
  assessmentId: idSchema,
  institutionId: idSchema,
  ...names,
  ...place,
  ...criterionNames,
  programmeId: z.string(),
  programmeTitleEn: z.string(),
  programmeTitleBn: z.string(),
  finalisedOn: z.string(),
});
export const improvementSectionSchema = z.object({
  assessedInstitutions: count,
  criteria: z.array(criterionNotMetRowSchema),
  criteriaTotal: count,
  bySector: z.array(criterionNotMetSectorRowSchema),
});
export type ImprovementSection = z.infer<typeof improvementSectionSchema>;

/** Open corrective actions and stop-use notices (a channel of its own: each answers within budget). */
export const actionsSectionSchema = z.object({
  actions: z.object({
    /** The local date overdue is judged against. */
    asOf: z.string(),
    open: count,
    overdue: count,
    institutions: count,
    bySeverity: z.array(z.object({ findingClass: z.enum(findingClasses), open: count, overdue: count })),
    rows: z.array(correctiveActionRowSchema),
  }),
  stopUse: z.array(stopUseRowSchema),
  stopUseTotal: count,
});
export type ActionsSection = z.infer<typeof actionsSectionSchema>;

// ── Additional training needs of mobility tracks ──

export const trainingNeedRowSchema = z.object({
  destinationCountry: z.string(),
  targetLanguage: z.string(),
  targetCefr: z.string(),
  area: z.enum(trainingNeedAreas),
  programmes: count,
  institutions: count,
  intake: count,
});
export const trainingNeedProgrammeRowSchema = z.object({
  assessmentId: idSchema,
  institutionId: idSchema,
  ...names,
  ...place,
  programmeId: z.string(),
  programmeTitleEn: z.string(),
  programmeTitleBn: z.string(),
  destinationCountry: z.string(),
  targetLanguage: z.string(),
  targetCefr: z.string(),
  intake: count.nullable(),
  areas: z.array(z.enum(trainingNeedAreas)),
  criteria: z.array(z.string()),
  mobilityReady: z.boolean(),
});
export const trainingNeedsSectionSchema = z.object({
  mobilityProgrammes: count,
  mobilityReady: count,
  withNeeds: count,
  groups: z.array(trainingNeedRowSchema),
  programmes: z.array(trainingNeedProgrammeRowSchema),
  programmesTotal: count,
});
export type TrainingNeedsSection = z.infer<typeof trainingNeedsSectionSchema>;

// ── Exports ──

/** Every table the dashboard shows; each can be exported whole (the screen may show the first rows only). */
export const tableIds = [
  'offer-sector',
  'offer-occupation',
  'offer-level',
  'offer-area',
  'offer-mobility',
  'outcomes-sector',
  'outcomes-division',
  'outcomes-district',
  'score-distribution',
  'score-trend',
  'institution-trends',
  'institution-trend',
  'criteria-not-met',
  'criteria-not-met-sector',
  'corrective-actions-severity',
  'corrective-actions',
  'stop-use',
  'training-needs',
  'training-needs-programmes',
] as const;
export type TableId = (typeof tableIds)[number];

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportRequestSchema = z
  .object({
    filters: dashboardFiltersSchema,
    table: z.enum(tableIds),
    format: z.enum(exportFormats),
    language: z.enum(languages),
    /** For 'institution-trend': whose. */
    institutionId: idSchema.optional(),
  })
  .strict();

export const exportFileSchema = z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string(), rows: count });
export type ExportFile = z.infer<typeof exportFileSchema>;
