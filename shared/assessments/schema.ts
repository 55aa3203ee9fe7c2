import { z } from 'zod';
import { evidenceCodePattern } from '../framework/schema';
import { idSchema } from '../institutions/schema';
import { cefrLevels, programmeActivities, sectors } from '../institutions/reference-data';
import { dataValuesSchema } from '../scoring/inputs';
import { noteText, optionalText, requiredText } from '../validation/fields';

// Evidence types are declared by each framework; a code is checked against the pinned framework in the service.
const evidenceCodeSchema = z.string().regex(evidenceCodePattern);

export const assessmentKinds = ['self-assessment', 'inspection', 'follow-up'] as const;
export const assessmentStatuses = ['draft', 'submitted', 'finalised'] as const;
export const teamRoles = ['lead-inspector', 'inspector', 'administrator', 'observer'] as const;
export const institutionDecisions = ['recommended', 'recommended-with-conditions', 'deferred', 'not-recommended'] as const;
export const findingClasses = ['critical', 'major', 'minor'] as const;
export const correctiveActionStatuses = ['open', 'in-progress', 'completed', 'verified-closed'] as const;

export type AssessmentKind = (typeof assessmentKinds)[number];
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** A calendar date (YYYY-MM-DD) or empty when not yet planned. */
export const dateOnlySchema = z.union([z.literal(''), z.iso.date({ error: 'validation.date' })]);

export const teamMemberSchema = z.object({
  name: requiredText(120),
  role: z.enum(teamRoles, { error: 'validation.choose' }),
});

/** 0–3 on the inspection scale, 'na' for not applicable, null for not yet rated. */
export const ratingAnswerSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('na'), z.null()]);

export const assessmentCreateInputSchema = z
  .object({
    kind: z.enum(assessmentKinds, { error: 'validation.choose' }),
    institutionId: idSchema,
    programmeIds: z.array(idSchema).max(50),
    frameworkVersionId: idSchema,
    team: z.array(teamMemberSchema).min(1, { error: 'validation.teamRequired' }).max(20),
    plannedStart: dateOnlySchema,
    plannedEnd: dateOnlySchema,
    siteVisitDate: dateOnlySchema,
    /** For a follow-up: the assessment whose findings and corrective actions it verifies. */
    followsAssessmentId: idSchema.nullable(),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'follow-up' && a.followsAssessmentId === null) {
      ctx.addIssue({ code: 'custom', path: ['followsAssessmentId'], message: 'validation.followUpNeedsPrevious' });
    }
    if (a.plannedStart !== '' && a.plannedEnd !== '' && a.plannedEnd < a.plannedStart) {
      ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'validation.endBeforeStart' });
    }
  });

/** The programme as it was when the assessment started: scores must recompute the same years later. */
export const programmeSnapshotSchema = z.object({
  id: idSchema,
  titleEn: z.string(),
  titleBn: z.string(),
  sector: z.enum(sectors),
  mobilityTrack: z.boolean(),
  activities: z.array(z.enum(programmeActivities)),
  destinationCountry: z.string(),
  targetLanguage: z.string(),
  targetCefr: z.union([z.enum(cefrLevels), z.literal('')]),
});

/** The authoritative result stored when an assessment is submitted or finalised. */
export const storedScoreSchema = z.object({
  overallPct: z.number().nullable(),
  decision: z.enum(institutionDecisions),
  complete: z.boolean(),
  computedAt: z.string(),
});

