import { catalogues } from '../../../shared/i18n';
import { localizedText, localizedTextLanguage } from '../../../shared/framework/localized-text';
import type { LocalizedText } from '../../../shared/framework/schema';
import type { Language } from '../../../shared/settings/schema';
import { toBengaliDigits } from '../../../shared/validation/digits';
import { listName, occupationName, type ListName } from '../../../shared/reference-lists';

export type Params = Record<string, string | number>;

/**
 * The report's words in one language: catalogue messages (with {{placeholders}} and `_one` / `_other`
 * plural forms), framework text with its English fallback, and numbers and dates. A Bangla report
 * writes every number in Bengali digits (০–৯) — scores, counts, percentages, dates, times, the page
 * numbers of the running footer — and an English report in Western digits; never both in one sentence.
 * Identifiers (criterion ids, hashes, versions, registration, ISCO and ESCO codes, CEFR levels, URLs)
 * are codes, not numbers, and keep their own characters.
 */
export class ReportText {
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly dateTimeFormat: Intl.DateTimeFormat;
  private readonly plurals: Intl.PluralRules;
  /** Numbers in Bengali digits: always in a Bangla report, never in an English one. */
  readonly bengaliDigits: boolean;

  constructor(
    readonly language: Language,
    /** Time zone for the signing time; default the machine's. */
    readonly timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
  ) {
    this.bengaliDigits = language === 'bn';
    const locale = language === 'bn' ? (this.bengaliDigits ? 'bn-BD' : 'bn-BD-u-nu-latn') : 'en-GB';
    this.plurals = new Intl.PluralRules(language === 'bn' ? 'bn' : 'en');
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

  /**
   * A catalogue message; the English one when a key is missing (never the key itself in a document).
   * Number parameters are written in the report's digits; a numeric `count` picks the plural form.
   */
  t(key: string, params: Params = {}): string {
    const count = typeof params.count === 'number' ? params.count : undefined;
    return this.template(key, count).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = params[name];
      return typeof value === 'number' ? this.num(value) : String(value ?? '');
    });
  }

  /** The message with its {{placeholders}} left in, for callers that fill them with something other than text. */
  template(key: string, count?: number): string {
    const forms = count === undefined ? [key] : [`${key}_${this.plurals.select(count)}`, `${key}_other`, key];
    for (const catalogue of [catalogues[this.language], catalogues.en]) {
      for (const form of forms) {
        const found = lookup(catalogue, form);
        if (typeof found === 'string') return found;
      }
    }
    throw new Error(`Missing report message: ${key}`);
  }

  has(key: string): boolean {
    return typeof lookup(catalogues.en, key) === 'string';
  }

  /** A number as the report writes it: in Bengali digits in a Bangla report. */
  num(value: number | string): string {
    const text = String(value);
    return this.bengaliDigits ? toBengaliDigits(text) : text;
  }

  /** Framework text in the report's language; English where the Bangla is missing. */
  fw(text: LocalizedText | undefined): string {
    return localizedText(text, this.language);
  }

  /** The language a framework text is actually shown in, for the `lang` attribute. */
  fwLang(text: LocalizedText | undefined): Language {
    return localizedTextLanguage(text, this.language);
  }

  /** A name with an English and a Bangla form (institution, programme). */
  name(en: string, bn: string): string {
    return this.language === 'bn' && bn ? bn : en;
  }

  /** A district, country or language from its closed list in the report's language; older free text as typed. */
  place(list: ListName, value: string): string {
    return listName(list, value, this.language);
  }

  /** The occupation: in Bangla the Bangla title of its ISCO-08 unit group where the list has it. */
  occupation(occupation: string, iscoCode: string): string {
    return occupationName(occupation, iscoCode, this.language);
  }

  /** Rounded down to one decimal like the scoring code, so 74.96 never reads as 75. */
  pct(value: number | null | undefined): string {
    if (value === null || value === undefined) return this.t('reports.document.none');
    return `${this.num((Math.floor(value * 10) / 10).toFixed(1))}%`;
  }

  /** A number with at most `digits` decimals, no trailing zeros. */
  number(value: number, digits = 1): string {
    return this.num(String(Number(value.toFixed(digits))));
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
    return `${day}, ${value('hour')}:${value('minute')}:${value('second')} ${this.num(offset)}`;
  }

  /** "3 · Met", "N/A", or "Not yet rated" for a rating answer. */
  rating(value: number | 'na' | null): string {
    if (value === null) return this.t('assessments.rating.none');
    if (value === 'na') return this.t('assessments.rating.na');
    return `${this.num(value)} · ${this.t(`assessments.rating.v${value}`)}`;
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
