import { z } from 'zod';
import { backupIdSchema, backupListSchema, backupSummarySchema, restoreOutcomeSchema } from './schema';

const byBackup = z.object({ backupId: backupIdSchema }).strict();

/**
 * Backups of the data folder (database, evidence files and signed reports). Restoring first backs up
 * the current state, so a restore can itself be undone by restoring that backup.
 */
export const backupContract = {
  'backups:list': {
    request: z.object({}).strict(),
    response: backupListSchema,
  },
  'backups:create': {
    request: z.object({}).strict(),
    response: backupSummarySchema,
  },
  'backups:restore': {
    request: byBackup,
    response: restoreOutcomeSchema,
  },
  /** Manual backups are never removed by rotation: this is how they go. */
  'backups:delete': {
    request: byBackup,
    response: z.object({ deleted: backupIdSchema }),
  },
} as const;
