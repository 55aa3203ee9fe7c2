import type { Criterion, DataField, Framework } from './schema';
import type { Problem } from './problem';

type Path = (string | number)[];

const nonNumericUnits = new Set<DataField['unit']>(['code', 'text']);

/**
 * Checks that one criterion refers only to things that exist: evidence codes, conditions and its own
 * data fields. Needs the framework's declared evidence codes and conditions.
 */
export function checkCriterion(
  criterion: Criterion,
  path: Path,
  known: { evidenceCodes: ReadonlySet<string>; conditionIds: ReadonlySet<string> },
  errors: Problem[],
): void {
  const seenEvidence = new Set<string>();
  criterion.evidence.forEach((code, i) => {
    if (!known.evidenceCodes.has(code)) {
      errors.push({
        path: [...path, 'evidence', i],
        code: 'unknown-evidence',
        message: `Evidence code "${code}" is not declared in evidenceTypes.`,
      });
    } else if (seenEvidence.has(code)) {
      errors.push({ path: [...path, 'evidence', i], code: 'duplicate-id', message: `Evidence code "${code}" is listed twice.` });
    }
    seenEvidence.add(code);
  });

  if (criterion.critical.mode === 'when' && !known.conditionIds.has(criterion.critical.condition)) {
    errors.push({
      path: [...path, 'critical', 'condition'],
      code: 'unknown-condition',
      message: `Condition "${criterion.critical.condition}" is not declared.`,
    });
  }
  if (criterion.appliesWhen !== undefined && !known.conditionIds.has(criterion.appliesWhen)) {
    errors.push({
      path: [...path, 'appliesWhen'],
      code: 'unknown-condition',
      message: `Condition "${criterion.appliesWhen}" is not declared.`,
    });
  }

  const fields = new Map<string, DataField>();
  (criterion.dataFields ?? []).forEach((field, i) => {
    if (fields.has(field.id)) {
      errors.push({ path: [...path, 'dataFields', i, 'id'], code: 'duplicate-id', message: `Data field "${field.id}" is declared twice.` });
    }
    fields.set(field.id, field);
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      errors.push({ path: [...path, 'dataFields', i, 'max'], code: 'invalid-range', message: 'The maximum is below the minimum.' });
    }
  });

  (criterion.dataFields ?? []).forEach((field, i) => {
    if (field.derived === undefined) return;
    const operands: [string, string][] =
      field.derived.op === 'ratioPct'
        ? [
            ['numerator', field.derived.numerator],
            ['denominator', field.derived.denominator],
          ]
        : [
            ['a', field.derived.a],
            ['b', field.derived.b],
          ];
    for (const [key, id] of operands) {
      const at = [...path, 'dataFields', i, 'derived', key];
      const operand = fields.get(id);
      if (operand === undefined)
        errors.push({ path: at, code: 'unknown-field', message: `Data field "${id}" is not declared in this criterion.` });
      else if (nonNumericUnits.has(operand.unit))
        errors.push({ path: at, code: 'non-numeric-field', message: `Data field "${id}" is not numeric.` });
    }
    if (dependsOnItself(field.id, fields)) {
      errors.push({
        path: [...path, 'dataFields', i, 'derived'],
        code: 'derived-cycle',
        message: `Data field "${field.id}" is derived from itself.`,
      });
    }
  });

  const outcome = criterion.outcome;
  if (outcome !== undefined) {
    const refs: [string, string | undefined][] = [
      ['field', outcome.field],
      ['cohortField', outcome.cohortField],
      ['responseRateField', outcome.responseRateField],
    ];
    for (const [key, id] of refs) {
      if (id === undefined) continue;
      const field = fields.get(id);
      if (field === undefined)
        errors.push({
          path: [...path, 'outcome', key],
          code: 'unknown-field',
          message: `Data field "${id}" is not declared in this criterion.`,
        });
      else if (nonNumericUnits.has(field.unit))
        errors.push({ path: [...path, 'outcome', key], code: 'non-numeric-field', message: `Data field "${id}" is not numeric.` });
    }
    const ordered = outcome.direction === 'higherIsBetter' ? outcome.green >= outcome.amber : outcome.green <= outcome.amber;
    if (!ordered) {
      errors.push({
        path: [...path, 'outcome', 'amber'],
        code: 'inconsistent-thresholds',
        message: 'The amber threshold is on the wrong side of the green one.',
      });
    }
  }
}

/** Depth-first walk over derived operands; a field met again on the current branch is a cycle. */
function dependsOnItself(start: string, fields: ReadonlyMap<string, DataField>): boolean {
  const onBranch = new Set<string>();
  const done = new Set<string>();
  const visit = (id: string): boolean => {
    if (id === start && onBranch.size > 0) return true;
    if (onBranch.has(id) || done.has(id)) return false;
    const derived = fields.get(id)?.derived;
    if (derived === undefined) return false;
    onBranch.add(id);
    const operands = derived.op === 'ratioPct' ? [derived.numerator, derived.denominator] : [derived.a, derived.b];
    const found = operands.some(visit);
    onBranch.delete(id);
    done.add(id);
    return found;
  };
  return visit(start);
}

export function knownIds(framework: Framework): { evidenceCodes: Set<string>; conditionIds: Set<string> } {
  return {
    evidenceCodes: new Set(framework.evidenceTypes.map((t) => t.code)),
    conditionIds: new Set(framework.conditions.map((c) => c.id)),
  };
}
