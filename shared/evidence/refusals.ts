import { evidenceEn } from '../i18n/evidence.en';
import { keyedMessage, parseKeyedMessage } from '../i18n/keyed-message';

export type RefusalKey = keyof typeof evidenceEn.refused;
export type RefusalParams = Record<string, string | number>;

const prefix = 'evidence.refused.';

/**
 * A refusal as a catalogue key carrying its values, e.g. `evidence.refused.fileTooLarge:name=x.jpg:size=30.2:limit=25`.
 * Values are URI-encoded, so a file name with ':' or '=' cannot break the message apart. The renderer
 * shows it in the user's language; the English text goes into the error message for logs and the CLI.
 */
export function refusal(key: RefusalKey, params: RefusalParams = {}): string {
  return keyedMessage(prefix, key, params);
}

export function parseRefusal(message: string): { key: RefusalKey; params: Record<string, string> } | null {
  return parseKeyedMessage<RefusalKey>(prefix, evidenceEn.refused, message);
}

/** Fills a message's {{placeholders}}. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The English text of a refusal (for error messages, logs and the command line). */
export function refusalInEnglish(message: string): string {
  const parsed = parseRefusal(message);
  return parsed === null ? message : fill(evidenceEn.refused[parsed.key], parsed.params);
}

/**
 * Megabytes with one decimal, as refusals show sizes. A size over a limit is rounded up, so a file just
 * over 25 MB reads "25.1 MB", never "25 MB" against a limit of 25 MB.
 */
export function megabytes(bytes: number, round: 'nearest' | 'up' = 'nearest'): string {
  const tenths = (bytes / (1024 * 1024)) * 10;
  return ((round === 'up' ? Math.ceil(tenths) : Math.round(tenths)) / 10).toFixed(1).replace(/\.0$/, '');
}
