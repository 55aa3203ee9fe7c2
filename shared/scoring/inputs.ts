import { z } from 'zod';
import { programmeFactsSchema } from '../framework/programme-facts';
import type { ProgrammeFacts } from '../framework/programme-facts';
import { ratingValueSchema } from '../framework/schema';
import type { RatingValue } from '../framework/schema';

/** A rating as entered: a 0–3 score, 'na' (not applicable, with a written reason elsewhere) or null (not yet answered). */
export type RatingAnswer = RatingValue | 'na' | null;

/** Numeric and coded data typed for a criterion's data fields, by field id. */
export type DataValues = Record<string, number | string | null>;

/** One answer for one unit of audit: a criterion at institution level (programmeId null) or for one programme. */
export interface RatingEntry {
  criterionId: string;
  programmeId: string | null;
  rating: RatingAnswer;
  data?: DataValues;
  /**
   * Evidence types seen for the unit (ticked or attached; shared/scoring/evidence-rules.ts). When given,
   * the §7.1 evidence rules decide how a typed rating counts; when absent, the typed rating counts as typed.
   */
  evidence?: readonly string[];
}

export interface ScopeProgramme {
  id: string;
  title?: string;
  facts: ProgrammeFacts;
}

/** The programmes sampled in this assessment; the institution itself is always in scope. */
export interface AssessmentScope {
  programmes: ScopeProgramme[];
}

// Schemas for the same shapes, for the IPC contract and for stored assessments. Bounds keep a
// corrupted or hostile file from making scoring do unbounded work.
export const dataValuesSchema = z
  .record(z.string().max(63), z.union([z.number(), z.string().max(4000), z.null()]))
  .refine((data) => Object.keys(data).length <= 50, { error: 'Too many data values.' });

export const ratingEntrySchema = z.strictObject({
  criterionId: z.string().max(9),
  programmeId: z.string().min(1).max(100).nullable(),
  rating: z.union([ratingValueSchema, z.literal('na'), z.null()]),
  data: dataValuesSchema.optional(),
  evidence: z.array(z.string().max(20)).max(40).optional(),
});

export const assessmentScopeSchema = z.strictObject({
  programmes: z
    .array(z.strictObject({ id: z.string().min(1).max(100), title: z.string().max(200).optional(), facts: programmeFactsSchema }))
    .max(100),
});

export const ratingEntriesSchema = z.array(ratingEntrySchema).max(200_000);
