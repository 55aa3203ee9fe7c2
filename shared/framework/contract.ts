import { z } from 'zod';
import { frameworkSchema } from '../framework/schema';

export const frameworkVersionSummarySchema = z.object({
  id: z.uuid(),
  frameworkId: z.string(),
  version: z.string(),
  titleEn: z.string(),
  titleBn: z.string(),
  contentHash: z.string(),
  criteria: z.number().int(),
  source: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type FrameworkVersionSummary = z.infer<typeof frameworkVersionSummarySchema>;

/** Channels of the framework library. */
export const frameworksContract = {
  'frameworks:list': {
    request: z.object({}).strict(),
    response: z.object({ items: z.array(frameworkVersionSummarySchema) }),
  },
  'frameworks:get': {
    request: z.object({ id: z.uuid() }).strict(),
    response: z.object({ summary: frameworkVersionSummarySchema, framework: frameworkSchema }),
  },
} as const;
