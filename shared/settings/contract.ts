import { z } from 'zod';
import { settingsSchema, settingsUpdateSchema } from './schema';

/** Application-wide channels: app information and the user's settings. */
export const appContract = {
  'app:info': {
    request: z.object({}).strict(),
    response: z.object({
      appVersion: z.string(),
      host: z.enum(['electron', 'browser']),
      dataDir: z.string(),
      databasePath: z.string(),
      schemaVersion: z.number().int(),
    }),
  },
  'settings:get': {
    request: z.object({}).strict(),
    response: settingsSchema,
  },
  'settings:update': {
    request: settingsUpdateSchema,
    response: settingsSchema,
  },
} as const;
