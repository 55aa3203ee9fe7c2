import { describe, expect, it } from 'vitest';
import { testFramework } from '../framework/test-fixture';
import type { RatingEntry } from '../scoring/inputs';
import { scoreAssessment } from '../scoring/score-assessment';
import { p2 } from '../scoring/test-helpers';
import { gapReportSchema, selfAssessmentGap } from './gap';

const scope = { programmes: [p2] };
const framework = testFramework();
const unit = (criterionId: string, rating: RatingEntry['rating'], evidence: string[], data?: RatingEntry['data']): RatingEntry => ({
  criterionId,
  programmeId: criterionId.startsWith('GQ') ? null : 'p2',
  rating,
  evidence,
  ...(data ? { data } : {}),
});
const side = (ratings: RatingEntry[]) => ({ framework, score: scoreAssessment(framework, scope, ratings) });

/** The comparison reads the ratings that count (§7.1 evidence rules, figures), never the rating typed. */
describe('the gap on the ratings that count', () => {
  const self = [
    unit('GQ-01', 3, ['INT-M']),
    unit('GQ-02', 3, ['DOC', 'OBS']),
    unit('OI-03', null, ['DATA'], { cohort_entrants: 50, cohort_completers: 45 }),
  ];
  const inspection = [
    unit('GQ-01', 2, ['DOC']),
    unit('GQ-02', 3, ['INT-M', 'INT-T']),
    unit('OI-03', null, ['DATA'], { cohort_entrants: 50 }),
  ];
  const report = selfAssessmentGap(side(self), side(inspection));
  const row = (id: string) => report.rows.find((r) => r.criterionId === id)!;

  it('never shows "Met" where 2 counts, and says why', () => {
    expect(row('GQ-01')).toMatchObject({
      self: 2,
      inspector: 2,
      gap: 0,
      selfWhy: { code: 'interview-only', typed: 3 },
      inspectorWhy: null,
    });
    expect(row('GQ-02')).toMatchObject({
      self: 3,
      inspector: 2,
      gap: 1,
      selfWhy: null,
      inspectorWhy: { code: 'interview-only', typed: 3 },
    });
  });

  it('compares a criterion scored from its figures by what they earn, missing figures counting 0', () => {
    expect(row('OI-03')).toMatchObject({
      self: 3,
      inspector: 0,
      gap: 3,
      selfWhy: { code: 'figures', status: 'rated', light: 'green' },
      inspectorWhy: { code: 'figures', status: 'missing', light: null },
    });
  });

  it('is what the services send: the report passes its own schema', () => {
    expect(gapReportSchema.parse(report)).toEqual(report);
  });
});
