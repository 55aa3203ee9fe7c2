import type { Criterion, Framework } from './schema';
import { canonicalJson } from '../util/canonical-json';

export interface FrameworkDiff {
  /** In the newer version only, in the newer framework's order. */
  added: string[];
  /** In the older version only, in the older framework's order. */
  removed: string[];
  /** Same id, different wording (title, guidance, self-assessment guidance or a data-field label; either language). */
  reworded: string[];
  /** Same id, different scoring meaning; a criterion may be both reworded and changed. */
  changed: string[];
}

/**
 * What moving an assessment to a newer framework version would mean, by criterion id. "Changed" covers
 * everything that alters how a rating counts, not only weight/critical/level/evidence: conditions,
 * safety, data fields, the outcome benchmark and the group the criterion sits in.
 */
export function diffFrameworks(older: Framework, newer: Framework): FrameworkDiff {
  const olderById = criteriaWithGroup(older);
  const newerById = criteriaWithGroup(newer);
  const diff: FrameworkDiff = { added: [], removed: [], reworded: [], changed: [] };

  for (const [id, now] of newerById) {
    const before = olderById.get(id);
    if (before === undefined) {
      diff.added.push(id);
      continue;
    }
    if (fingerprint(wording(before.criterion)) !== fingerprint(wording(now.criterion))) diff.reworded.push(id);
    if (fingerprint(scoringMeaning(before)) !== fingerprint(scoringMeaning(now))) diff.changed.push(id);
  }
  for (const id of olderById.keys()) {
    if (!newerById.has(id)) diff.removed.push(id);
  }
  return diff;
}

/**
 * Carries ratings (or anything keyed by criterion id) over to a newer version: ids that still exist
 * are kept, the rest are listed as dropped so the UI can show what will be lost before the move.
 */
export function mapRatingsToVersion<T>(
  ratings: Readonly<Record<string, T>>,
  newer: Framework,
): { kept: Record<string, T>; dropped: string[] } {
  const ids = new Set(newer.groups.flatMap((g) => g.criteria.map((c) => c.id)));
  const kept: Record<string, T> = {};
  const dropped: string[] = [];
  for (const id of Object.keys(ratings).sort()) {
    // Only ids that match a criterion become keys, so a hostile key like "__proto__" is never assigned.
    if (ids.has(id)) kept[id] = ratings[id] as T;
    else dropped.push(id);
  }
  return { kept, dropped };
}

interface Placed {
  criterion: Criterion;
  groupId: string;
}

function criteriaWithGroup(framework: Framework): Map<string, Placed> {
  const map = new Map<string, Placed>();
  for (const group of framework.groups) {
    for (const criterion of group.criteria) map.set(criterion.id, { criterion, groupId: group.id });
  }
  return map;
}

function wording(c: Criterion): unknown {
  return {
    title: c.title,
    guidance: c.guidance,
    selfGuidance: c.selfGuidance,
    dataFieldLabels: (c.dataFields ?? []).map((f) => [f.id, f.label]),
  };
}

function scoringMeaning({ criterion: c, groupId }: Placed): unknown {
  return {
    groupId,
    weight: c.weight,
    critical: c.critical,
    appliesWhen: c.appliesWhen,
    level: c.level,
    evidence: c.evidence,
    safety: c.safety === true,
    dataFields: (c.dataFields ?? []).map((f) => ({ ...f, label: undefined })),
    outcome: c.outcome,
  };
}

function fingerprint(value: unknown): string {
  return canonicalJson(value);
}
