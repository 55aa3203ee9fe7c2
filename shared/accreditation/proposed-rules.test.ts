import { describe, expect, it } from 'vitest';
import bundled from '../../resources/frameworks/bd-eu-tvet-1.0.0.json';
import { frameworkSchema } from '../framework/schema';
import { PROPOSED_ACCREDITATION_CYCLE, PROPOSED_SAMPLING, accreditationCycleOf, samplingOf } from './proposed-rules';

describe('proposed accreditation rules', () => {
  it('framework 1.0.0 has no cycle or sampling of its own, so the proposal applies', () => {
    const rules = frameworkSchema.parse(bundled).rules;
    expect(rules.accreditationCycle).toBeUndefined();
    expect(accreditationCycleOf(rules)).toEqual({
      validityMonths: { recommended: 24, 'recommended-with-conditions': 12 },
      appealDays: 30,
      proposal: true,
    });
    expect(samplingOf(rules)).toEqual({
      learnerFiles: { minimum: 10, pct: 10, maximum: 30 },
      placementPhoneChecks: { pct: 10, minimum: 5 },
      proposal: true,
    });
  });

  it("a framework's own figures win over the proposal", () => {
    const own = { validityMonths: { recommended: 36, 'recommended-with-conditions': 18 }, appealDays: 14, proposal: false };
    expect(accreditationCycleOf({ accreditationCycle: own })).toBe(own);
    expect(accreditationCycleOf({})).toBe(PROPOSED_ACCREDITATION_CYCLE);
    const sampling = { learnerFiles: { minimum: 5, pct: 20, maximum: 40 }, placementPhoneChecks: { pct: 5, minimum: 3 }, proposal: false };
    expect(samplingOf({ sampling })).toBe(sampling);
    expect(samplingOf({})).toBe(PROPOSED_SAMPLING);
  });
});
