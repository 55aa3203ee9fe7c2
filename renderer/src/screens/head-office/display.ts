import type { TFunction } from 'i18next';
import type { Cell } from '../../../../shared/head-office/tables';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';

/** Digits of a text (a date, a band "60–70") in the user's digit set, as formatNumber writes numbers. */
export function localDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => formatNumber(Number(d)));
}

export function formatPct(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value)}%`;
}

/** A change in percentage points, signed: +3.5, −2 (a true minus sign). */
export function formatChange(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return formatNumber(0);
  return `${value > 0 ? '+' : '−'}${formatNumber(Math.abs(value))}`;
}

/** A name in the user's language: Bangla when there is one and Bangla is on. */
export function localName(en: string, bn: string): string {
  return currentLanguage() === 'bn' && bn.trim() !== '' ? bn : en;
}

/** A table cell as text on screen (the services write the same cells into exports). */
export function cellText(cell: Cell, t: TFunction): string {
  switch (cell.t) {
    case 'text':
      return cell.v;
    case 'names':
      return localName(cell.en, cell.bn);
    case 'label':
      return t(cell.key);
    case 'labels':
      return cell.keys.map((k) => t(k)).join(', ');
    case 'count':
      return cell.v === null ? '—' : formatNumber(cell.v);
    case 'pct':
      return cell.v === null ? '—' : formatNumber(cell.v);
    case 'pp':
      return formatChange(cell.v);
    case 'digits':
      return cell.v === '' ? '—' : localDigits(cell.v);
  }
}

/** Colours of the three outcomes (each at least 3:1 against white, and told apart by the legend and table). */
export const outcomeColours = { aligned: '#1e6b34', conditional: '#a15c00', notAligned: '#a4161a' } as const;
export const seriesColours = ['#0b5394', '#6a3d9a', '#00695c', '#8a4b08'] as const;
