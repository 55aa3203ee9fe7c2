import { describe, expect, it } from 'vitest';
import { testFramework } from '../framework/test-fixture';
import { scoreAssessment } from './score-assessment';
import { answerAll, p1, twoProgrammes } from './test-helpers';
import type { Override } from './test-helpers';
import type { AssessmentScope } from './inputs';

const framework = testFramework();

function readiness(overrides: Record<string, Override> = {}, scope: AssessmentScope = twoProgrammes) {
  const result = scoreAssessment(framework, scope, answerAll(framework, scope, overrides));
  return { result, p1: result.programmes[0]!.mobilityReady };
}

describe('mobility readiness (§7.4)', () => {
  it('is ready when everything holds', () => {
    expect(readiness().p1).toEqual({ ready: true, reasons: [] });
  });

  it('needs the institution outcome to be at least "with conditions"', () => {
    const { result, p1: ready } = readiness({ 'GQ-01': 1, 'GQ-02': 1, 'GQ-03': 1, 'OI-01': 1, 'OI-02': 1 });
    expect(result.outcome.decision).toBe('deferred');
    expect(ready?.ready).toBe(false);
    expect(ready?.reasons).toContainEqual({ code: 'institution-outcome', params: { decision: 'deferred' } });
  });

  it('fails on an open major in a watched group affecting the programme, even when the institution is recommended', () => {
    const { result, p1: ready } = readiness({ 'GQ-02': 0 });
    expect(result.outcome.decision).toBe('recommended');
    expect(ready).toEqual({
      ready: false,
      reasons: [{ code: 'open-major', params: { criterionId: 'GQ-02', programmeId: null, class: 'major' } }],
    });
  });

  it('ignores a major that concerns another programme', () => {
    expect(readiness({ 'OI-02@p2': 0 }).p1).toEqual({ ready: true, reasons: [] });
  });

  it('needs the sector module at or above the minimum', () => {
    // CON for p1: 3·3 + 2·0 + 2·2 = 13 of 21 = 61.9 %.
    const { p1: ready } = readiness({ 'CON-02@p1': 0, 'CON-03@p1': 2 });
    expect(ready).toEqual({
      ready: false,
      reasons: [{ code: 'sector-below', params: { groupId: 'CON', required: 70, actual: (100 * 13) / 21 } }],
    });
  });

  it('needs every critical sector unit at 2 or more', () => {
    const { result, p1: ready } = readiness({ 'CON-03@p1': 1 });
    expect(result.outcome.decision).toBe('recommended-with-conditions');
    expect(ready).toEqual({
      ready: false,
      reasons: [{ code: 'sector-critical-below', params: { criterionId: 'CON-03', required: 2, actual: 1 } }],
    });
  });

  it('applies the criterion minimums (zero tolerance where the minimum is 3)', () => {
    const { result, p1: ready } = readiness({ 'GQ-03': 2 });
    expect(result.outcome.decision).toBe('recommended');
    expect(ready).toEqual({
      ready: false,
      reasons: [{ code: 'criterion-below-minimum', params: { criterionId: 'GQ-03', programmeId: null, required: 3, actual: 2 } }],
    });
  });

  it('is not ready without a sector module for the programme', () => {
    const ict = { id: 'p3', facts: { sector: 'ict' as const, mobilityTrack: true, activities: [] } };
    const scope = { programmes: [ict] };
    const result = scoreAssessment(framework, scope, answerAll(framework, scope));
    expect(result.programmes[0]).toEqual({
      programmeId: 'p3',
      sectorGroupId: null,
      sectorModule: null,
      mobilityReady: { ready: false, reasons: [{ code: 'no-sector-module', params: {} }] },
    });
  });

  it('is only computed for mobility-track programmes', () => {
    const { result } = readiness({}, { programmes: [{ ...p1, facts: { ...p1.facts, mobilityTrack: false } }] });
    expect(result.programmes[0]!.mobilityReady).toBeNull();
  });
});
