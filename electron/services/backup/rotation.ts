import fs from 'node:fs';
import path from 'node:path';
import type { BackupReason } from '../../../shared/backup/schema';

/** How many backups are kept. */
export const retention = {
  /** Scheduled backups: the newest of each of the 7 most recent days that have one… */
  daily: 7,
  /** …and the newest of each of the 4 most recent weeks (ISO weeks, Monday to Sunday, UTC) that have one. */
  weekly: 4,
  /** Backups made before a migration, an import or a restore: the newest 5 of each reason. */
  safety: 5,
} as const;

export interface RotatedBackup {
  id: string;
  reason: BackupReason;
  createdAt: string;
}

/**
 * The backups rotation removes. Buckets count the days and weeks that HAVE backups, not calendar days
 * back from today: a laptop left in a drawer for a month still has its last week of backups when it is
 * switched on again. Manual backups ("Back up now") are the user's and are never removed here; `keep`
 * protects backups in use (the one a restore is reading).
 */
export function expiredBackups(all: readonly RotatedBackup[], keep: ReadonlySet<string> = new Set()): string[] {
  const newestFirst = [...all].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id)));
  const kept = new Set<string>(keep);

  const scheduled = newestFirst.filter((b) => b.reason === 'scheduled');
  keepNewestPerBucket(scheduled, (b) => b.createdAt.slice(0, 10), retention.daily, kept);
  keepNewestPerBucket(scheduled, (b) => isoWeek(b.createdAt), retention.weekly, kept);

  for (const reason of ['before-migration', 'before-import', 'before-restore'] as const) {
    for (const b of newestFirst.filter((x) => x.reason === reason).slice(0, retention.safety)) kept.add(b.id);
  }
  return newestFirst.filter((b) => b.reason !== 'manual' && !kept.has(b.id)).map((b) => b.id);
}

function keepNewestPerBucket(newestFirst: RotatedBackup[], bucketOf: (b: RotatedBackup) => string, buckets: number, kept: Set<string>) {
  const seen = new Set<string>();
  for (const b of newestFirst) {
    const bucket = bucketOf(b);
    if (seen.has(bucket)) continue;
    if (seen.size === buckets) break;
    seen.add(bucket);
    kept.add(b.id);
  }
}

/** `2025-W11`: the ISO week (UTC) of a time. */
export function isoWeek(isoTime: string): string {
  const d = new Date(isoTime);
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Hour after which a `.partial-*` folder is a backup that was interrupted (a crash, a power cut), not one being made. */
const abandonedAfterMs = 60 * 60 * 1000;

/** Removes interrupted backups: they have no manifest and were never listed. */
export function removeAbandonedPartials(backupsDir: string, nowMs: number): void {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith('.partial-')) continue;
    const full = path.join(backupsDir, name);
    try {
      if (nowMs - fs.statSync(full).mtimeMs > abandonedAfterMs) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // left for the next rotation
    }
  }
}
