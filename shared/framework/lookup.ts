import type { Condition, Criterion, Framework, FrameworkGroup } from './schema';
import type { ProgrammeFacts } from './programme-facts';

export type { ProgrammeFacts } from './programme-facts';

/** Every criterion in framework order (groups in order, criteria in order within each group). */
export function allCriteria(framework: Framework): Criterion[] {
  return framework.groups.flatMap((group) => group.criteria);
}

export function criterionById(framework: Framework, id: string): Criterion | undefined {
  for (const group of framework.groups) {
    const found = group.criteria.find((criterion) => criterion.id === id);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function groupOfCriterion(framework: Framework, criterionId: string): FrameworkGroup | undefined {
  return framework.groups.find((group) => group.criteria.some((criterion) => criterion.id === criterionId));
}

/**
 * Whether a declared condition holds for a programme. `undefined` facts (no programme: a framework
 * browser, or nothing in scope) establish no condition, so every condition is false.
 * Returns `undefined` for a condition id the framework does not declare.
 */
export function conditionHolds(
  conditionId: string,
  facts: ProgrammeFacts | undefined,
  conditions: readonly Condition[],
): boolean | undefined {
  const condition = conditions.find((c) => c.id === conditionId);
  if (condition === undefined) return undefined;
  if (facts === undefined) return false;
  switch (condition.kind) {
    case 'programme-flag':
      return facts[condition.flag] === true;
    case 'programme-activity':
      return facts.activities.includes(condition.activity);
  }
}

/**
 * Whether the criterion is critical for a programme with these facts. The framework's `conditions`
 * are passed in because the criterion only names its condition. An undeclared condition (impossible
 * after validateFramework) counts as critical: an error in the data must never soften a gate.
 */
export function isCriticalFor(criterion: Criterion, facts: ProgrammeFacts | undefined, conditions: readonly Condition[]): boolean {
  switch (criterion.critical.mode) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'when':
      return conditionHolds(criterion.critical.condition, facts, conditions) ?? true;
  }
}

/**
 * Whether the criterion is to be rated for a programme with these facts; when false it is N/A without
 * a written reason. An undeclared condition counts as applying, so a data error never hides a criterion.
 */
export function appliesTo(criterion: Criterion, facts: ProgrammeFacts | undefined, conditions: readonly Condition[]): boolean {
  if (criterion.appliesWhen === undefined) return true;
  return conditionHolds(criterion.appliesWhen, facts, conditions) ?? true;
}
