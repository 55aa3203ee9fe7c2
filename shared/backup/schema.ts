import { z } from 'zod';

/**
 * Why a backup was made. `scheduled` and `manual` are the user's history; the other three are safety
 * copies taken just before something that rewrites the database (see electron/services/backup/rotation.ts
 * for how long each is kept).
 */
export const backupReasons = ['scheduled', 'manual', 'before-migration', 'before-import', 'before-restore'] as const;
export type BackupReason = z.infer<typeof backupReasonSchema>;
export const backupReasonSchema = z.enum(backupReasons);

/**
 * A backup's id is its folder's name under `<data>/backups/`: the UTC time to the millisecond and the
 * reason, e.g. `20250310T081500123Z-scheduled` (and `-2`… when two are made in the same millisecond).
 * The pattern is strict because the id becomes a path: nothing else can name a folder.
 */
export const backupIdPattern = /^\d{8}T\d{9}Z-(?:scheduled|manual|before-migration|before-import|before-restore)(?:-\d{1,3})?$/;
export const backupIdSchema = z.string().max(64, { error: 'validation.tooLong' }).regex(backupIdPattern, { error: 'validation.id' });

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The newest change-log entry a backup holds: what `audit verify` expects after restoring it. */
export const backupHeadSchema = z.object({ count: z.number().int().nonnegative(), hash: sha256 });

/** One backup as the list shows it. */
export const backupSummarySchema = z.object({
  id: backupIdSchema,
  createdAt: z.string(),
  reason: backupReasonSchema,
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  /** The database copy plus the evidence files and reports it holds (counted once however they are stored). */
  sizeBytes: z.number().int().nonnegative(),
  databaseBytes: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  changeLog: backupHeadSchema,
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupListSchema = z.object({
  /** Where the backups are, for the screen to say (the data folder's `backups`). */
  folder: z.string(),
  /** Newest first. */
  items: z.array(backupSummarySchema),
});
export type BackupList = z.infer<typeof backupListSchema>;

export const restoreOutcomeSchema = z.object({
  restored: backupSummarySchema,
  /** The state just before the restore, kept as a backup of its own (reason `before-restore`). */
  safetyBackup: backupSummarySchema,
  /** The evidence files and reports put back because they were missing or damaged. */
  filesPutBack: z.number().int().nonnegative(),
});
export type RestoreOutcome = z.infer<typeof restoreOutcomeSchema>;
