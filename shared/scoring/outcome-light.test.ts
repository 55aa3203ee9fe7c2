import { describe, expect, it } from 'vitest';
import { testFramework } from '../framework/test-fixture';
import { criterionById } from '../framework/lookup';
import { evaluateOutcome, lightOf } from './outcome-light';

const framework = testFramework();
const rules = framework.rules;
const completion = criterionById(framework, 'OI-03')!;
const placement = criterionById(framework, 'OI-05')!;

describe('lightOf', () => {
  it('higher is better: ≥ green is green, ≥ amber is amber, else red', () => {
    const outcome = { direction: 'higherIsBetter' as const, green: 80, amber: 60 };
    expect(lightOf(outcome, 80)).toBe('green');
    expect(lightOf(outcome, 79.99)).toBe('amber');
    expect(lightOf(outcome, 60)).toBe('amber');
    expect(lightOf(outcome, 59.99)).toBe('red');
  });

  it('lower is better: ≤ green is green, ≤ amber is amber, else red (completion gap in pp)', () => {
    const outcome = { direction: 'lowerIsBetter' as const, green: 5, amber: 10 };
    expect(lightOf(outcome, 5)).toBe('green');
    expect(lightOf(outcome, 5.01)).toBe('amber');
    expect(lightOf(outcome, 10)).toBe('amber');
    expect(lightOf(outcome, 10.01)).toBe('red');
  });
});

describe('evaluateOutcome', () => {
  it('scores a derived completion rate: green 3, amber 2, red 1', () => {
    expect(evaluateOutcome(completion, { cohort_entrants: 50, cohort_completers: 40 }, rules)).toEqual({
      light: 'green',
      status: 'rated',
      value: 80,
      rating: 3,
      cohort: 50,
    });
    expect(evaluateOutcome(completion, { cohort_entrants: 50, cohort_completers: 30 }, rules)).toMatchObject({
      light: 'amber',
      rating: 2,
      value: 60,
    });
    expect(evaluateOutcome(completion, { cohort_entrants: 50, cohort_completers: 29 }, rules)).toMatchObject({
      light: 'red',
      rating: 1,
      value: 58,
    });
  });

  it('scores missing data 0', () => {
    expect(evaluateOutcome(completion, { cohort_entrants: 50 }, rules)).toEqual({
      light: null,
      status: 'missing',
      value: null,
      rating: 0,
      cohort: 50,
    });
    expect(evaluateOutcome(completion, {}, rules)).toMatchObject({ status: 'missing', rating: 0 });
  });

  it('reports a cohort below rules.minCohort without scoring it, even when red', () => {
    expect(evaluateOutcome(completion, { cohort_entrants: 9, cohort_completers: 1 }, rules)).toEqual({
      light: null,
      status: 'report-only',
      value: (100 * 1) / 9,
      rating: null,
      cohort: 9,
    });
    expect(evaluateOutcome(completion, { cohort_entrants: 10, cohort_completers: 1 }, rules)).toMatchObject({
      status: 'rated',
      light: 'red',
    });
  });

  it('takes the minimum cohort from the rules', () => {
    const lenient = { ...rules, minCohort: 5 };
    expect(evaluateOutcome(completion, { cohort_entrants: 9, cohort_completers: 9 }, lenient)).toMatchObject({
      status: 'rated',
      rating: 3,
    });
  });

  it('marks a tracer response below rules.minTracerResponsePct as insufficient data', () => {
    const data = { completers_traced: 40, placed_6m_pct: 70 };
    expect(evaluateOutcome(placement, { ...data, tracer_response_rate_pct: 49.9 }, rules)).toMatchObject({
      status: 'insufficient-data',
      rating: null,
      light: null,
      value: 70,
    });
    expect(evaluateOutcome(placement, { ...data, tracer_response_rate_pct: 50 }, rules)).toMatchObject({
      status: 'rated',
      light: 'green',
      rating: 3,
    });
  });

  it('checks the cohort before the response rate', () => {
    expect(evaluateOutcome(placement, { completers_traced: 5, tracer_response_rate_pct: 10, placed_6m_pct: 70 }, rules).status).toBe(
      'report-only',
    );
  });

  it('treats an unrecorded cohort or response rate as unverifiable (missing, 0)', () => {
    expect(evaluateOutcome(placement, { tracer_response_rate_pct: 80, placed_6m_pct: 70 }, rules)).toMatchObject({
      status: 'missing',
      rating: 0,
      value: 70,
    });
    expect(evaluateOutcome(placement, { completers_traced: 40, placed_6m_pct: 70 }, rules)).toMatchObject({ status: 'missing', rating: 0 });
  });
});
