import { LIMITS, ratingCodes } from './schema';
import type { Framework } from './schema';
import type { Problem } from './problem';
import { checkCriterion, knownIds } from './check-criterion';

/**
 * Checks a structurally valid framework for the problems zod cannot see: duplicate ids, references to
 * criteria, groups, conditions and evidence codes that do not exist, group kind/sector mismatches and a
 * scale that is not the fixed 3-2-1-0 one. Every problem carries the JSON path of the offending value.
 */
export function checkReferences(framework: Framework): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const known = knownIds(framework);

  checkScale(framework, errors);
  reportDuplicates(
    framework.evidenceTypes.map((t) => t.code),
    (i) => ['evidenceTypes', i, 'code'],
    'Evidence code',
    errors,
  );
  reportDuplicates(
    framework.conditions.map((c) => c.id),
    (i) => ['conditions', i, 'id'],
    'Condition',
    errors,
  );
  reportDuplicates(
    framework.groups.map((g) => g.id),
    (i) => ['groups', i, 'id'],
    'Group',
    errors,
  );

  const criterionIds = new Set<string>();
  const groupIds = new Set(framework.groups.map((g) => g.id));
  const sectorsSeen = new Set<string>();
  let criterionCount = 0;

  framework.groups.forEach((group, gi) => {
    if (group.kind === 'sector' && group.sector === undefined) {
      errors.push({ path: ['groups', gi, 'sector'], code: 'missing-sector', message: 'A sector group must name its sector.' });
    }
    if (group.kind === 'core' && group.sector !== undefined) {
      errors.push({ path: ['groups', gi, 'sector'], code: 'unexpected-sector', message: 'A core group must not name a sector.' });
    }
    if (group.kind === 'sector' && group.sector !== undefined) {
      // One module per sector: a programme of that sector gets exactly one sector score.
      if (sectorsSeen.has(group.sector)) {
        errors.push({
          path: ['groups', gi, 'sector'],
          code: 'duplicate-sector',
          message: `Another group already covers sector "${group.sector}".`,
        });
      }
      sectorsSeen.add(group.sector);
    }

    group.criteria.forEach((criterion, ci) => {
      const path = ['groups', gi, 'criteria', ci];
      criterionCount += 1;
      if (criterionIds.has(criterion.id)) {
        errors.push({ path: [...path, 'id'], code: 'duplicate-id', message: `Criterion "${criterion.id}" is declared twice.` });
      }
      criterionIds.add(criterion.id);
      if (!criterion.id.startsWith(`${group.id}-`)) {
        warnings.push({
          path: [...path, 'id'],
          code: 'id-prefix-mismatch',
          message: `Criterion "${criterion.id}" does not start with its group id "${group.id}".`,
        });
      }
      if (group.kind === 'sector' && criterion.level !== 'programme') {
        errors.push({
          path: [...path, 'level'],
          code: 'sector-criterion-level',
          message: 'Criteria of a sector group are rated per programme.',
        });
      }
      if (criterion.safety === true && criterion.critical.mode === 'never') {
        warnings.push({
          path: [...path, 'safety'],
          code: 'safety-never-critical',
          message: 'A safety criterion that is never critical can never trigger a stop-use notice.',
        });
      }
      checkCriterion(criterion, path, known, errors);
    });
  });

  if (criterionCount > LIMITS.criteria) {
    errors.push({
      path: ['groups'],
      code: 'too-many-criteria',
      message: `At most ${LIMITS.criteria} criteria are allowed in a framework.`,
    });
  }

  const requireCriterion = (id: string, path: (string | number)[]): void => {
    if (!criterionIds.has(id)) errors.push({ path, code: 'unknown-criterion', message: `Criterion "${id}" does not exist.` });
  };
  const requireGroup = (id: string, path: (string | number)[]): void => {
    if (!groupIds.has(id)) errors.push({ path, code: 'unknown-group', message: `Group "${id}" does not exist.` });
  };

  framework.scale.maturityGroups?.forEach((id, i) => requireGroup(id, ['scale', 'maturityGroups', i]));
  reportDuplicates(
    framework.eqavet.phases.map((p) => p.id),
    (i) => ['eqavet', 'phases', i, 'id'],
    'EQAVET phase',
    errors,
  );
  reportDuplicates(
    framework.eqavet.indicators.map((p) => String(p.number)),
    (i) => ['eqavet', 'indicators', i, 'number'],
    'EQAVET indicator',
    errors,
  );
  framework.eqavet.phases.forEach((phase, pi) =>
    phase.criteria.forEach((id, k) => requireCriterion(id, ['eqavet', 'phases', pi, 'criteria', k])),
  );
  framework.eqavet.indicators.forEach((indicator, ii) =>
    indicator.criteria.forEach((id, k) => requireCriterion(id, ['eqavet', 'indicators', ii, 'criteria', k])),
  );

  const rules = framework.rules;
  rules.recommended.criterionMinimums.forEach((m, i) =>
    requireCriterion(m.criterion, ['rules', 'recommended', 'criterionMinimums', i, 'criterion']),
  );
  rules.mobilityReady.criterionMinimums.forEach((m, i) =>
    requireCriterion(m.criterion, ['rules', 'mobilityReady', 'criterionMinimums', i, 'criterion']),
  );
  rules.mobilityReady.noOpenMajorInGroups.forEach((id, i) => requireGroup(id, ['rules', 'mobilityReady', 'noOpenMajorInGroups', i]));
  requireCriterion(rules.redOutcomeActionCriterion, ['rules', 'redOutcomeActionCriterion']);

  // Not fatal, but a "with conditions" bar above the "recommended" one makes the outcome order absurd.
  if (rules.conditional.minOverallPct > rules.recommended.minOverallPct) {
    warnings.push({
      path: ['rules', 'conditional', 'minOverallPct'],
      code: 'inconsistent-thresholds',
      message: 'The conditional minimum is above the recommended one.',
    });
  }
  if (rules.conditional.minGroupPct > rules.recommended.minGroupPct) {
    warnings.push({
      path: ['rules', 'conditional', 'minGroupPct'],
      code: 'inconsistent-thresholds',
      message: 'The conditional minimum is above the recommended one.',
    });
  }
  if (rules.conditional.maxMajor < rules.recommended.maxMajor) {
    warnings.push({
      path: ['rules', 'conditional', 'maxMajor'],
      code: 'inconsistent-thresholds',
      message: 'The conditional maximum is below the recommended one.',
    });
  }
  // A sample "at least 40 files, at most 30" cannot be drawn; and a conditional outcome outliving a
  // recommended one would reward the weaker result.
  const learnerFiles = rules.sampling?.learnerFiles;
  if (learnerFiles !== undefined && learnerFiles.minimum > learnerFiles.maximum) {
    errors.push({
      path: ['rules', 'sampling', 'learnerFiles', 'maximum'],
      code: 'inconsistent-thresholds',
      message: 'The largest learner-file sample is below the smallest.',
    });
  }
  const validity = rules.accreditationCycle?.validityMonths;
  if (validity !== undefined && validity['recommended-with-conditions'] > validity.recommended) {
    warnings.push({
      path: ['rules', 'accreditationCycle', 'validityMonths', 'recommended-with-conditions'],
      code: 'inconsistent-thresholds',
      message: 'A conditional outcome stays valid longer than a recommended one.',
    });
  }

  return { errors, warnings };
}

/** The rating scale is fixed by the domain (3 met … 0 not met); only its wording is configurable. */
function checkScale(framework: Framework, errors: Problem[]): void {
  const expectedValues = [3, 2, 1, 0];
  const expectedCodes = [...ratingCodes];
  framework.scale.ratings.forEach((rating, i) => {
    if (rating.value !== expectedValues[i] || rating.code !== expectedCodes[i]) {
      errors.push({
        path: ['scale', 'ratings', i],
        code: 'scale-order',
        message: `Expected value ${expectedValues[i]} (${expectedCodes[i]}) here.`,
      });
    }
  });
  framework.scale.maturity?.forEach((level, i) => {
    if (level.value !== i) {
      errors.push({ path: ['scale', 'maturity', i, 'value'], code: 'scale-order', message: `Expected maturity value ${i} here.` });
    }
  });
}

function reportDuplicates(values: string[], pathOf: (index: number) => (string | number)[], what: string, errors: Problem[]): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) errors.push({ path: pathOf(i), code: 'duplicate-id', message: `${what} "${value}" is declared twice.` });
    seen.add(value);
  });
}
