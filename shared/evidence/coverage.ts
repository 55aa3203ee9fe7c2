import type { EvidenceItem, EvidenceLink } from './schema';

export function sameUnit(a: EvidenceLink, b: EvidenceLink): boolean {
  return a.criterionId === b.criterionId && a.programmeId === b.programmeId;
}

/** The items that support one unit of audit, in the order they were attached. */
export function itemsForUnit(items: readonly EvidenceItem[], unit: EvidenceLink): EvidenceItem[] {
  return items.filter((i) => i.links.some((l) => sameUnit(l, unit)));
}

/** Items that belong to the assessment as a whole (linked to no criterion). */
export function wholeAssessmentItems(items: readonly EvidenceItem[]): EvidenceItem[] {
  return items.filter((i) => i.links.length === 0);
}

export interface EvidenceCoverage {
  /** Expected types with at least one attached item, in the framework's order for the criterion. */
  present: string[];
  /** Expected types with nothing attached yet. */
  missing: string[];
  /** Types attached that the criterion does not list (still useful evidence). */
  other: string[];
}

/** The framework's expected evidence types for a criterion against the types of what is attached to it. */
export function evidenceCoverage(expected: readonly string[], attached: readonly Pick<EvidenceItem, 'evidenceType'>[]): EvidenceCoverage {
  const types = new Set(attached.map((i) => i.evidenceType));
  return {
    present: expected.filter((c) => types.has(c)),
    missing: expected.filter((c) => !types.has(c)),
    other: [...types].filter((c) => !expected.includes(c)).sort(),
  };
}
