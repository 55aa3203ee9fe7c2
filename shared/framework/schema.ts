import { z } from 'zod';
import { moduleSectors, programmeActivities } from '../institutions/reference-data';

/**
 * The framework file format `tvet-inspector/framework@1` (docs/framework-format.md).
 *
 * This file checks structure only; cross-references (ids that must exist, duplicates, derived-field
 * cycles) are checked in `validate.ts`, which reports them with stable codes. Every string and array has
 * an upper bound because framework files are imported from USB sticks and e-mail: a hostile or broken
 * file must fail fast instead of filling memory. Objects are strict so a misspelt key is an error, not a
 * silently ignored setting.
 */

export const FRAMEWORK_FORMAT = 'tvet-inspector/framework@1';

/** Limits chosen well above the real framework (106 criteria) yet small enough to stay cheap. */
export const LIMITS = {
  text: 4000,
  shortText: 200,
  basis: 2000,
  criteria: 2000,
  groups: 100,
  conditions: 100,
  evidenceTypes: 50,
  evidencePerCriterion: 20,
  dataFields: 50,
  idRefs: 2000,
  criterionMinimums: 200,
} as const;

// One list of sectors and activities for the registry and frameworks alike.
export const sectors = moduleSectors;
export const activityCodes = programmeActivities;
export const programmeFlags = ['mobilityTrack'] as const;
export const ratingCodes = ['met', 'largely-met', 'partially-met', 'not-met'] as const;
export const dataFieldUnits = ['count', '%', 'ratio', 'h', 'pp', 'BDT', 'code', 'text'] as const;
export const eqavetPhases = ['planning', 'implementation', 'evaluation', 'review'] as const;

export const frameworkIdPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const groupIdPattern = /^[A-Z]{2,5}$/;
export const criterionIdPattern = /^[A-Z]{2,5}-[0-9]{2,3}$/;
export const conditionIdPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const evidenceCodePattern = /^[A-Z]{2,8}(?:-[A-Z0-9]{1,8})?$/;
export const dataFieldIdPattern = /^[a-z][a-z0-9_]{0,62}$/;
// Semantic version 2.0.0 without build metadata ambiguity; every part is bounded so matching stays linear.
const semverPattern =
  /^(?:0|[1-9][0-9]{0,8})\.(?:0|[1-9][0-9]{0,8})\.(?:0|[1-9][0-9]{0,8})(?:-[0-9A-Za-z.-]{1,40})?(?:\+[0-9A-Za-z.-]{1,40})?$/;

/** Plain text, never HTML: the UI renders it as text, so nothing is stripped here. */
export const localizedTextSchema = z.strictObject({
  en: z.string().trim().min(1).max(LIMITS.text),
  // An empty or missing Bangla text is allowed (the English is shown) and reported as a warning.
  bn: z.string().trim().max(LIMITS.text).default(''),
});

const frameworkId = z.string().max(64).regex(frameworkIdPattern);
const groupId = z.string().max(5).regex(groupIdPattern);
const criterionId = z.string().max(9).regex(criterionIdPattern);
const conditionId = z.string().max(64).regex(conditionIdPattern);
const evidenceCode = z.string().max(17).regex(evidenceCodePattern);
const dataFieldId = z.string().max(63).regex(dataFieldIdPattern);
const basisText = z.string().trim().max(LIMITS.basis);
const percent = z.number().min(0).max(100);
const days = z.number().int().min(1).max(3650);

export const sectorSchema = z.enum(sectors);
export const activityCodeSchema = z.enum(activityCodes);
export const ratingValueSchema = z.literal([0, 1, 2, 3]);

const ratingDefinitionSchema = z.strictObject({
  value: ratingValueSchema,
  code: z.enum(ratingCodes),
  label: localizedTextSchema,
  meaning: localizedTextSchema,
});

const maturityLevelSchema = z.strictObject({
  value: z.number().int().min(0).max(4),
  label: localizedTextSchema,
  mapsTo: ratingValueSchema,
});

