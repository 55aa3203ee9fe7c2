import { toWesternDigits } from '../../../../../shared/validation/digits';
import type { Unit } from '../model/units';

/** Lower case, one Unicode form, Western digits: "OI-০৩" finds OI-03 and a Bangla title finds itself. */
export function normaliseSearch(text: string): string {
  return toWesternDigits(text.normalize('NFC').toLocaleLowerCase()).trim();
}

/** The searchable text of each unit: id, title and guidance in both languages, evidence codes. */
export function searchIndex(units: readonly Unit[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const u of units) {
    const c = u.criterion;
    const parts = [
      c.id,
      c.title.en,
      c.title.bn,
      c.guidance.en,
      c.guidance.bn,
      c.selfGuidance?.en ?? '',
      c.selfGuidance?.bn ?? '',
      ...c.evidence,
    ];
    index.set(u.key, normaliseSearch(parts.join(' \u0000 ')));
  }
  return index;
}
