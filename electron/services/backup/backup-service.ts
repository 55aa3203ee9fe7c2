import fs from 'node:fs';
import path from 'node:path';
import { backupIdPattern, type BackupList, type BackupReason, type BackupSummary } from '../../../shared/backup/schema';
import type { Db } from '../db/open-database';
import type { Mutator } from '../db/mutator';
import type { Clock } from '../support/clock';
import { storageRefusal } from '../support/storage-errors';
import { backupOnline } from './create-backup';
import { backupsDirIn, readManifest, summaryOf, type BackupManifest } from './manifest';
import { expiredBackups, removeAbandonedPartials } from './rotation';
import { backupDirOf, verifyBackup, type VerifiedBackup } from './verify-backup';

export interface BackupServiceDeps {
  db: Db;
  mutator: Mutator;
  dataDir: string;
  appVersion: string;
  clock: Clock;
  /** The newest schema this app knows: a backup from a newer app is refused. */
  latestSchema: number;
}

/** A backup that is due: the newest scheduled one is older than this (or there is none). */
export const scheduledEveryMs = 24 * 60 * 60 * 1000;

/**
 * Backups of one data folder (see manifest.ts for what a backup holds). Backups are made one at a time:
 * a scheduled backup and a "Back up now" pressed meanwhile queue rather than race for the same folder.
 * Restoring needs the database closed and reopened, which only the owner of the services can do: see
 * live-services.ts.
 */
export class BackupService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: BackupServiceDeps) {}

  get folder(): string {
    return backupsDirIn(this.deps.dataDir);
  }

  list(): BackupList {
    return { folder: this.folder, items: this.manifests().map(summaryOf) };
  }

  /** Makes an online backup now and rotates the old ones (never the ones in `keep`). */
  create(reason: BackupReason, keep: readonly string[] = []): Promise<BackupSummary> {
    const run = this.queue.then(async () => {
      const manifest = await backupOnline(this.deps.db, {
        dataDir: this.deps.dataDir,
        reason,
        appVersion: this.deps.appVersion,
        now: this.deps.clock.now(),
      });
      this.rotate([manifest.id, ...keep]);
      return summaryOf(manifest);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A scheduled backup when the newest one is a day old (or there is none); null when none was due. */
  async createIfDue(): Promise<BackupSummary | null> {
    const newest = this.manifests().find((m) => m.reason === 'scheduled');
    const age = newest ? Date.parse(this.deps.clock.now()) - Date.parse(newest.createdAt) : Infinity;
    return age >= scheduledEveryMs ? this.create('scheduled') : null;
  }

  verify(id: string): Promise<VerifiedBackup> {
    return verifyBackup(this.deps.dataDir, id, this.deps.latestSchema);
  }

  delete(id: string): { deleted: string } {
    const dir = backupDirOf(this.deps.dataDir, id);
    try {
      // Renamed away first, so a deletion cut short never leaves a half backup under its id.
      const doomed = path.join(this.folder, `.partial-deleting-${id}`);
      fs.renameSync(dir, doomed);
      fs.rmSync(doomed, { recursive: true, force: true });
    } catch (error) {
      throw storageRefusal(error) ?? error;
    }
    return { deleted: id };
  }

  /** Logged in the restored database, so its change log says why it stops where it does and then goes on. */
  recordRestore(restored: BackupSummary, safety: BackupSummary, filesPutBack: number): void {
    this.deps.mutator.run((m) =>
      m.record({
        entity: 'backup',
        entityId: restored.id,
        action: 'restored',
        payload: { restoredHead: restored.changeLog, replacedBy: safety.id, replacedHead: safety.changeLog, filesPutBack },
      }),
    );
  }

  /** Finished backups, newest first; folders without a readable manifest are not backups. */
  private manifests(): BackupManifest[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.folder);
    } catch {
      return [];
    }
    return names
      .filter((name) => backupIdPattern.test(name))
      .map((name) => readManifest(path.join(this.folder, name)))
      .filter((m): m is BackupManifest => m !== null)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id)));
  }

  private rotate(keep: readonly string[]): void {
    removeAbandonedPartials(this.folder, Date.now());
    for (const id of expiredBackups(this.manifests(), new Set(keep))) {
      try {
        this.delete(id);
      } catch {
        // A backup that cannot be removed now is removed by a later rotation.
      }
    }
  }
}