export const scaleSchema = z.strictObject({
  ratings: z.array(ratingDefinitionSchema).length(4),
  notApplicable: z.strictObject({ label: localizedTextSchema, meaning: localizedTextSchema }),
  maturity: z.array(maturityLevelSchema).length(5).optional(),
  maturityGroups: z.array(groupId).max(LIMITS.groups).optional(),
});

export const evidenceTypeSchema = z.strictObject({
  code: evidenceCode,
  label: localizedTextSchema,
});

export const conditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: conditionId,
    kind: z.literal('programme-flag'),
    flag: z.enum(programmeFlags),
    label: localizedTextSchema,
  }),
  z.strictObject({
    id: conditionId,
    kind: z.literal('programme-activity'),
    activity: activityCodeSchema,
    label: localizedTextSchema,
  }),
]);

const criterionRefs = z.array(criterionId).max(LIMITS.idRefs);

export const eqavetSchema = z.strictObject({
  phases: z
    .array(z.strictObject({ id: z.enum(eqavetPhases), label: localizedTextSchema, criteria: criterionRefs }))
    .max(eqavetPhases.length),
  indicators: z
    .array(
      z.strictObject({
        number: z.number().int().min(1).max(10),
        name: z.string().trim().min(1).max(LIMITS.shortText),
        label: localizedTextSchema,
        criteria: criterionRefs,
      }),
    )
    .max(10),
});

export const criterionMinimumSchema = z.strictObject({
  criterion: criterionId,
  minRating: ratingValueSchema,
});
const criterionMinimums = z.array(criterionMinimumSchema).max(LIMITS.criterionMinimums);

const months = z.number().int().min(1).max(120);
const sampleCount = z.number().int().min(1).max(100_000);

/** How long a finalised outcome stays valid and how long the institution may appeal it. */
export const accreditationCycleSchema = z.strictObject({
  validityMonths: z.strictObject({ recommended: months, 'recommended-with-conditions': months }),
  // Days after finalisation within which the institution may lodge an appeal.
  appealDays: days,
  // True when no official figure exists and these are the project's proposal.
  proposal: z.boolean(),
});

/** Sample sizes an inspector checks on a visit: the larger of minimum and pct, capped at maximum. */
export const samplingSchema = z.strictObject({
  learnerFiles: z.strictObject({ minimum: sampleCount, pct: percent, maximum: sampleCount }),
  placementPhoneChecks: z.strictObject({ pct: percent, minimum: sampleCount }),
  proposal: z.boolean(),
});

export const rulesSchema = z.strictObject({
  recommended: z.strictObject({
    minOverallPct: percent,
    minGroupPct: percent,
    maxMajor: z.number().int().min(0).max(100000),
    criterionMinimums,
  }),
  conditional: z.strictObject({
    minOverallPct: percent,
    minGroupPct: percent,
    maxMajor: z.number().int().min(0).max(100000),
  }),
  mobilityReady: z.strictObject({
    minSectorPct: percent,
    minSectorCriticalRating: ratingValueSchema,
    noOpenMajorInGroups: z.array(groupId).max(LIMITS.groups),
    criterionMinimums,
  }),
  correctiveActionDays: z.strictObject({ critical: days, major: days, minor: days }),
  minCohort: z.number().int().min(0).max(1_000_000),
  minTracerResponsePct: percent,
  redOutcomeActionCohort: z.number().int().min(0).max(1_000_000),
  redOutcomeActionCriterion: criterionId,
  // The accreditation cycle around an inspection (domain-notes §7.4). Optional: 1.0.0 has neither block and
  // the app then applies the project's proposal (shared/accreditation/proposed-rules.ts).
  accreditationCycle: accreditationCycleSchema.optional(),
  sampling: samplingSchema.optional(),
});

export const derivedSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('ratioPct'), numerator: dataFieldId, denominator: dataFieldId }),
  z.strictObject({ op: z.literal('differencePp'), a: dataFieldId, b: dataFieldId }),
]);

