import { describe, expect, it } from 'vitest';
import { allCriteria, appliesTo, conditionHolds, criterionById, groupOfCriterion, isCriticalFor } from './lookup';
import type { ProgrammeFacts } from './lookup';
import { testFramework } from './test-fixture';

const framework = testFramework();
const conditions = framework.conditions;
const plain: ProgrammeFacts = { sector: 'construction', mobilityTrack: false, activities: [] };
const mobility: ProgrammeFacts = { ...plain, mobilityTrack: true };
const welding: ProgrammeFacts = { ...plain, activities: ['welding-cutting'] };

function criterion(id: string) {
  const found = criterionById(framework, id);
  if (found === undefined) throw new Error(`fixture lacks ${id}`);
  return found;
}

describe('framework lookup', () => {
  it('lists criteria in framework order', () => {
    expect(allCriteria(framework).map((c) => c.id)).toEqual([
      'GQ-01',
      'GQ-02',
      'GQ-03',
      'OI-01',
      'OI-02',
      'OI-03',
      'OI-05',
      'CON-01',
      'CON-02',
      'CON-03',
    ]);
  });

  it('finds criteria and their group by id', () => {
    expect(criterionById(framework, 'OI-03')?.weight).toBe(2);
    expect(criterionById(framework, 'XX-01')).toBeUndefined();
    expect(groupOfCriterion(framework, 'CON-02')?.id).toBe('CON');
    expect(groupOfCriterion(framework, 'XX-01')).toBeUndefined();
  });

  it('evaluates declared conditions from programme facts', () => {
    expect(conditionHolds('mobility-track', mobility, conditions)).toBe(true);
    expect(conditionHolds('mobility-track', plain, conditions)).toBe(false);
    expect(conditionHolds('teaches-welding', welding, conditions)).toBe(true);
    expect(conditionHolds('teaches-welding', mobility, conditions)).toBe(false);
    expect(conditionHolds('teaches-welding', undefined, conditions)).toBe(false);
    expect(conditionHolds('not-declared', mobility, conditions)).toBeUndefined();
  });

  it('makes a conditional criterion critical only when its condition holds', () => {
    expect(isCriticalFor(criterion('GQ-03'), mobility, conditions)).toBe(true);
    expect(isCriticalFor(criterion('GQ-03'), plain, conditions)).toBe(false);
    expect(isCriticalFor(criterion('GQ-03'), undefined, conditions)).toBe(false);
    expect(isCriticalFor(criterion('GQ-01'), undefined, conditions)).toBe(true);
    expect(isCriticalFor(criterion('GQ-02'), mobility, conditions)).toBe(false);
  });

  it('follows the declared condition, not the id', () => {
    const renamed = testFramework();
    renamed.conditions[0] = { id: 'mobility-track', kind: 'programme-activity', activity: 'machinery', label: { en: 'x', bn: '' } };
    const gq03 = renamed.groups[0]!.criteria[2]!;
    expect(isCriticalFor(gq03, mobility, renamed.conditions)).toBe(false);
    expect(isCriticalFor(gq03, { ...plain, activities: ['machinery'] }, renamed.conditions)).toBe(true);
  });

  it('applies a criterion only when its appliesWhen condition holds', () => {
    expect(appliesTo(criterion('CON-03'), welding, conditions)).toBe(true);
    expect(appliesTo(criterion('CON-03'), plain, conditions)).toBe(false);
    expect(appliesTo(criterion('CON-03'), undefined, conditions)).toBe(false);
    expect(appliesTo(criterion('CON-01'), undefined, conditions)).toBe(true);
  });

  it('fails safe on an undeclared condition: critical and applicable', () => {
    const broken = { ...criterion('CON-03'), critical: { mode: 'when' as const, condition: 'gone' }, appliesWhen: 'gone' };
    expect(isCriticalFor(broken, plain, conditions)).toBe(true);
    expect(appliesTo(broken, plain, conditions)).toBe(true);
  });
});