export const assessmentSchema = z.object({
  id: idSchema,
  kind: z.enum(assessmentKinds),
  status: z.enum(assessmentStatuses),
  institutionId: idSchema,
  institutionNameEn: z.string(),
  institutionNameBn: z.string(),
  frameworkVersionId: idSchema,
  frameworkId: z.string(),
  frameworkVersion: z.string(),
  frameworkContentHash: z.string(),
  programmes: z.array(programmeSnapshotSchema),
  team: z.array(teamMemberSchema),
  plannedStart: dateOnlySchema,
  plannedEnd: dateOnlySchema,
  siteVisitDate: dateOnlySchema,
  followsAssessmentId: idSchema.nullable(),
  /** 1 for the first version; reopening a finalised assessment creates revision n+1 as a new record. */
  revisionNumber: z.number().int().min(1),
  previousRevisionId: idSchema.nullable(),
  reopenReason: z.string(),
  submittedAt: z.string().nullable(),
  /** Who submitted it for review (empty until then): the four-eyes rule compares the finaliser with this name. */
  submittedBy: z.string(),
  finalisedAt: z.string().nullable(),
  finalisedBy: z.string(),
  score: storedScoreSchema.nullable(),
  revision: z.number().int().nonnegative(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

/** One rated unit: a criterion at the institution (programmeId null) or for one programme in scope. */
export const ratingSchema = z.object({
  criterionId: z.string(),
  programmeId: idSchema.nullable(),
  rating: ratingAnswerSchema,
  naReason: z.string(),
  note: z.string(),
  data: dataValuesSchema,
  /** The optional 0–4 maturity lens of self-assessments (framework.scale.maturity). */
  maturity: z.number().int().min(0).max(4).nullable(),
  /** Evidence types the assessor saw (DOC, REC, OBS, INT-*, DATA, PHOTO). */
  evidenceSeen: z.array(evidenceCodeSchema),
  /**
   * Why a critical criterion is rated "Met" without observation or record evidence (§7.1; migration 009).
   * Required to submit an inspection with such a rating; printed next to the rating in the report.
   * Always a string when read from the services ('' when none); optional for older shapes.
   */
  overrideReason: z.string().optional(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

/**
 * A partial change to one rated unit; what autosave sends. Omitted fields stay as they are; `data`, when
 * sent, replaces the unit's data values as a whole. Choosing a `maturity` level (self-assessments, groups
 * in framework.scale.maturityGroups) also sets the rating it maps to.
 */
export const ratingPatchSchema = z
  .object({
    rating: ratingAnswerSchema.optional(),
    naReason: optionalText(2000).optional(),
    note: noteText(20_000).optional(),
    data: dataValuesSchema.optional(),
    maturity: z.number().int().min(0).max(4).nullable().optional(),
    evidenceSeen: z.array(evidenceCodeSchema).max(20).optional(),
    overrideReason: noteText(2000).optional(),
  })
  .strict();

export const assessmentSummarySchema = z.object({
  id: idSchema,
  kind: z.enum(assessmentKinds),
  status: z.enum(assessmentStatuses),
  institutionId: idSchema,
  institutionNameEn: z.string(),
  institutionNameBn: z.string(),
  frameworkVersion: z.string(),
  revisionNumber: z.number().int(),
  siteVisitDate: dateOnlySchema,
  /** Rated units / applicable units, for progress bars. */
  answered: z.number().int(),
  total: z.number().int(),
  score: storedScoreSchema.nullable(),
  updatedAt: z.string(),
});

/** Text in both languages, as a framework holds it. */
const bothLanguagesSchema = z.object({ en: z.string(), bn: z.string() });

/**
 * What a corrective action is about, looked up in its assessment's pinned framework each time it is read
 * (never stored as a sentence), so every reader sees it in their own language.
 */
export const actionCriterionSchema = z.object({
  title: bothLanguagesSchema,
  /** The kinds of evidence the criterion asks for (document review, observation…), for the suggested closing evidence. */
  evidence: z.array(bothLanguagesSchema),
});

/**
 * The parts an inspector writes for a finding. Empty means not written yet: screens offer, and reports
 * print, the suggestion made from the finding (see shared/assessments/corrective-action-text.ts).
 */
const actionPartsShape = {
  actionRequired: z.string(),
  closingEvidence: z.string(),
  /** The inspector's note on the finding, which the suggestion quotes. */
  findingNote: z.string(),
  criterion: actionCriterionSchema.nullable(),
};

export const correctiveActionSchema = z.object({
  ...actionPartsShape,
  id: idSchema,
  assessmentId: idSchema,
  institutionId: idSchema,
  criterionId: z.string(),
  programmeId: idSchema.nullable(),
  findingClass: z.enum(findingClasses),
  description: z.string(),
  owner: z.string(),
  dueDate: dateOnlySchema,
  status: z.enum(correctiveActionStatuses),
  institutionResponse: z.string(),
  verificationNote: z.string(),
  verifiedInAssessmentId: idSchema.nullable(),
  verifiedAt: z.string().nullable(),
  revision: z.number().int().nonnegative(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const correctiveActionUpdateSchema = z
  .object({
    owner: optionalText(200),
    dueDate: dateOnlySchema,
    status: z.enum(correctiveActionStatuses),
    institutionResponse: optionalText(5000),
    description: optionalText(5000),
  })
  .strict();

export type AssessmentCreateInput = z.output<typeof assessmentCreateInputSchema>;
export type AssessmentCreateFormValues = z.input<typeof assessmentCreateInputSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
export type ProgrammeSnapshot = z.infer<typeof programmeSnapshotSchema>;
export type Rating = z.infer<typeof ratingSchema>;
export type RatingPatch = z.infer<typeof ratingPatchSchema>;
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;
/** A non-conformity of an assessment not yet finalised, with the action the inspector has written for it. */
export const findingActionSchema = z.object({
  ...actionPartsShape,
  criterionId: z.string(),
  programmeId: idSchema.nullable(),
  findingClass: z.enum(findingClasses),
  /** Days to the due date, counted from finalisation (the framework's rule for this class). */
  dueDays: z.number().int().nullable(),
});

/** What the inspector writes; both parts are required (the form starts from the suggestion). */
export const findingActionTextSchema = z
  .object({
    actionRequired: requiredText(2000),
    closingEvidence: requiredText(2000),
  })
  .strict();

export type CorrectiveAction = z.infer<typeof correctiveActionSchema>;
export type ActionCriterion = z.infer<typeof actionCriterionSchema>;
export type FindingAction = z.infer<typeof findingActionSchema>;
export type FindingActionText = z.infer<typeof findingActionTextSchema>;
export type CorrectiveActionUpdate = z.infer<typeof correctiveActionUpdateSchema>;
export type StoredScore = z.infer<typeof storedScoreSchema>;
