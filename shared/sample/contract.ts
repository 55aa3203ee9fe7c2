import { z } from 'zod';
import { idSchema } from '../institutions/schema';

/** The guided sample: a demo institution with a draft inspection that is mostly rated already. */
export const sampleAssessmentSchema = z.object({
  institutionId: idSchema,
  assessmentId: idSchema,
  /** False when the sample existed already and was returned as it is. */
  created: z.boolean(),
  /** Applicable units still unanswered: what the guide asks the user to rate. */
  toRate: z.number().int().nonnegative(),
});

export type SampleAssessment = z.infer<typeof sampleAssessmentSchema>;

/** Channels of the guided sample assessment. */
export const sampleContract = {
  /**
   * Makes the sample (institution, two programmes, a draft inspection with most criteria rated and two
   * evidence files) the first time; afterwards returns the same one, so it is never made twice.
   */
  'sample:create': {
    request: z.object({}).strict(),
    response: sampleAssessmentSchema,
  },
} as const;
