import { fill } from '../evidence/refusals';
import { exchangeRefusalsEn } from '../i18n/exchange-refusals.en';
import { keyedMessage, parseKeyedMessage } from '../i18n/keyed-message';

export type ExchangeRefusalKey = keyof typeof exchangeRefusalsEn;
export type ExchangeRefusalParams = Record<string, string | number>;

const prefix = 'exchange.refused.';

/** A refused package as a keyed message, e.g. `exchange.refused.hashMismatch:entry=data%2Fratings.json` (see keyed-message.ts). */
export function exchangeRefusal(key: ExchangeRefusalKey, params: ExchangeRefusalParams = {}): string {
  return keyedMessage(prefix, key, params);
}

export function parseExchangeRefusal(message: string): { key: ExchangeRefusalKey; params: Record<string, string> } | null {
  return parseKeyedMessage<ExchangeRefusalKey>(prefix, exchangeRefusalsEn, message);
}

/** The English text of a refusal (for error messages, logs and the command line). */
export function exchangeRefusalInEnglish(message: string): string {
  const parsed = parseExchangeRefusal(message);
  return parsed === null ? message : fill(exchangeRefusalsEn[parsed.key], parsed.params);
}
