import { describe, expect, it } from 'vitest';
import { testFramework } from '../framework/test-fixture';
import type { RatingEntry } from '../scoring/inputs';
import { scoreAssessment } from '../scoring/score-assessment';
import { p2 } from '../scoring/test-helpers';
import { selfAssessmentGap } from './gap';

const scope = { programmes: [p2] }; // masonry: no mobility track, no welding (so CON-03 does not apply)
const unit = (criterionId: string, rating: RatingEntry['rating'], data?: RatingEntry['data']): RatingEntry => ({
  criterionId,
  programmeId: criterionId.startsWith('GQ') ? null : 'p2',
  rating,
  ...(data ? { data } : {}),
});

// The institution's view of itself, and the inspector's, over the same units.
const self: RatingEntry[] = [
  unit('GQ-01', 3),
  unit('GQ-02', 3),
  unit('GQ-03', 2),
  unit('OI-01', 3),
  unit('OI-02', 'na'),
  unit('OI-03', null, { cohort_entrants: 50, cohort_completers: 45 }), // 90 %: green, 3
  // OI-05 not answered in the self-assessment
  unit('CON-01', 3),
  unit('CON-02', 2),
];
const inspection: RatingEntry[] = [
  unit('GQ-01', 1),
  unit('GQ-02', 3),
  unit('GQ-03', 3),
  unit('OI-01', 2),
  unit('OI-02', 1),
  unit('OI-03', null, { cohort_entrants: 50, cohort_completers: 30 }), // 60 %: amber, 2
  unit('OI-05', null, { completers_traced: 30, tracer_response_rate_pct: 80, placed_6m_pct: 70 }), // green, 3
  unit('CON-01', 0),
  unit('CON-02', 2),
];

describe('self-assessment vs inspection gap', () => {
  const framework = testFramework();
  const side = (ratings: RatingEntry[]) => ({ framework, score: scoreAssessment(framework, scope, ratings) });
  const report = selfAssessmentGap(side(self), side(inspection));

  it('lists every inspected unit with both ratings, largest over-rating first', () => {
    expect(report.rows.map((r) => [r.criterionId, r.self, r.inspector, r.gap])).toEqual([
      ['CON-01', 3, 0, 3], // the institution sees a safe workshop; the inspector does not
      ['GQ-01', 3, 1, 2],
      ['OI-01', 3, 2, 1], // at the same size, framework order
      ['OI-03', 3, 2, 1], // outcome criteria compare the ratings their data earn
      ['GQ-03', 2, 3, -1], // under-rating after over-rating of the same size
      ['GQ-02', 3, 3, 0],
      ['CON-02', 2, 2, 0],
      ['OI-02', 'na', 1, null], // N/A is never a number
      ['OI-05', null, 3, null],
    ]);
    expect(report.rows.find((r) => r.criterionId === 'CON-03')).toBeUndefined(); // its condition does not hold
    expect(report.rows[0]).toMatchObject({ groupId: 'CON', programmeId: 'p2', weight: 3, critical: true });
  });

  it('totals each group over the units both sides rated, with the inspection framework’s weights', () => {
    const gq = report.groups.find((g) => g.groupId === 'GQ')!;
    // Self 3·3 + 2·3 + 2·2 = 19, inspector 3·1 + 2·3 + 2·3 = 15, of 21 possible.
    expect(gq).toMatchObject({ kind: 'core', compared: 3, overRated: 1, underRated: 1, agreed: 1, meanAbsoluteGap: 1 });
    expect(gq.selfPct).toBeCloseTo((100 * 19) / 21, 10);
    expect(gq.inspectorPct).toBeCloseTo((100 * 15) / 21, 10);
    expect(gq.gapPp).toBeCloseTo((100 * 4) / 21, 10);

    const oi = report.groups.find((g) => g.groupId === 'OI')!;
    expect(oi).toMatchObject({ compared: 2, selfPct: 100, overRated: 2, underRated: 0, agreed: 0, meanAbsoluteGap: 1 });
    expect(oi.inspectorPct).toBeCloseTo((100 * 10) / 15, 10);

    const con = report.groups.find((g) => g.groupId === 'CON')!;
    expect(con).toMatchObject({ kind: 'sector', compared: 2, overRated: 1, agreed: 1, meanAbsoluteGap: 1.5 });
    expect(con.gapPp).toBeCloseTo(60, 10);

    // Overall covers the core groups only, like the overall score: 34 and 25 of 36.
    expect(report.overall.compared).toBe(5);
    expect(report.overall.selfPct).toBeCloseTo((100 * 34) / 36, 10);
    expect(report.overall.inspectorPct).toBeCloseTo((100 * 25) / 36, 10);
    expect(report.overall.gapPp).toBeCloseTo(25, 10);
  });

  it('gives no percentages when nothing could be compared', () => {
    const empty = selfAssessmentGap(side([]), side(inspection));
    expect(empty.overall).toEqual({
      compared: 0,
      selfPct: null,
      inspectorPct: null,
      gapPp: null,
      overRated: 0,
      underRated: 0,
      agreed: 0,
      meanAbsoluteGap: null,
    });
    expect(empty.rows.every((r) => r.gap === null && r.self === null)).toBe(true);
  });
});
