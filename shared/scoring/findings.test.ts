import { describe, expect, it } from 'vitest';
import { testFramework } from '../framework/test-fixture';
import { classifyFinding, correctiveActionDueDays } from './findings';

describe('classifyFinding (§7.4)', () => {
  it.each([
    [0, true, 'critical'],
    [1, true, 'major'],
    [2, true, 'observation'],
    [3, true, null],
    [0, false, 'major'],
    [1, false, 'minor'],
    [2, false, 'observation'],
    [3, false, null],
  ] as const)('rating %i on a critical=%s criterion is %s', (rating, critical, expected) => {
    expect(classifyFinding(rating, critical)).toBe(expected);
  });
});

describe('correctiveActionDueDays', () => {
  it('takes the days from the rules; observations have none', () => {
    const rules = testFramework().rules;
    expect(correctiveActionDueDays('critical', rules)).toBe(30);
    expect(correctiveActionDueDays('major', rules)).toBe(90);
    expect(correctiveActionDueDays('minor', rules)).toBe(365);
    expect(correctiveActionDueDays('observation', rules)).toBeNull();
    expect(correctiveActionDueDays('major', { correctiveActionDays: { critical: 14, major: 60, minor: 180 } })).toBe(60);
  });
});
