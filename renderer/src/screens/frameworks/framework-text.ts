import type { TFunction } from 'i18next';
import type { LocatedProblem } from '../../../../shared/framework/located-problem';
import type { Criterion, LocalizedText } from '../../../../shared/framework/schema';
import { formatJsonPath } from '../../../../shared/framework/located-problem';
import { localizedText, localizedTextLanguage, localizedTitle } from '../../../../shared/framework/localized-text';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';

/** Framework text in the UI language; Bangla falls back to English where a framework has none. */
export function local(text: LocalizedText | undefined): string {
  return localizedText(text, currentLanguage());
}

/** The `lang` of what `local` returned, so screen readers and fonts treat it right. */
export function localLang(text: LocalizedText | undefined): 'en' | 'bn' {
  return localizedTextLanguage(text, currentLanguage());
}

export function titleOf(summary: { titleEn: string; titleBn: string }): string {
  return localizedTitle(summary, currentLanguage());
}

/**
 * Who added a version. A framework shipped with the app is added by the app itself; versions installed
 * before that was recorded carry the operating-system account of the first run ("root"), and stored
 * versions never change, so the screen names the app for every bundled version.
 */
export function addedBy(t: TFunction, summary: { source: string; importedBy: string }): string {
  return summary.source === 'bundled' ? t('app.name') : summary.importedBy;
}

export function sourceLabel(t: TFunction, source: string): string {
  if (source === 'bundled') return t('frameworks.source.bundled');
  const format = /^import:(json|xlsx|csv)/.exec(source)?.[1];
  return format ? t(`frameworks.source.${format}`) : t('frameworks.source.other');
}

/**
 * Search over ids and every text of a criterion in both languages, whatever the UI language: an
 * inspector may type a Bangla word while the screen is in English, or an id like "ls-03".
 */
export function criterionMatches(criterion: Criterion, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return true;
  const texts = [
    criterion.id,
    criterion.title.en,
    criterion.title.bn,
    criterion.guidance.en,
    criterion.guidance.bn,
    criterion.selfGuidance?.en ?? '',
    criterion.selfGuidance?.bn ?? '',
    criterion.basis,
    ...criterion.evidence,
    ...(criterion.dataFields ?? []).flatMap((f) => [f.id, f.label.en, f.label.bn]),
  ];
  // Bangla text may be stored composed or decomposed; compare both sides in one normal form.
  const needle = q.normalize('NFC');
  return texts.some((text) => text.normalize('NFC').toLocaleLowerCase().includes(needle));
}

/** "sheet criteria, row 7, column weight (cell L7)" in the UI language, or the JSON path. */
export function placeText(t: TFunction, p: LocatedProblem): string {
  const parts: string[] = [];
  if (p.sheet !== undefined) {
    parts.push(t('frameworks.problems.sheet', { sheet: p.sheet }));
    if (p.row !== undefined) parts.push(t('frameworks.problems.row', { row: formatNumber(p.row) }));
    if (p.column !== undefined) parts.push(t('frameworks.problems.column', { column: p.column }));
    if (p.cell !== undefined) parts.push(t('frameworks.problems.cell', { cell: p.cell }));
    if (p.key !== undefined) parts.push(t('frameworks.problems.key', { key: p.key }));
  } else if (p.path.length > 0) {
    parts.push(t('frameworks.problems.path', { path: formatJsonPath(p.path) }));
  } else {
    parts.push(t('frameworks.problems.wholeFile'));
  }
  if (p.within !== undefined) parts.push(t('frameworks.problems.within', { within: p.within }));
  return parts.join(', ');
}

/**
 * The problem in the UI language. In English the service's own sentence is the most specific one (it
 * names ids and allowed values); in Bangla the problem's code is translated, and an unknown code falls
 * back to the English sentence.
 */
export function problemText(t: TFunction, p: LocatedProblem): string {
  if (currentLanguage() === 'en') return p.message;
  const key = `frameworks.problem.${p.code}`;
  const translated = t(key);
  return translated === key ? p.message : translated;
}
