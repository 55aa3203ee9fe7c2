import { catalogues } from '../../../shared/i18n';
import type { LocalizedText } from '../../../shared/framework/schema';
import type { Language } from '../../../shared/settings/schema';

export type Params = Record<string, string | number>;

/**
 * The report's words in one language: catalogue messages (with {{placeholders}}), framework text with
 * its English fallback, and numbers and dates. Numbers keep Western digits in both languages, as the
 * page numbers Chromium writes do, so a figure reads the same everywhere in the document.
 */
export class ReportText {
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly dateTimeFormat: Intl.DateTimeFormat;

  constructor(
    readonly language: Language,
    /** Time zone for the signing time; default the machine's. */
    readonly timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
  ) {
    const locale = language === 'bn' ? 'bn-BD-u-nu-latn' : 'en-GB';
    this.dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    this.dateTimeFormat = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'longOffset',
    });
  }

  /** A catalogue message; the English one when a key is missing (never the key itself in a document). */
  t(key: string, params: Params = {}): string {
    return this.template(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  }

  /** The message with its {{placeholders}} left in, for callers that fill them with something other than text. */
  template(key: string): string {
    const found = lookup(catalogues[this.language], key) ?? lookup(catalogues.en, key);
    if (typeof found !== 'string') throw new Error(`Missing report message: ${key}`);
    return found;
  }

  has(key: string): boolean {
    return typeof lookup(catalogues.en, key) === 'string';
  }

  /** Framework text in the report's language; English where the Bangla is missing. */
  fw(text: LocalizedText | undefined): string {
    if (text === undefined) return '';
    return this.language === 'bn' && text.bn ? text.bn : text.en;
  }

  /** The language a framework text is actually shown in, for the `lang` attribute. */
  fwLang(text: LocalizedText | undefined): Language {
    return this.language === 'bn' && text?.bn ? 'bn' : 'en';
  }

  /** A name with an English and a Bangla form (institution, programme). */
  name(en: string, bn: string): string {
    return this.language === 'bn' && bn ? bn : en;
  }

  /** Rounded down to one decimal like the scoring code, so 74.96 never reads as 75. */
  pct(value: number | null | undefined): string {
    if (value === null || value === undefined) return this.t('reports.document.none');
    return `${(Math.floor(value * 10) / 10).toFixed(1)}%`;
  }

  /** A number with at most `digits` decimals, no trailing zeros. */
  number(value: number, digits = 1): string {
    return String(Number(value.toFixed(digits)));
  }

  /** A calendar date (YYYY-MM-DD), or the local day of a moment, in words; the dash for none. */
  date(value: string | null | undefined): string {
    if (!value) return this.t('reports.document.none');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) && Number.isNaN(new Date(value).getTime())) return value;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : localDay(new Date(value), this.timeZone);
    const parsed = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) ? value : this.dateFormat.format(parsed);
  }

  /** A moment with seconds and its UTC offset, e.g. "10 March 2025, 18:00:05 UTC+06:00". */
  dateTime(iso: string): string {
    const parts = this.dateTimeFormat.formatToParts(new Date(iso));
    const zone = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    const day = this.date(iso);
    const offset = zone === 'GMT' ? 'UTC+00:00' : zone.replace('GMT', 'UTC');
    return `${day}, ${value('hour')}:${value('minute')}:${value('second')} ${offset}`;
  }

  /** "3 · Met", "N/A", or "Not yet rated" for a rating answer. */
  rating(value: number | 'na' | null): string {
    if (value === null) return this.t('assessments.rating.none');
    if (value === 'na') return this.t('assessments.rating.na');
    return `${value} · ${this.t(`assessments.rating.v${value}`)}`;
  }
}

function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
}

/** YYYY-MM-DD of a moment in a time zone. */
function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(at);
}
