import { z } from 'zod';
import { criterionIdPattern } from '../framework/schema';
import { idSchema } from '../institutions/schema';
import { noteText } from '../validation/fields';
import { moveNoteSchema } from './framework-moves';
import { gapReportSchema } from './gap';
import {
  assessmentCreateInputSchema,
  assessmentKinds,
  assessmentSchema,
  assessmentStatuses,
  assessmentSummarySchema,
  correctiveActionSchema,
  correctiveActionStatuses,
  correctiveActionUpdateSchema,
  dateOnlySchema,
  findingActionSchema,
  findingActionTextSchema,
  ratingPatchSchema,
  ratingSchema,
  teamMemberSchema,
} from './schema';

const revisionSchema = z.number().int().nonnegative();
const reasonSchema = noteText(2000).trim().min(5, { error: 'validation.reasonRequired' });

/**
 * Channels of assessments and corrective actions. The renderer scores live with the pure functions in
 * shared/scoring; the services compute the authoritative result with the same code when an assessment
 * is submitted and finalised, and refuse every change to a finalised one.
 */
export const assessmentsContract = {
  /** Newest first, a page at a time (default the first 200): head office holds national numbers. */
  'assessments:list': {
    request: z
      .object({
        institutionId: idSchema.optional(),
        kind: z.enum(assessmentKinds).optional(),
        status: z.enum(assessmentStatuses).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
      })
      .strict(),
    response: z.object({ items: z.array(assessmentSummarySchema), total: z.number().int().min(0) }),
  },
  'assessments:get': {
    request: z.object({ id: idSchema }).strict(),
    response: z.object({ assessment: assessmentSchema, ratings: z.array(ratingSchema) }),
  },
  'assessments:create': {
    request: assessmentCreateInputSchema,
    response: assessmentSchema,
  },
  'assessments:update-details': {
    request: z
      .object({
        id: idSchema,
        revision: revisionSchema,
        team: z.array(teamMemberSchema).min(1).max(20),
        plannedStart: dateOnlySchema,
        plannedEnd: dateOnlySchema,
        siteVisitDate: dateOnlySchema,
      })
      .strict(),
    response: assessmentSchema,
  },
  /** Autosave: one call per change to one rated unit. Refused ('locked') unless the assessment is a draft. */
  'assessments:save-rating': {
    request: z
      .object({
        assessmentId: idSchema,
        criterionId: z.string().max(16),
        programmeId: idSchema.nullable(),
        patch: ratingPatchSchema,
      })
      .strict(),
    response: z.object({ rating: ratingSchema }),
  },
  'assessments:submit': {
    request: z.object({ id: idSchema, revision: revisionSchema }).strict(),
    response: assessmentSchema,
  },
  /** A reviewer sends a submitted assessment back to the team, with a reason. */
  'assessments:return-to-draft': {
    request: z.object({ id: idSchema, revision: revisionSchema, reason: reasonSchema }).strict(),
    response: assessmentSchema,
  },
  'assessments:finalise': {
    request: z.object({ id: idSchema, revision: revisionSchema }).strict(),
    response: assessmentSchema,
  },
  /** Creates revision n+1 as a new draft copied from a finalised assessment; the finalised one stays as it was. */
  'assessments:reopen': {
    request: z.object({ id: idSchema, reason: reasonSchema }).strict(),
    response: assessmentSchema,
  },
  /**
   * Moves a draft to another version of its framework, mapping ratings by criterion id. With
   * `apply: false` it only previews what would change.
   */
  'assessments:change-framework': {
    request: z.object({ id: idSchema, revision: revisionSchema, frameworkVersionId: idSchema, apply: z.boolean() }).strict(),
    response: z.object({
      added: z.array(z.string()),
      removed: z.array(z.string()),
      reworded: z.array(z.string()),
      changed: z.array(z.string()),
      droppedRatings: z.number().int(),
      /** Figures moved to another criterion, figures to enter or check, ratings to review (framework-moves.ts). */
      notes: z.array(moveNoteSchema),
      assessment: assessmentSchema.nullable(),
    }),
  },
  /**
   * A self-assessment against an inspection or follow-up of the same institution (domain notes §7.2), on
   * the ratings that count for each: the ones their scores and reports use (shared/assessments/gap.ts).
   */
  'assessments:gap': {
    request: z.object({ selfId: idSchema, inspectionId: idSchema }).strict(),
    response: z.object({ report: gapReportSchema }),
  },
  'corrective-actions:list': {
    request: z
      .object({
        institutionId: idSchema.optional(),
        assessmentId: idSchema.optional(),
        status: z.enum(correctiveActionStatuses).optional(),
        /** Only actions not yet verified and closed (open, in progress or completed): the institution page and follow-ups. */
        openOnly: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ items: z.array(correctiveActionSchema) }),
  },
  'corrective-actions:update': {
    request: z.object({ id: idSchema, revision: revisionSchema, update: correctiveActionUpdateSchema }).strict(),
    response: correctiveActionSchema,
  },
  /**
   * The non-conformities of an assessment as scored now from its stored ratings, each with the action the
   * inspector has written for it (finalised or not; actions are raised from these at finalisation).
   */
  'corrective-actions:findings': {
    request: z.object({ assessmentId: idSchema }).strict(),
    response: z.object({ items: z.array(findingActionSchema) }),
  },
  /**
   * The inspector writes the required action and its closing evidence for one finding, while the assessment
   * is a draft or under review. `previous` is the text the form started from: if someone saved other text
   * meanwhile the write is refused (conflict) rather than overwriting it.
   */
  'corrective-actions:write': {
    request: z
      .object({
        assessmentId: idSchema,
        criterionId: z.string().max(9).regex(criterionIdPattern),
        programmeId: idSchema.nullable(),
        text: findingActionTextSchema,
        previous: z.object({ actionRequired: z.string().max(2000), closingEvidence: z.string().max(2000) }).strict(),
      })
      .strict(),
    response: findingActionSchema,
  },
  /** A follow-up assessment verifies an action: closed with evidence, or still open. */
  'corrective-actions:verify': {
    request: z
      .object({
        id: idSchema,
        revision: revisionSchema,
        followUpAssessmentId: idSchema,
        closed: z.boolean(),
        note: noteText(5000).trim(),
      })
      .strict(),
    response: correctiveActionSchema,
  },
} as const;
