import { fill } from '../evidence/refusals';
import { exchangeRefusalsEn } from '../i18n/exchange-refusals.en';

export type ExchangeRefusalKey = keyof typeof exchangeRefusalsEn;
export type ExchangeRefusalParams = Record<string, string | number>;

const prefix = 'exchange.refused.';

/**
 * A refused package as a catalogue key with its values, e.g. `exchange.refused.hashMismatch:entry=data%2Fratings.json`,
 * the same pattern as evidence refusals (shared/evidence/refusals.ts): values are URI-encoded, so an
 * entry name holding ':' or '=' cannot break the message apart; the renderer shows it in the user's
 * language and the English text goes into the error message for logs and the command line.
 */
export function exchangeRefusal(key: ExchangeRefusalKey, params: ExchangeRefusalParams = {}): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return [`${prefix}${key}`, ...parts].join(':');
}

export function parseExchangeRefusal(message: string): { key: ExchangeRefusalKey; params: Record<string, string> } | null {
  if (!message.startsWith(prefix)) return null;
  const [head = '', ...parts] = message.split(':');
  const key = head.slice(prefix.length);
  if (!Object.prototype.hasOwnProperty.call(exchangeRefusalsEn, key)) return null;
  const params: Record<string, string> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      params[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
    } catch {
      params[part.slice(0, eq)] = part.slice(eq + 1);
    }
  }
  return { key: key as ExchangeRefusalKey, params };
}

/** The English text of a refusal (for error messages, logs and the command line). */
export function exchangeRefusalInEnglish(message: string): string {
  const parsed = parseExchangeRefusal(message);
  return parsed === null ? message : fill(exchangeRefusalsEn[parsed.key], parsed.params);
}
