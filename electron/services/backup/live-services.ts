import path from 'node:path';
import { backupRefusal } from '../../../shared/backup/messages';
import type { BackupSummary, RestoreOutcome } from '../../../shared/backup/schema';
import { channels, type Channel } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/result';
import { AppServices, type AppServicesOptions } from '../app-services';
import { createHandlers, type Handlers, type HostKind } from '../handlers';
import { storageRefusal } from '../support/storage-errors';
import { readManifest, summaryOf, type BackupManifest } from './manifest';
import { putBackFiles, rewriteChangeLogHead, swapInDatabase } from './restore-files';

/** How long a restore waits for requests already running (a report being printed, files being attached). */
const idleWaitMs = 60_000;

/**
 * The services a host runs on, able to close and reopen them: a restore replaces the database file, and
 * everything built over the old connection (prepared statements, caches, the head file's handle) must
 * go with it. Hosts hold one of these instead of an AppServices and dispatch through `handlers`, which
 * always reach the services open now. While a restore runs, new requests wait for it, and it waits for
 * the ones already running, so no request ever sees a closed database.
 */
export class LiveServices {
  private services: AppServices;
  private built: { services: AppServices; handlers: Handlers } | null = null;
  private active = 0;
  private idleWaiters: (() => void)[] = [];
  private restoring: Promise<unknown> | null = null;
  private broken: unknown = null;
  /** Every contract channel, forwarded to the services open at the time of the call. */
  readonly handlers: Handlers;

  constructor(
    private readonly options: AppServicesOptions,
    private readonly host: HostKind,
  ) {
    this.services = new AppServices(options);
    this.handlers = Object.fromEntries(
      channels.map((channel) => [channel, (request: unknown) => this.call(channel, request)]),
    ) as unknown as Handlers;
  }

  /** The services open now (a different object after a restore: never keep it across requests). */
  get current(): AppServices {
    if (this.broken !== null) throw new AppError('internal', backupRefusal('reopenFailed'));
    return this.services;
  }

  /** The scheduled backup, when one is due; waits for a restore in progress like any request. */
  backupIfDue(): Promise<BackupSummary | null> {
    return this.whileOpen(() => this.current.backups.createIfDue());
  }

  /**
   * Restores a backup: checks it whole (a damaged one is refused and nothing changes), backs up the
   * current state (`before-restore`), closes the services, puts the backup's database, evidence files and
   * reports in place, rewrites the change-log head file to the restored log, and reopens — migrating a
   * backup from an older version as any older data folder is. If the restored data cannot be opened, the
   * state from just before is put back the same way.
   */
  async restore(backupId: string): Promise<RestoreOutcome> {
    if (this.restoring !== null) throw new AppError('locked', backupRefusal('busy'));
    const run = this.restoreNow(backupId);
    this.restoring = run;
    try {
      return await run;
    } finally {
      this.restoring = null;
    }
  }

  close(): void {
    this.services.close();
  }

  private async restoreNow(backupId: string): Promise<RestoreOutcome> {
    await this.idle();
    const before = this.current;
    const { dir, manifest } = await before.backups.verify(backupId);
    const safety = await before.backups.create('before-restore', [backupId]);
    const safetyDir = path.join(before.backups.folder, safety.id);
    const safetyManifest = readManifest(safetyDir);
    if (safetyManifest === null) throw new AppError('io', backupRefusal('damagedManifest'));
    before.close();
    let filesPutBack: number;
    try {
      filesPutBack = this.putInPlace(dir, manifest);
      this.services = new AppServices(this.options);
    } catch (error) {
      this.recover(safetyDir, safetyManifest);
      throw storageRefusal(error) ?? new AppError('io', backupRefusal('reopenFailed'));
    }
    const restored = summaryOf(manifest);
    try {
      this.services.backups.recordRestore(restored, safety, filesPutBack);
    } catch {
      // The restore is done and the head file matches it; only the note in the log is missing.
    }
    return { restored, safetyBackup: safety, filesPutBack };
  }

  private putInPlace(dir: string, manifest: BackupManifest): number {
    swapInDatabase(this.options.dataDir, dir, manifest);
    const putBack = putBackFiles(this.options.dataDir, dir, manifest);
    rewriteChangeLogHead(this.options.dataDir, manifest.changeLog);
    return putBack;
  }

  /** Puts the state from just before the restore back; if even that cannot be opened, the host stops answering. */
  private recover(safetyDir: string, safety: BackupManifest): void {
    try {
      this.putInPlace(safetyDir, safety);
      this.services = new AppServices(this.options);
    } catch (error) {
      this.broken = error;
      throw new AppError('internal', backupRefusal('reopenFailed'));
    }
  }

  private async call(channel: Channel, request: unknown): Promise<unknown> {
    const handler = () => (this.handlersNow()[channel] as (r: unknown) => unknown)(request);
    // A restore waits for the other requests itself; counting it among them would make it wait for itself.
    if (channel === 'backups:restore') return handler();
    return this.whileOpen(handler);
  }

  private async whileOpen<T>(work: () => T | Promise<T>): Promise<T> {
    while (this.restoring !== null) await this.restoring.catch(() => undefined);
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      if (this.active === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  private handlersNow(): Handlers {
    const services = this.current;
    if (this.built?.services !== services) {
      this.built = { services, handlers: createHandlers(services, this.host, { restoreBackup: (id) => this.restore(id) }) };
    }
    return this.built.handlers;
  }

  private idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== wake);
        reject(new AppError('locked', backupRefusal('busy')));
      }, idleWaitMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.idleWaiters.push(wake);
    });
  }
}
