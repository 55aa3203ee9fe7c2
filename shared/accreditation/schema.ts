import { z } from 'zod';
import { assessmentKinds, dateOnlySchema, institutionDecisions } from '../assessments/schema';
import { idSchema } from '../institutions/schema';
import { userRoles } from '../settings/schema';
import { noteText, requiredText } from '../validation/fields';

export const appealDecisions = ['upheld', 'partly-upheld', 'rejected'] as const;
export type AppealDecision = (typeof appealDecisions)[number];

export const dueStates = ['current', 'due-soon', 'overdue'] as const;

const calendarDate = z.iso.date({ error: 'validation.date' });

/**
 * The validity and next due date of a finalised inspection or follow-up. `derived`: the inspection was
 * finalised before the app stored them (or arrived in an older package), so they are computed from its
 * finalisation date, outcome and pinned framework instead of read from the record.
 */
export const cycleSchema = z.object({
  assessmentId: idSchema,
  decision: z.enum(institutionDecisions),
  finalisedOn: calendarDate,
  validityMonths: z.number().int().min(0),
  /** '' when the outcome gives no validity (deferred, not recommended). */
  alignedUntil: dateOnlySchema,
  nextDue: calendarDate,
  dueState: z.enum(dueStates),
  /** The first overdue day, when overdue. */
  overdueSince: dateOnlySchema,
  derived: z.boolean(),
  /** The figures are the project's proposal, not an official standard (the framework has no own rule). */
  proposal: z.boolean(),
});
export type Cycle = z.infer<typeof cycleSchema>;

export const countersignatureSchema = z.object({
  name: z.string(),
  role: z.enum(userRoles),
  at: z.string(),
  comment: z.string(),
});
export type Countersignature = z.infer<typeof countersignatureSchema>;

export const appealSchema = z.object({
  id: idSchema,
  assessmentId: idSchema,
  institutionId: idSchema,
  receivedOn: calendarDate,
  grounds: z.string(),
  lodgedBy: z.string(),
  decision: z.union([z.literal(''), z.enum(appealDecisions)]),
  decidedBy: z.string(),
  decidedOn: dateOnlySchema,
  outcomeNote: z.string(),
  revision: z.number().int().nonnegative(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Appeal = z.infer<typeof appealSchema>;

export const appealWindowSchema = z.object({
  appealDays: z.number().int().min(0),
  /** The last day an appeal may be received. */
  deadline: calendarDate,
  open: z.boolean(),
  proposal: z.boolean(),
});

/** Everything the accreditation cycle says about one assessment. */
export const assessmentCycleSchema = z.object({
  assessmentId: idSchema,
  kind: z.enum(assessmentKinds),
  /** Set once finalised (inspections and follow-ups; a self-assessment carries no validity). */
  cycle: cycleSchema.nullable(),
  /** True while a submitted not-recommended inspection waits for a second reviewer's countersignature. */
  countersignRequired: z.boolean(),
  countersignature: countersignatureSchema.nullable(),
  appealWindow: appealWindowSchema.nullable(),
  appeals: z.array(appealSchema),
});
export type AssessmentCycle = z.infer<typeof assessmentCycleSchema>;

/** Where one institution stands: its latest finalised inspection or follow-up. */
export const institutionStandingSchema = z.object({
  institutionId: idSchema,
  cycle: cycleSchema,
});
export type InstitutionStanding = z.infer<typeof institutionStandingSchema>;

export const countersignInputSchema = z.object({
  assessmentId: idSchema,
  revision: z.number().int().nonnegative(),
  comment: noteText(2000).default(''),
});

export const lodgeAppealInputSchema = z.object({
  assessmentId: idSchema,
  receivedOn: calendarDate,
  grounds: requiredText(5000),
  lodgedBy: requiredText(200),
});
export type LodgeAppealInput = z.infer<typeof lodgeAppealInputSchema>;

export const decideAppealInputSchema = z.object({
  appealId: idSchema,
  revision: z.number().int().nonnegative(),
  decision: z.enum(appealDecisions, { error: 'validation.choose' }),
  decidedOn: calendarDate,
  outcomeNote: requiredText(5000),
});
export type DecideAppealInput = z.infer<typeof decideAppealInputSchema>;
