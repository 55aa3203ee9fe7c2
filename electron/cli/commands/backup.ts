import { parseArgs } from 'node:util';
import type { BackupSummary } from '../../../shared/backup/schema';
import { backupIdPattern } from '../../../shared/backup/schema';
import { LiveServices } from '../../services/backup/live-services';
import { cliServicesOptions, exitCodes, openServices, UsageError, type Output } from '../cli-context';

export const backupUsage = `backup list [--json]   the backups of the data folder, newest first (when, why, size)
backup create [--json]   back up the data folder now (database, evidence files, signed reports)
backup restore <id> [--json]   check the backup, back up the current state, then restore it: exit 1 if the backup is damaged (nothing changes)
backup delete <id> [--json]   delete one backup`;

/**
 * `backup`: the same service as the Backups screen. Close the desktop app before restoring from here:
 * the app keeps the database open and would not see the restored file.
 */
export async function runBackup(args: string[], o: Output): Promise<number> {
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const wantsId = verb === 'restore' || verb === 'delete';
  if (verb !== 'list' && verb !== 'create' && !wantsId) throw new UsageError(`Unknown command "backup ${verb ?? ''}".`);
  if (wantsId && positionals.length !== 1) throw new UsageError(`backup ${verb} takes the id of one backup (see backup list).`);
  if (!wantsId && positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  const id = positionals[0] ?? '';
  if (wantsId && !backupIdPattern.test(id)) throw new UsageError(`"${id}" is not a backup id (see backup list).`);

  if (verb === 'restore') {
    const live = new LiveServices(cliServicesOptions(values['data-dir']), 'browser');
    try {
      const outcome = await live.restore(id);
      if (o.json) o.out(JSON.stringify(outcome, null, 2));
      else {
        o.out(`Restored backup ${outcome.restored.id} (made ${outcome.restored.createdAt}, ${describe(outcome.restored)}).`);
        o.out(`The state before it was backed up first as ${outcome.safetyBackup.id}: restore that one to go back.`);
        if (outcome.filesPutBack > 0) o.out(`${outcome.filesPutBack} evidence file(s) or report(s) were put back.`);
        o.out(`The change log now ends at entry ${outcome.restored.changeLog.count} (plus one entry recording the restore).`);
      }
      return exitCodes.ok;
    } finally {
      live.close();
    }
  }

  const services = openServices(values['data-dir']);
  try {
    if (verb === 'list') {
      const list = services.backups.list();
      if (o.json) o.out(JSON.stringify(list, null, 2));
      else if (list.items.length === 0) o.out(`No backups yet in ${list.folder}.`);
      else {
        o.out(`Backups in ${list.folder}, newest first:`);
        for (const b of list.items) o.out(`  ${b.id}  ${b.createdAt}  ${b.reason.padEnd(16)}  ${describe(b)}`);
        o.out(`${list.items.length} backup(s).`);
      }
    } else if (verb === 'create') {
      const made = await services.backups.create('manual');
      if (o.json) o.out(JSON.stringify(made, null, 2));
      else o.out(`Backup made: ${made.id} (${describe(made)}) in ${services.backups.folder}.`);
    } else {
      const deleted = services.backups.delete(id);
      if (o.json) o.out(JSON.stringify(deleted, null, 2));
      else o.out(`Deleted backup ${deleted.deleted}.`);
    }
    return exitCodes.ok;
  } finally {
    services.close();
  }
}

function describe(b: BackupSummary): string {
  return `${(b.sizeBytes / (1024 * 1024)).toFixed(1)} MB: database and ${b.files} file(s), change log ${b.changeLog.count} entries`;
}
