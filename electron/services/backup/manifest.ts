import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupHeadSchema, backupIdSchema, backupReasonSchema, type BackupSummary } from '../../../shared/backup/schema';
import { privateFileMode } from '../support/private-files';

/** The backups of a data folder: `<data>/backups/<id>/`. */
export function backupsDirIn(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export const manifestName = 'manifest.json';
export const databaseCopyName = 'tvet-inspector.db';

/**
 * Files a backup holds besides the database, named as in the data folder. Both kinds are
 * content-addressed (the name is the SHA-256 of the bytes) and never rewritten, so a backup can hard-link
 * them instead of copying. The pattern is the only way a manifest can name a path: a manifest edited to
 * say `../../etc/passwd` names nothing.
 */
const filePathPattern = /^(?:evidence\/objects\/([0-9a-f]{2})\/([0-9a-f]{64})|reports\/([0-9a-f]{64})\.pdf)$/;

/** The SHA-256 a stored file's name promises, or null when the path is not one a backup can hold. */
export function hashNamedBy(relativePath: string): string | null {
  const m = filePathPattern.exec(relativePath);
  if (!m) return null;
  if (m[2] !== undefined) return m[2].startsWith(m[1]!) ? m[2] : null;
  return m[3] ?? null;
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal('tvet-inspector-backup'),
  formatVersion: z.literal(1),
  id: backupIdSchema,
  createdAt: z.string(),
  reason: backupReasonSchema,
  appVersion: z.string().max(64),
  schemaVersion: z.number().int().nonnegative(),
  database: z.object({ file: z.literal(databaseCopyName), bytes: z.number().int().nonnegative(), sha256 }),
  /** The newest change-log entry in the copy; the head file is rewritten to it on restore. */
  changeLog: backupHeadSchema,
  files: z.array(
    z.object({
      path: z.string().refine((p) => hashNamedBy(p) !== null),
      sha256,
      bytes: z.number().int().nonnegative(),
    }),
  ),
  /** Files the database refers to that were already missing from the data folder when the backup was made. */
  missing: z.array(z.string().max(200)),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export function summaryOf(m: BackupManifest): BackupSummary {
  const fileBytes = m.files.reduce((sum, f) => sum + f.bytes, 0);
  return {
    id: m.id,
    createdAt: m.createdAt,
    reason: m.reason,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    sizeBytes: m.database.bytes + fileBytes,
    databaseBytes: m.database.bytes,
    files: m.files.length,
    changeLog: m.changeLog,
  };
}

/** The manifest of a finished backup, or null when there is none or it is not one this app wrote. */
export function readManifest(backupDir: string): BackupManifest | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(backupDir, manifestName), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.id === path.basename(backupDir) ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written last, flushed, so a backup folder with a manifest is a complete one. */
export function writeManifest(backupDir: string, manifest: BackupManifest): void {
  const fd = fs.openSync(path.join(backupDir, manifestName), 'wx', privateFileMode);
  try {
    fs.writeSync(fd, `${JSON.stringify(manifest, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** `2025-03-10T08:15:00.123Z` → `20250310T081500123Z`, the start of a backup's id. */
export function idStamp(isoTime: string): string {
  return new Date(isoTime).toISOString().replace(/[-:.]/g, '');
}
