import { z } from 'zod';
import { activityCodeSchema, sectorSchema } from './schema';
import type { Sector } from './schema';

/**
 * What a framework's conditions may ask about a programme. Conditions are declared in the framework
 * (`programme-flag`, `programme-activity`) and evaluated against these facts, never against ids.
 */
export interface ProgrammeFacts {
  sector: Sector | 'other';
  mobilityTrack: boolean;
  activities: string[];
}

export const programmeFactsSchema = z.strictObject({
  sector: z.union([sectorSchema, z.literal('other')]),
  mobilityTrack: z.boolean(),
  activities: z.array(activityCodeSchema).max(activityCodeSchema.options.length),
});
