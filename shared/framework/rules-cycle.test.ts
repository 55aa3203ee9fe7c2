import { describe, expect, it } from 'vitest';
import shipped from '../../resources/frameworks/bd-eu-tvet-1.0.0.json';
import { testFramework } from './test-fixture';
import { validateFramework, type Problem } from './validate';

/** The optional accreditation-cycle and sampling blocks of `rules` (framework 1.1.0 on; 1.0.0 has neither). */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const cycle = { validityMonths: { recommended: 24, 'recommended-with-conditions': 12 }, appealDays: 30, proposal: true };
const sampling = { learnerFiles: { minimum: 10, pct: 10, maximum: 30 }, placementPhoneChecks: { pct: 10, minimum: 5 }, proposal: true };

function withRules(extra: Json): Json {
  const fw = JSON.parse(JSON.stringify(testFramework())) as Json;
  Object.assign(fw.rules, extra);
  return fw;
}

function errorsOf(input: unknown): Problem[] {
  const result = validateFramework(input);
  if (result.ok) throw new Error('expected the framework to be refused');
  return result.errors;
}

describe('rules.accreditationCycle and rules.sampling', () => {
  it('are optional: 1.0.0 and a framework without them still validate', () => {
    expect(validateFramework(shipped).ok).toBe(true);
    expect(validateFramework(testFramework()).ok).toBe(true);
  });

  it('are kept when well-formed', () => {
    const result = validateFramework(withRules({ accreditationCycle: cycle, sampling }));
    expect(result.ok && result.framework.rules).toMatchObject({ accreditationCycle: cycle, sampling });
  });

  it('refuse a malformed accreditation cycle with a clear message at its place', () => {
    const zeroMonths = { ...cycle, validityMonths: { recommended: 0, 'recommended-with-conditions': 12 } };
    expect(errorsOf(withRules({ accreditationCycle: zeroMonths }))).toContainEqual({
      path: ['rules', 'accreditationCycle', 'validityMonths', 'recommended'],
      code: 'too-small',
      message: 'Must be at least 1.',
    });
    const halfMonth = { ...cycle, validityMonths: { recommended: 24.5, 'recommended-with-conditions': 12 } };
    expect(errorsOf(withRules({ accreditationCycle: halfMonth }))).toContainEqual(
      expect.objectContaining({ path: ['rules', 'accreditationCycle', 'validityMonths', 'recommended'], code: 'invalid-type' }),
    );
    const { appealDays: _dropped, ...noAppeal } = cycle;
    expect(errorsOf(withRules({ accreditationCycle: noAppeal }))).toContainEqual({
      path: ['rules', 'accreditationCycle', 'appealDays'],
      code: 'required',
      message: 'This value is required.',
    });
    expect(errorsOf(withRules({ accreditationCycle: { ...cycle, proposal: 'yes' } }))).toContainEqual({
      path: ['rules', 'accreditationCycle', 'proposal'],
      code: 'invalid-type',
      message: 'Expected boolean.',
    });
    expect(errorsOf(withRules({ accreditationCycle: { ...cycle, validity: 24 } }))).toContainEqual({
      path: ['rules', 'accreditationCycle', 'validity'],
      code: 'unknown-key',
      message: 'Unknown key "validity".',
    });
  });

  it('refuse a sampling rule whose maximum is below its minimum, and a percentage above 100', () => {
    const upsideDown = { ...sampling, learnerFiles: { minimum: 40, pct: 10, maximum: 30 } };
    expect(errorsOf(withRules({ sampling: upsideDown }))).toContainEqual(
      expect.objectContaining({ path: ['rules', 'sampling', 'learnerFiles', 'maximum'], code: 'inconsistent-thresholds' }),
    );
    const tooMany = { ...sampling, placementPhoneChecks: { pct: 120, minimum: 5 } };
    expect(errorsOf(withRules({ sampling: tooMany }))).toContainEqual({
      path: ['rules', 'sampling', 'placementPhoneChecks', 'pct'],
      code: 'too-large',
      message: 'Must be at most 100.',
    });
  });

  it('warns when a conditional outcome would stay valid longer than a recommended one', () => {
    const result = validateFramework(
      withRules({ accreditationCycle: { ...cycle, validityMonths: { recommended: 12, 'recommended-with-conditions': 24 } } }),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        path: ['rules', 'accreditationCycle', 'validityMonths', 'recommended-with-conditions'],
        code: 'inconsistent-thresholds',
      }),
    );
  });
});
