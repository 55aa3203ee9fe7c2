import type { EvidenceItem } from '../../../../../shared/evidence/schema';
import { unitKey } from './units';

/** The evidence types of the files attached to each unit of audit, by unit key, in one pass over the items. */
export function attachedTypesByUnit(items: readonly Pick<EvidenceItem, 'evidenceType' | 'links'>[]): Map<string, string[]> {
  const byUnit = new Map<string, string[]>();
  for (const item of items) {
    for (const link of item.links) {
      const key = unitKey(link.criterionId, link.programmeId);
      const list = byUnit.get(key);
      if (list === undefined) byUnit.set(key, [item.evidenceType]);
      else if (!list.includes(item.evidenceType)) list.push(item.evidenceType);
    }
  }
  return byUnit;
}
