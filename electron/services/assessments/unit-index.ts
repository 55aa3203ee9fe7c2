import type { ProgrammeSnapshot, Rating } from '../../../shared/assessments/schema';
import { scopeOf, unitKey } from '../../../shared/assessments/scope';
import type { Criterion, Framework } from '../../../shared/framework/schema';
import type { FrameworkVersionSummary } from '../../../shared/framework/contract';
import { applicableItems, type ApplicableItem } from '../../../shared/scoring';
import type { AssessmentScope } from '../../../shared/scoring/inputs';
import type { FrameworkService } from '../frameworks/framework-service';

export interface PlacedCriterion {
  criterion: Criterion;
  groupId: string;
}

/**
 * Everything autosave needs to check one unit of audit, built once per (framework version, programme
 * snapshot) and reused: looking a unit up is then a Map access, whatever the framework's size.
 */
export interface UnitIndex {
  framework: Framework;
  summary: FrameworkVersionSummary;
  programmes: ProgrammeSnapshot[];
  scope: AssessmentScope;
  criteria: Map<string, PlacedCriterion>;
  /** Keyed by unitKey(criterionId, programmeId). */
  units: Map<string, ApplicableItem>;
  evidenceCodes: Set<string>;
  /** Units to rate: applicable ones (a unit whose condition does not hold is not counted), as scoring counts them. */
  total: number;
}

const MAX_CACHED = 64;

export class UnitIndexCache {
  // Keyed by version id and the programmes' JSON text exactly as stored, so no parsing is needed to hit.
  private readonly cache = new Map<string, UnitIndex>();

  constructor(private readonly frameworks: FrameworkService) {}

  for(frameworkVersionId: string, programmesJson: string): UnitIndex {
    const key = `${frameworkVersionId}\u0000${programmesJson}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      // Least recently used goes first: re-inserting moves this one to the end of the Map's order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const index = buildIndex(this.frameworks.get(frameworkVersionId), JSON.parse(programmesJson) as ProgrammeSnapshot[]);
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, index);
    return index;
  }
}

function buildIndex(loaded: { summary: FrameworkVersionSummary; framework: Framework }, programmes: ProgrammeSnapshot[]): UnitIndex {
  const { framework } = loaded;
  const scope = scopeOf(programmes);
  const criteria = new Map<string, PlacedCriterion>();
  for (const group of framework.groups)
    for (const criterion of group.criteria) criteria.set(criterion.id, { criterion, groupId: group.id });
  const units = new Map<string, ApplicableItem>();
  let total = 0;
  for (const item of applicableItems(framework, scope)) {
    units.set(unitKey(item.criterionId, item.programmeId), item);
    if (item.applicable) total += 1;
  }
  return {
    framework,
    summary: loaded.summary,
    programmes,
    scope,
    criteria,
    units,
    evidenceCodes: new Set(framework.evidenceTypes.map((e) => e.code)),
    total,
  };
}

/**
 * Whether a stored rating answers its unit, exactly as the score counts it: a 0–3 or an allowed N/A;
 * for an outcome criterion also any recorded data. Units whose condition does not hold are never counted.
 */
export function countsAsAnswered(
  index: UnitIndex,
  r: Pick<Rating, 'criterionId' | 'programmeId' | 'rating' | 'data'> | undefined,
): boolean {
  if (r === undefined) return false;
  const unit = index.units.get(unitKey(r.criterionId, r.programmeId));
  if (unit === undefined || !unit.applicable) return false;
  if (r.rating === 'na') return !unit.critical;
  if (r.rating !== null) return true;
  return index.criteria.get(r.criterionId)?.criterion.outcome !== undefined && Object.keys(r.data).length > 0;
}

export function countAnswered(index: UnitIndex, ratings: readonly Rating[]): number {
  let answered = 0;
  for (const r of ratings) if (countsAsAnswered(index, r)) answered += 1;
  return answered;
}
