import { backupRefusal } from '../../../shared/backup/messages';
import type { backupContract } from '../../../shared/backup/contract';
import type { RestoreOutcome } from '../../../shared/backup/schema';
import { AppError } from '../../../shared/ipc/result';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';

/** What only the host can do for the backup channels: a restore closes and reopens the services (live-services.ts). */
export interface BackupHostHooks {
  restoreBackup?: (backupId: string) => Promise<RestoreOutcome>;
}

export function backupHandlers({ backups }: AppServices, hooks: BackupHostHooks): HandlerMap<keyof typeof backupContract> {
  return {
    'backups:list': () => backups.list(),
    'backups:create': () => backups.create('manual'),
    'backups:restore': (r) => {
      if (!hooks.restoreBackup) throw new AppError('internal', backupRefusal('notHere'));
      return hooks.restoreBackup(r.backupId);
    },
    'backups:delete': (r) => backups.delete(r.backupId),
  };
}
