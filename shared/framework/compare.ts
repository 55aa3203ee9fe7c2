import { diffFrameworks, type FrameworkDiff } from './diff';
import type { Criterion, Framework, LocalizedText } from './schema';

export const changeKinds = ['added', 'removed', 'reworded', 'changed'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export interface CriterionSide {
  groupId: string;
  groupTitle: LocalizedText;
  criterion: Criterion;
}

export interface ComparedCriterion {
  id: string;
  changes: ChangeKind[];
  older: CriterionSide | null;
  newer: CriterionSide | null;
}

export interface FrameworkComparison {
  diff: FrameworkDiff;
  /** Every criterion the diff names, with both texts: the newer version's order, then the removed ones. */
  criteria: ComparedCriterion[];
  unchanged: number;
}

/** The version diff with both sides of each differing criterion, for a side-by-side view. */
export function compareFrameworks(older: Framework, newer: Framework): FrameworkComparison {
  const diff = diffFrameworks(older, newer);
  const olderSides = sides(older);
  const newerSides = sides(newer);
  const changesOf = (id: string): ChangeKind[] => changeKinds.filter((kind) => diff[kind].includes(id));
  const criteria: ComparedCriterion[] = [];
  for (const [id, side] of newerSides) {
    const changes = changesOf(id);
    if (changes.length > 0) criteria.push({ id, changes, older: olderSides.get(id) ?? null, newer: side });
  }
  for (const id of diff.removed) criteria.push({ id, changes: ['removed'], older: olderSides.get(id) ?? null, newer: null });
  const unchanged = [...newerSides.keys()].filter((id) => olderSides.has(id) && changesOf(id).length === 0).length;
  return { diff, criteria, unchanged };
}

function sides(framework: Framework): Map<string, CriterionSide> {
  const map = new Map<string, CriterionSide>();
  for (const group of framework.groups) {
    for (const criterion of group.criteria) map.set(criterion.id, { groupId: group.id, groupTitle: group.title, criterion });
  }
  return map;
}
