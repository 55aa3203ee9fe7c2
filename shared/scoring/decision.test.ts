import { describe, expect, it } from 'vitest';
import { testFramework } from '../framework/test-fixture';
import { decideInstitutionOutcome } from './decision';
import type { DecisionInput } from './decision';
import type { Percentage } from './percentage';
import type { Finding, GroupScore, ScoredItem } from './result';

const rules = testFramework().rules;

function pct(value: number | null): Percentage {
  return { pct: value, pctRounded: value === null ? null : Math.floor(value * 10) / 10, earned: 0, possible: 0, rated: 0 };
}

function group(groupId: string, value: number | null, unanswered = 0): GroupScore {
  return { groupId, kind: 'core', sector: null, ...pct(value), unanswered, excluded: 0 };
}

function finding(cls: Finding['class'], critical = false, criterionId = 'GQ-02'): Finding {
  return { criterionId, groupId: 'GQ', programmeId: null, class: cls, critical, safety: false, rating: 1, dueDays: null };
}

function majors(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => finding('major', false, `GQ-${10 + i}`));
}

function oi01(rating: ScoredItem['rating'], status: ScoredItem['status'] = 'rated'): Map<string, ScoredItem[]> {
  const item: ScoredItem = {
    criterionId: 'OI-01',
    groupId: 'OI',
    groupKind: 'core',
    programmeId: 'p1',
    weight: 3,
    critical: true,
    safety: false,
    applicable: true,
    status,
    rating,
    outcome: null,
  };
  return new Map([['OI-01', [item]]]);
}

function decide(overrides: Partial<DecisionInput> = {}) {
  const input: DecisionInput = {
    overall: pct(90),
    coreGroups: [group('GQ', 90), group('OI', 90)],
    findings: [],
    itemsByCriterion: oi01(3),
    ...overrides,
  };
  return decideInstitutionOutcome(input, rules);
}

describe('decideInstitutionOutcome', () => {
  it('recommends a clean assessment', () => {
    expect(decide()).toEqual({ decision: 'recommended', reasons: [] });
  });

  it('does not recommend with any critical non-conformity, whatever the score', () => {
    expect(decide({ findings: [finding('critical', true, 'GQ-01')] })).toEqual({
      decision: 'not-recommended',
      reasons: [{ code: 'critical-non-conformity', params: { criterionId: 'GQ-01', programmeId: null } }],
    });
  });

  it('overall: exactly 75 % is recommended, 74.99 % is with conditions', () => {
    expect(decide({ overall: pct(75) }).decision).toBe('recommended');
    expect(decide({ overall: pct(74.99) })).toEqual({
      decision: 'recommended-with-conditions',
      reasons: [{ code: 'overall-below', params: { required: 75, actual: 74.99 } }],
    });
  });

  it('overall: exactly 60 % is with conditions, 59.99 % is deferred', () => {
    expect(decide({ overall: pct(60) }).decision).toBe('recommended-with-conditions');
    expect(decide({ overall: pct(59.99) })).toEqual({
      decision: 'deferred',
      reasons: [{ code: 'overall-below', params: { required: 60, actual: 59.99 } }],
    });
  });

  it('groups: 60 % meets the recommended minimum, 59.99 % does not', () => {
    expect(decide({ coreGroups: [group('GQ', 60), group('OI', 90)] }).decision).toBe('recommended');
    expect(decide({ coreGroups: [group('GQ', 59.99), group('OI', 90)] })).toEqual({
      decision: 'recommended-with-conditions',
      reasons: [{ code: 'group-below', params: { groupId: 'GQ', required: 60, actual: 59.99 } }],
    });
  });

  it('groups: 50 % meets the conditional minimum, 49.99 % is deferred', () => {
    expect(decide({ coreGroups: [group('GQ', 50), group('OI', 90)] }).decision).toBe('recommended-with-conditions');
    expect(decide({ coreGroups: [group('GQ', 49.99), group('OI', 90)] })).toEqual({
      decision: 'deferred',
      reasons: [{ code: 'group-below', params: { groupId: 'GQ', required: 50, actual: 49.99 } }],
    });
  });

  it('majors: 2 allow a recommendation, 3 do not', () => {
    expect(decide({ findings: majors(2) }).decision).toBe('recommended');
    expect(decide({ findings: majors(3) })).toEqual({
      decision: 'recommended-with-conditions',
      reasons: [{ code: 'too-many-majors', params: { max: 2, actual: 3 } }],
    });
  });

  it('majors: 6 allow conditions, 7 defer', () => {
    expect(decide({ findings: majors(6) }).decision).toBe('recommended-with-conditions');
    expect(decide({ findings: majors(7) })).toEqual({
      decision: 'deferred',
      reasons: [{ code: 'too-many-majors', params: { max: 6, actual: 7 } }],
    });
  });

  it('a major on a critical criterion bars a recommendation but not conditions', () => {
    expect(decide({ findings: [finding('major', true, 'GQ-01')] })).toEqual({
      decision: 'recommended-with-conditions',
      reasons: [{ code: 'major-on-critical', params: { criterionId: 'GQ-01', programmeId: null } }],
    });
  });

  it('minors and observations do not count', () => {
    expect(decide({ findings: [...Array(10).fill(finding('minor')), finding('observation')] }).decision).toBe('recommended');
  });

  it('applies the criterion minimums of the recommended class', () => {
    expect(decide({ itemsByCriterion: oi01(2) }).decision).toBe('recommended');
    expect(decide({ itemsByCriterion: oi01(1) })).toEqual({
      decision: 'recommended-with-conditions',
      reasons: [{ code: 'criterion-below-minimum', params: { criterionId: 'OI-01', programmeId: 'p1', required: 2, actual: 1 } }],
    });
    // Not yet rated: the minimum is not shown to be met.
    expect(decide({ itemsByCriterion: oi01(null, 'unanswered') }).decision).toBe('recommended-with-conditions');
  });

  it('a group with nothing rated fails while it has unanswered units, and passes when wholly excluded', () => {
    expect(decide({ coreGroups: [group('GQ', null, 3), group('OI', 90)] })).toEqual({
      decision: 'deferred',
      reasons: [{ code: 'group-not-rated', params: { groupId: 'GQ', required: 50 } }],
    });
    expect(decide({ coreGroups: [group('GQ', null, 0), group('OI', 90)] }).decision).toBe('recommended');
  });

  it('nothing rated at all is deferred', () => {
    expect(decide({ overall: pct(null) }).reasons).toContainEqual({ code: 'overall-not-rated', params: { required: 60 } });
    expect(decide({ overall: pct(null) }).decision).toBe('deferred');
  });

  it('lists every unmet requirement of the next better class', () => {
    const outcome = decide({ overall: pct(70), coreGroups: [group('GQ', 55), group('OI', 90)], findings: majors(3) });
    expect(outcome.decision).toBe('recommended-with-conditions');
    expect(outcome.reasons.map((r) => r.code)).toEqual(['too-many-majors', 'overall-below', 'group-below']);
  });
});