const boundedNumber = z.number().min(-1e12).max(1e12);

/**
 * Facts of the assessed programme a data field may take instead of asking for them again (one truth per
 * fact): the programme record keeps them, the assessment's programme snapshot carries them.
 */
export const programmeDataSources = ['destinationCountry', 'targetLanguage', 'targetCefr'] as const;

export const dataFieldSchema = z.strictObject({
  id: dataFieldId,
  label: localizedTextSchema,
  unit: z.enum(dataFieldUnits),
  min: boundedNumber.optional(),
  max: boundedNumber.optional(),
  integer: z.boolean().optional(),
  derived: derivedSchema.optional(),
  // A code or text field whose value is the programme's own (shared/assessments/effective-data.ts).
  fromProgramme: z.enum(programmeDataSources).optional(),
});

export const outcomeSchema = z.strictObject({
  field: dataFieldId,
  direction: z.enum(['higherIsBetter', 'lowerIsBetter']),
  green: boundedNumber,
  amber: boundedNumber,
  cohortField: dataFieldId.optional(),
  responseRateField: dataFieldId.optional(),
});

export const criticalRuleSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('always') }),
  z.strictObject({ mode: z.literal('never') }),
  z.strictObject({ mode: z.literal('when'), condition: conditionId }),
]);

export const criterionSchema = z.strictObject({
  id: criterionId,
  title: localizedTextSchema,
  guidance: localizedTextSchema,
  selfGuidance: localizedTextSchema.optional(),
  evidence: z.array(evidenceCode).min(1).max(LIMITS.evidencePerCriterion),
  critical: criticalRuleSchema,
  appliesWhen: conditionId.optional(),
  weight: z.literal([1, 2, 3]),
  level: z.enum(['institution', 'programme']),
  basis: basisText,
  safety: z.boolean().optional(),
  dataFields: z.array(dataFieldSchema).max(LIMITS.dataFields).optional(),
  outcome: outcomeSchema.optional(),
});

export const groupSchema = z.strictObject({
  id: groupId,
  kind: z.enum(['core', 'sector']),
  // Required for sector groups and forbidden for core ones; checked in validate.ts with its own code.
  sector: sectorSchema.optional(),
  title: localizedTextSchema,
  description: localizedTextSchema,
  basis: basisText,
  criteria: z.array(criterionSchema).min(1).max(LIMITS.criteria),
});

export const frameworkSchema = z.strictObject({
  format: z.literal(FRAMEWORK_FORMAT),
  id: frameworkId,
  version: z.string().max(100).regex(semverPattern),
  title: localizedTextSchema,
  description: localizedTextSchema,
  publisher: localizedTextSchema,
  scale: scaleSchema,
  evidenceTypes: z.array(evidenceTypeSchema).min(1).max(LIMITS.evidenceTypes),
  conditions: z.array(conditionSchema).max(LIMITS.conditions),
  eqavet: eqavetSchema,
  rules: rulesSchema,
  groups: z.array(groupSchema).min(1).max(LIMITS.groups),
});

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkGroup = z.infer<typeof groupSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type DataField = z.infer<typeof dataFieldSchema>;
export type DerivedRule = z.infer<typeof derivedSchema>;
export type ProgrammeDataSource = (typeof programmeDataSources)[number];
export type Condition = z.infer<typeof conditionSchema>;
export type FrameworkRules = z.infer<typeof rulesSchema>;
export type AccreditationCycleRule = z.infer<typeof accreditationCycleSchema>;
export type SamplingRule = z.infer<typeof samplingSchema>;
export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type CriticalRule = z.infer<typeof criticalRuleSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type CriterionMinimum = z.infer<typeof criterionMinimumSchema>;
export type EvidenceType = z.infer<typeof evidenceTypeSchema>;
export type EvidenceCode = EvidenceType['code'];
export type Sector = z.infer<typeof sectorSchema>;
export type ActivityCode = z.infer<typeof activityCodeSchema>;
export type RatingValue = z.infer<typeof ratingValueSchema>;
