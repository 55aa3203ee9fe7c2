import type { EvidenceItem } from './schema';

/** One evidence type as a criterion card shows it. */
export interface CardEvidenceType {
  code: string;
  /** The framework lists it for this criterion. */
  expected: boolean;
  /** The assessor marked it seen (the rating's `evidenceSeen`). */
  ticked: boolean;
  /** Files of this type attached to this unit. */
  files: number;
  /** Seen: marked, or a file of this type is attached. */
  seen: boolean;
}

export interface CardEvidence {
  /** Expected types first (in the criterion's order), then the others in the framework's order. */
  types: CardEvidenceType[];
  /** Every type seen, in the framework's order: what the rating rules read. */
  seen: string[];
  /** Expected types seen (marked or attached), in the criterion's order. */
  expectedSeen: string[];
  expectedTotal: number;
  /** Files attached to this unit. */
  files: number;
  /** Types of attached files that the criterion does not list: still evidence seen, not an expected type. */
  unexpectedAttached: string[];
}

/**
 * "Evidence seen" and attachments as one idea: a file attached with a type counts as that type seen,
 * so the card keeps one list instead of ticks in one place and "0 of 3 attached" in another. A file
 * counts as the type it is recorded with, never as another (a photo is PHOTO, not OBS): the assessor
 * chooses the type when attaching and can change it, and the rating rules (critical "Met" needs OBS
 * or REC) must not be met by a guess.
 */
export function cardEvidence(
  frameworkTypes: readonly string[],
  expected: readonly string[],
  ticked: readonly string[],
  attached: readonly Pick<EvidenceItem, 'evidenceType'>[],
): CardEvidence {
  const files = new Map<string, number>();
  for (const item of attached) files.set(item.evidenceType, (files.get(item.evidenceType) ?? 0) + 1);
  const marked = new Set(ticked);
  const listed = new Set(expected);
  const state = (code: string): CardEvidenceType => {
    const n = files.get(code) ?? 0;
    return { code, expected: listed.has(code), ticked: marked.has(code), files: n, seen: n > 0 || marked.has(code) };
  };
  const known = [...expected, ...frameworkTypes.filter((c) => !listed.has(c))];
  // A type the framework no longer lists (an item kept from an older version) still shows, at the end.
  const stray = [...new Set([...marked, ...files.keys()])].filter((c) => !known.includes(c)).sort();
  const types = [...known, ...stray].map(state);
  const seenSet = new Set(types.filter((t) => t.seen).map((t) => t.code));
  return {
    types,
    seen: [...frameworkTypes, ...stray].filter((c) => seenSet.has(c)),
    expectedSeen: expected.filter((c) => seenSet.has(c)),
    expectedTotal: expected.length,
    files: attached.length,
    unexpectedAttached: types.filter((t) => !t.expected && t.files > 0).map((t) => t.code),
  };
}
