import { fill } from '../evidence/refusals';
import { backupEn } from '../i18n/backup.en';
import { keyedMessage, parseKeyedMessage } from '../i18n/keyed-message';

export type BackupRefusalKey = keyof typeof backupEn.refused;

const prefix = 'backups.refused.';

/**
 * A refusal of the backup service, or of a full or read-only disk anywhere, as a keyed message
 * (`backups.refused.diskFull`, `backups.refused.damagedFile:file=evidence%2F…`): the screens show it in
 * the user's language, the command line and the logs in English.
 */
export function backupRefusal(key: BackupRefusalKey, params: Record<string, string | number> = {}): string {
  return keyedMessage(prefix, key, params);
}

export function parseBackupRefusal(message: string): { key: BackupRefusalKey; params: Record<string, string> } | null {
  return parseKeyedMessage<BackupRefusalKey>(prefix, backupEn.refused, message);
}

/** The English text of a backup refusal; any other message as it is. */
export function backupRefusalInEnglish(message: string): string {
  const parsed = parseBackupRefusal(message);
  return parsed === null ? message : fill(backupEn.refused[parsed.key], parsed.params);
}
