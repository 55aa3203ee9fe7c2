import { describe, expect, it } from 'vitest';
import defaultFramework from '../../resources/frameworks/bd-eu-tvet-1.0.0.json';
import { criterionById } from '../framework/lookup';
import type { Framework } from '../framework/schema';
import { testFramework } from '../framework/test-fixture';
import { figuresNeeded, missingFigures, noFiguresKept, ratingFromFigures, scoredFromFigures } from './figures-rating';
import { scoreAssessment } from './score-assessment';
import { p1 } from './test-helpers';

const shipped = defaultFramework as unknown as Framework;
const fixture = testFramework();
const rules = fixture.rules;
const completion = criterionById(fixture, 'OI-03')!;
const placement = criterionById(fixture, 'OI-05')!;

describe('figuresNeeded', () => {
  it('traces the judged rate, the cohort and the response rate back to the figures a person types', () => {
    expect(figuresNeeded(completion)).toEqual(['cohort_entrants', 'cohort_completers']);
    expect(figuresNeeded(placement)).toEqual(['completers_traced', 'tracer_response_rate_pct', 'placed_6m_pct']);
    expect(figuresNeeded(criterionById(fixture, 'GQ-01')!)).toEqual([]);
  });

  it('names exactly the figures of the shipped framework’s criteria scored from figures (LS-03, IL-03, OI-03/05/06/07)', () => {
    const scored = shipped.groups.flatMap((g) => g.criteria).filter(scoredFromFigures);
    expect(Object.fromEntries(scored.map((c) => [c.id, figuresNeeded(c)]))).toEqual({
      'LS-03': ['language_track_learners', 'certified_at_target'],
      'IL-03': ['wbl_cohort_learners', 'learners_with_wbl'],
      'OI-03': ['cohort_entrants', 'cohort_completers'],
      'OI-05': ['tracer_cohort_completers', 'completers_traced_6m', 'employed_or_study_6m'],
      'OI-06': ['tracer_response_rate_pct', 'employed_graduates_traced', 'employed_in_matching_isco'],
      'OI-07': ['cohort_entrants', 'cohort_completers', 'disadv_entrants', 'disadv_completers'],
    });
  });
});

describe('ratingFromFigures', () => {
  it('a rating key with no figures does not count as Met: it scores 0, and says which figures are missing', () => {
    expect(ratingFromFigures(completion, 3, undefined, rules)).toEqual({
      status: 'rated',
      rating: 0,
      outcome: expect.objectContaining({ status: 'missing', rating: 0 }),
      missing: ['cohort_entrants', 'cohort_completers'],
    });
  });

  it('with figures, the light decides whatever was typed: amber scores 2 even after "3"', () => {
    const data = { cohort_entrants: 50, cohort_completers: 35 };
    expect(ratingFromFigures(completion, 3, data, rules)).toMatchObject({ status: 'rated', rating: 2, missing: [] });
    expect(ratingFromFigures(completion, null, data, rules)).toMatchObject({ status: 'rated', rating: 2, missing: [] });
  });

  it('names only the figures still missing when some are typed; an out-of-range figure is not usable', () => {
    expect(ratingFromFigures(completion, null, { cohort_entrants: 50 }, rules)).toMatchObject({
      rating: 0,
      missing: ['cohort_completers'],
    });
    expect(missingFigures(completion, { cohort_entrants: -4, cohort_completers: 3 })).toEqual(['cohort_entrants']);
  });

  it('a rate that cannot be worked out (a zero count) scores 0 without a missing figure to name', () => {
    const gap = criterionById(shipped, 'OI-07')!;
    const data = { cohort_entrants: 0, cohort_completers: 0, disadv_entrants: 12, disadv_completers: 10 };
    expect(ratingFromFigures(gap, null, data, shipped.rules)).toMatchObject({ status: 'rated', rating: 0, missing: [] });
  });

  it('nothing recorded is unanswered; "no figures kept" answers it and scores 0 (absence of evidence)', () => {
    expect(ratingFromFigures(completion, null, {}, rules)).toMatchObject({ status: 'unanswered', rating: null });
    expect(noFiguresKept(completion)).toEqual({ cohort_entrants: null, cohort_completers: null });
    expect(ratingFromFigures(completion, null, noFiguresKept(completion), rules)).toMatchObject({
      status: 'rated',
      rating: 0,
      missing: ['cohort_entrants', 'cohort_completers'],
    });
  });

  it('N/A, a small cohort and a low tracer response are not scored', () => {
    expect(ratingFromFigures(completion, 'na', { cohort_entrants: 50 }, rules)).toMatchObject({ status: 'na', rating: null });
    expect(ratingFromFigures(completion, null, { cohort_entrants: 5, cohort_completers: 5 }, rules).status).toBe('report-only');
    expect(
      ratingFromFigures(placement, null, { completers_traced: 30, tracer_response_rate_pct: 20, placed_6m_pct: 90 }, rules).status,
    ).toBe('insufficient-data');
  });

  it('is exactly what the score counts, for every combination of a typed key and figures', () => {
    const cases = [
      { rating: 3 as const, data: undefined },
      { rating: 3 as const, data: { cohort_entrants: 50, cohort_completers: 35 } },
      { rating: 0 as const, data: { cohort_entrants: 50, cohort_completers: 49 } },
      { rating: null, data: { cohort_entrants: 50 } },
      { rating: null, data: noFiguresKept(completion) },
      { rating: null, data: { cohort_entrants: 50, cohort_completers: 20 } },
    ];
    for (const c of cases) {
      const score = scoreAssessment(fixture, { programmes: [p1] }, [
        { criterionId: 'OI-03', programmeId: 'p1', rating: c.rating, ...(c.data ? { data: c.data } : {}) },
      ]);
      const item = score.items.find((i) => i.criterionId === 'OI-03')!;
      const figures = ratingFromFigures(completion, c.rating, c.data, rules);
      expect({ status: item.status, rating: item.rating }, JSON.stringify(c)).toEqual({ status: figures.status, rating: figures.rating });
    }
  });
});
