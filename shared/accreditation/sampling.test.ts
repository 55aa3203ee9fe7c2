import { describe, expect, it } from 'vitest';
import { PROPOSED_SAMPLING } from './proposed-rules';
import { learnerFileSample, placementCheckSample } from './sampling';

const { learnerFiles, placementPhoneChecks } = PROPOSED_SAMPLING;

describe('sample sizes from the sampling rule (10 files or 10 %, at most 30; 10 % of placements, at least 5)', () => {
  it('checks 10 learner files up to 100 enrolled, 10 % above, and never more than 30', () => {
    expect(learnerFileSample(learnerFiles, 60)).toEqual({ n: 10, total: 60 });
    expect(learnerFileSample(learnerFiles, 120)).toEqual({ n: 12, total: 120 });
    expect(learnerFileSample(learnerFiles, 121)).toEqual({ n: 13, total: 121 }); // 12.1 rounds up
    expect(learnerFileSample(learnerFiles, 1000)).toEqual({ n: 30, total: 1000 });
  });

  it('never asks for more files than there are learners, and the minimum when the figure is missing', () => {
    expect(learnerFileSample(learnerFiles, 6)).toEqual({ n: 6, total: 6 });
    expect(learnerFileSample(learnerFiles, 0)).toEqual({ n: 0, total: 0 });
    expect(learnerFileSample(learnerFiles, null)).toEqual({ n: 10, total: null });
  });

  it('phone-checks 10 % of placements, at least 5, at most all of them', () => {
    expect(placementCheckSample(placementPhoneChecks, 27)).toEqual({ n: 5, total: 27 });
    expect(placementCheckSample(placementPhoneChecks, 120)).toEqual({ n: 12, total: 120 });
    expect(placementCheckSample(placementPhoneChecks, 3)).toEqual({ n: 3, total: 3 });
    expect(placementCheckSample(placementPhoneChecks, null)).toEqual({ n: 5, total: null });
  });

  it('follows a framework’s own figures', () => {
    expect(learnerFileSample({ minimum: 5, pct: 20, maximum: 50 }, 400)).toEqual({ n: 50, total: 400 });
    expect(placementCheckSample({ pct: 25, minimum: 2 }, 40)).toEqual({ n: 10, total: 40 });
  });
});
