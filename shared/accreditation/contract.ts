import { z } from 'zod';
import { idSchema } from '../institutions/schema';
import {
  appealSchema,
  assessmentCycleSchema,
  countersignInputSchema,
  cycleSchema,
  decideAppealInputSchema,
  institutionStandingSchema,
  lodgeAppealInputSchema,
} from './schema';

/**
 * The accreditation cycle around finalised inspections: validity and due dates, the countersignature a
 * negative outcome needs before it is finalised, and appeals. "Today" is the services' clock, so lists
 * and pages agree on what is due or overdue.
 */
export const accreditationContract = {
  'accreditation:assessment': {
    request: z.object({ assessmentId: idSchema }),
    response: assessmentCycleSchema,
  },
  /** The acting person countersigns a submitted not-recommended inspection; never its lead inspector or submitter. */
  'accreditation:countersign': {
    request: countersignInputSchema,
    response: assessmentCycleSchema,
  },
  'accreditation:lodge-appeal': {
    request: lodgeAppealInputSchema,
    response: appealSchema,
  },
  'accreditation:decide-appeal': {
    request: decideAppealInputSchema,
    response: appealSchema,
  },
  /** One institution's standing (its latest finalised inspection or follow-up) and its appeals. */
  'accreditation:institution': {
    request: z.object({ institutionId: idSchema }),
    response: z.object({ today: z.iso.date(), cycle: cycleSchema.nullable(), appeals: z.array(appealSchema) }),
  },
  /** Every institution's standing, for the lists' due and overdue filters. */
  'accreditation:standings': {
    request: z.object({}).strict(),
    response: z.object({ today: z.iso.date(), items: z.array(institutionStandingSchema) }),
  },
} as const;
