import type { ProgrammeSnapshot, Rating } from '../../../../../shared/assessments/schema';
import { scopeOf, unitKey } from '../../../../../shared/assessments/scope';
import type { FrameworkVersionSummary } from '../../../../../shared/framework/contract';
import type { FrameworkDiff } from '../../../../../shared/framework/diff';
import type { Criterion, Framework } from '../../../../../shared/framework/schema';
import { canonicalJson } from '../../../../../shared/util/canonical-json';
import { compareVersions } from '../model/framework-order';
import { buildModel } from '../model/units';

/** A stored rating as the review lists it: the criterion text from the version that holds it. */
export interface RatedUnit {
  key: string;
  criterion: Criterion;
  programme: ProgrammeSnapshot | null;
  rating: Rating;
}

/** Why a carried rating goes back to unanswered in the new version (the services do the same). */
export type Reset = 'notApplicable' | 'naNotAllowed';

export interface CarriedUnit extends RatedUnit {
  /** How the criterion differs in the new version: reworded, rules changed, both or neither. */
  changes: ('reworded' | 'changed')[];
  reset: Reset | null;
}

export interface ChangePlan {
  /** Ratings of units that do not exist in the new version, in the current version's walking order. */
  dropped: RatedUnit[];
  /** Ratings that follow their criterion id, in the new version's walking order. */
  carried: CarriedUnit[];
}

/**
 * What moving to `target` does to each stored rating, unit by unit. A unit exists in a version when
 * the scoring code lists it for the assessment's programmes (shared/scoring applicableItems): the same
 * rule the services use, so the review drops exactly what the move will drop.
 */
export function planChange(
  programmes: readonly ProgrammeSnapshot[],
  ratings: readonly Rating[],
  current: Framework,
  target: Framework,
  diff: FrameworkDiff,
): ChangePlan {
  const scope = scopeOf(programmes);
  const before = buildModel(current, scope, programmes);
  const after = buildModel(target, scope, programmes);
  const byKey = new Map(ratings.map((r) => [unitKey(r.criterionId, r.programmeId), r]));
  const programmeOf = (id: string | null) => (id === null ? null : (programmes.find((p) => p.id === id) ?? null));
  const reworded = new Set(diff.reworded);
  const changed = new Set(diff.changed);

  const carried: CarriedUnit[] = [];
  for (const unit of after.units) {
    const rating = byKey.get(unit.key);
    if (rating === undefined) continue;
    const changes: CarriedUnit['changes'] = [];
    if (reworded.has(unit.criterion.id)) changes.push('reworded');
    if (changed.has(unit.criterion.id)) changes.push('changed');
    const reset: Reset | null =
      rating.rating === null ? null : !unit.applicable ? 'notApplicable' : rating.rating === 'na' && unit.critical ? 'naNotAllowed' : null;
    carried.push({ key: unit.key, criterion: unit.criterion, programme: unit.programme, rating, changes, reset });
  }

  const kept = new Set(carried.map((c) => c.key));
  const order = new Map(before.units.map((u, i) => [u.key, i]));
  const dropped: RatedUnit[] = ratings
    .map((rating) => ({ rating, key: unitKey(rating.criterionId, rating.programmeId) }))
    .filter(({ key }) => !kept.has(key))
    .sort((a, b) => (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity))
    .map(({ rating, key }) => ({
      key,
      criterion: before.unitByKey.get(key)?.criterion ?? before.criteria.get(rating.criterionId) ?? unknownCriterion(rating.criterionId),
      programme: programmeOf(rating.programmeId),
      rating,
    }));
  return { dropped, carried };
}

/** A rating whose criterion neither version knows (never expected): still listed, so nothing is lost unseen. */
function unknownCriterion(id: string): Criterion {
  return {
    id,
    title: { en: id, bn: id },
    guidance: { en: '', bn: '' },
    evidence: [],
    critical: { mode: 'never' },
    weight: 1,
    level: 'institution',
    basis: '',
  };
}

/** Installed versions of the same framework with a higher version number, newest first. */
export function newerVersions(
  items: readonly FrameworkVersionSummary[],
  current: { frameworkId: string; version: string },
): FrameworkVersionSummary[] {
  return items
    .filter((v) => v.frameworkId === current.frameworkId && compareVersions(v.version, current.version) > 0)
    .sort((a, b) => compareVersions(b.version, a.version) || b.importedAt.localeCompare(a.importedAt));
}

/** The parts of a criterion's scoring meaning that differ between two versions, for the "rules changed" list. */
export const ruleAspects = ['group', 'weight', 'critical', 'appliesWhen', 'level', 'evidence', 'safety', 'dataFields', 'outcome'] as const;
export type RuleAspect = (typeof ruleAspects)[number];

export function changedAspects(
  older: { criterion: Criterion; groupId: string },
  newer: { criterion: Criterion; groupId: string },
): RuleAspect[] {
  const value = (side: { criterion: Criterion; groupId: string }, aspect: RuleAspect): unknown => {
    const c = side.criterion;
    switch (aspect) {
      case 'group':
        return side.groupId;
      case 'safety':
        return c.safety === true;
      // Data-field labels are wording, not rules (as in shared/framework/diff.ts).
      case 'dataFields':
        return (c.dataFields ?? []).map((f) => ({ ...f, label: undefined }));
      default:
        return c[aspect] ?? null;
    }
  };
  return ruleAspects.filter((aspect) => canonicalJson(value(older, aspect)) !== canonicalJson(value(newer, aspect)));
}
