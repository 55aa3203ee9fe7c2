import { z } from 'zod';
import {
  idSchema,
  institutionDetailSchema,
  institutionInputSchema,
  institutionListQuerySchema,
  institutionSchema,
  institutionSummarySchema,
  programmeInputSchema,
  programmeSchema,
} from './schema';

/** Channels of the institutions registry. */
export const institutionsContract = {
  'institutions:list': {
    request: institutionListQuerySchema,
    response: z.object({ items: z.array(institutionSummarySchema), total: z.number().int() }),
  },
  'institutions:get': {
    request: z.object({ id: idSchema }).strict(),
    response: institutionDetailSchema,
  },
  'institutions:create': {
    request: institutionInputSchema,
    response: institutionSchema,
  },
  'institutions:update': {
    request: z.object({ id: idSchema, revision: z.number().int().nonnegative(), input: institutionInputSchema }).strict(),
    response: institutionSchema,
  },
  'institutions:set-archived': {
    request: z.object({ id: idSchema, revision: z.number().int().nonnegative(), archived: z.boolean() }).strict(),
    response: institutionSchema,
  },
  'programmes:create': {
    request: z.object({ institutionId: idSchema, input: programmeInputSchema }).strict(),
    response: programmeSchema,
  },
  'programmes:update': {
    request: z.object({ id: idSchema, revision: z.number().int().nonnegative(), input: programmeInputSchema }).strict(),
    response: programmeSchema,
  },
  'programmes:set-archived': {
    request: z.object({ id: idSchema, revision: z.number().int().nonnegative(), archived: z.boolean() }).strict(),
    response: programmeSchema,
  },
} as const;
