import { describe, expect, it } from 'vitest';
import { makeCriterion, makeGroup, testFramework } from '../framework/test-fixture';
import type { Framework } from '../framework/schema';
import { scoreAssessment } from './score-assessment';
import { answerAll, p1, p2, twoProgrammes } from './test-helpers';
import type { Override } from './test-helpers';

const framework = testFramework();

function score(overrides: Record<string, Override> = {}, fw: Framework = framework, scope = twoProgrammes) {
  return scoreAssessment(fw, scope, answerAll(fw, scope, overrides));
}

function group(result: ReturnType<typeof score>, id: string) {
  return result.groups.find((g) => g.groupId === id)!;
}

describe('scoreAssessment: a worked example', () => {
  // GQ-02 partially met; OI-01 largely met for p2; p1's completion amber (35 of 50 = 70 %);
  // p2's placement N/A (no graduates yet); everything else met.
  const result = score({
    'GQ-02': 1,
    'OI-01@p2': 2,
    'OI-03@p1': { data: { cohort_entrants: 50, cohort_completers: 35 } },
    'OI-05@p2': 'na',
  });

  it('computes weighted group percentages, pooling programmes in the same sums', () => {
    // GQ: 3·3 + 2·1 + 2·3 = 17 of 21.
    expect(group(result, 'GQ')).toMatchObject({ earned: 17, possible: 21, rated: 3, pct: (100 * 17) / 21, pctRounded: 80.9 });
    // OI p1: 3·3 + 1·3 + 2·2 + 2·3 = 22 of 24; p2: 3·2 + 1·3 + 2·3 = 15 of 18 (OI-05 N/A left out).
    expect(group(result, 'OI')).toMatchObject({ earned: 37, possible: 42, rated: 7, excluded: 1, pctRounded: 88 });
    expect(group(result, 'CON')).toMatchObject({ earned: 36, possible: 36, pct: 100, excluded: 1 });
  });

  it('computes the overall over core groups only', () => {
    expect(result.overall).toEqual({ pct: (100 * 54) / 63, pctRounded: 85.7, earned: 54, possible: 63, rated: 10 });
  });

  it('gives each programme its sector module percentage', () => {
    expect(result.programmes.map((p) => [p.programmeId, p.sectorGroupId, p.sectorModule?.earned, p.sectorModule?.possible])).toEqual([
      ['p1', 'CON', 21, 21],
      ['p2', 'CON', 15, 15],
    ]);
  });

  it('counts units', () => {
    expect(result.counts).toEqual({
      total: 16,
      answered: 16,
      unanswered: 0,
      na: 1,
      conditionNotMet: 1,
      reportOnly: 0,
      insufficientData: 0,
    });
    expect(result.complete).toBe(true);
  });

  it('lists findings with class and due days', () => {
    expect(result.findings).toEqual([
      { criterionId: 'GQ-02', groupId: 'GQ', programmeId: null, class: 'minor', critical: false, safety: false, rating: 1, dueDays: 365 },
      {
        criterionId: 'OI-01',
        groupId: 'OI',
        programmeId: 'p2',
        class: 'observation',
        critical: true,
        safety: false,
        rating: 2,
        dueDays: null,
      },
      {
        criterionId: 'OI-03',
        groupId: 'OI',
        programmeId: 'p1',
        class: 'observation',
        critical: false,
        safety: false,
        rating: 2,
        dueDays: null,
      },
    ]);
  });

  it('recommends, marks p1 mobility-ready and says nothing about p2', () => {
    expect(result.outcome).toEqual({ decision: 'recommended', reasons: [] });
    expect(result.programmes[0]!.mobilityReady).toEqual({ ready: true, reasons: [] });
    expect(result.programmes[1]!.mobilityReady).toBeNull();
    expect(result.stopUseNotices).toEqual([]);
    expect(result.requiredActions).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('records the traffic light on outcome units', () => {
    const unit = result.items.find((i) => i.criterionId === 'OI-03' && i.programmeId === 'p1');
    expect(unit).toMatchObject({ status: 'rated', rating: 2, outcome: { light: 'amber', value: 70, cohort: 50 } });
  });
});

describe('scoreAssessment: every outcome class', () => {
  it('recommended when everything is met', () => {
    const result = score();
    expect(result.outcome.decision).toBe('recommended');
    expect(result.overall.pct).toBe(100);
  });

  it('not recommended on a critical non-conformity, with a stop-use notice for a safety item', () => {
    const result = score({ 'CON-01@p2': 0 });
    expect(result.outcome).toEqual({
      decision: 'not-recommended',
      reasons: [{ code: 'critical-non-conformity', params: { criterionId: 'CON-01', programmeId: 'p2' } }],
    });
    expect(result.stopUseNotices).toEqual([{ criterionId: 'CON-01', groupId: 'CON', programmeId: 'p2' }]);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ criterionId: 'CON-01', class: 'critical', safety: true, dueDays: 30 }),
    );
  });

  it('recommended with conditions on three majors', () => {
    const result = score({ 'GQ-02': 0, 'CON-02': 0 });
    expect(result.findings.filter((f) => f.class === 'major')).toHaveLength(3);
    expect(result.outcome).toEqual({
      decision: 'recommended-with-conditions',
      reasons: [{ code: 'too-many-majors', params: { max: 2, actual: 3 } }],
    });
  });

  it('deferred when the overall is below the conditional minimum', () => {
    // Five majors (GQ-01, GQ-03, OI-01 ×2, OI-02 for the mobility track) stay within the conditional 6;
    // overall 39 of 69 = 56.5 % and GQ 7 of 21 = 33.3 % do not.
    const result = score({ 'GQ-01': 1, 'GQ-02': 1, 'GQ-03': 1, 'OI-01': 1, 'OI-02': 1 });
    expect(result.findings.filter((f) => f.class === 'major')).toHaveLength(5);
    expect(result.outcome).toEqual({
      decision: 'deferred',
      reasons: [
        { code: 'overall-below', params: { required: 60, actual: (100 * 39) / 69 } },
        { code: 'group-below', params: { groupId: 'GQ', required: 50, actual: (100 * 7) / 21 } },
      ],
    });
  });
});

describe('scoreAssessment: exact overall boundary end to end', () => {
  // One core group of 100 criteria of weight 1: each 2 instead of 3 costs exactly one point of 300.
  const hundred = testFramework();
  hundred.groups = [
    makeGroup(
      'AA',
      Array.from({ length: 100 }, (_, i) => makeCriterion(`AA-${String(i).padStart(2, '0')}`)),
    ),
  ];
  hundred.rules.recommended.criterionMinimums = [];
  const twos = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`AA-${String(i).padStart(2, '0')}`, 2 as const]));

  it('75 % exactly is recommended', () => {
    const result = score(twos(75), hundred, { programmes: [] });
    expect(result.overall.pct).toBe(75);
    expect(result.outcome.decision).toBe('recommended');
  });

  it('74.67 % is recommended with conditions, shown as 74.6', () => {
    const result = score(twos(76), hundred, { programmes: [] });
    expect(result.overall.pctRounded).toBe(74.6);
    expect(result.outcome).toEqual({
      decision: 'recommended-with-conditions',
      reasons: [{ code: 'overall-below', params: { required: 75, actual: (100 * 224) / 300 } }],
    });
  });
});

describe('scoreAssessment: N/A and applicability', () => {
  it('leaves N/A out of the sums', () => {
    const result = score({ 'GQ-02': 'na' });
    expect(group(result, 'GQ')).toMatchObject({ earned: 15, possible: 15, excluded: 1 });
    expect(result.counts.na).toBe(1);
  });

  it('refuses N/A on a critical unit: it stays unanswered and is reported', () => {
    const result = score({ 'GQ-01': 'na', 'OI-02@p1': 'na', 'OI-02@p2': 'na' });
    expect(result.problems).toEqual([
      { code: 'na-not-allowed', criterionId: 'GQ-01', programmeId: null },
      { code: 'na-not-allowed', criterionId: 'OI-02', programmeId: 'p1' },
    ]);
    expect(result.complete).toBe(false);
    expect(result.items.find((i) => i.criterionId === 'OI-02' && i.programmeId === 'p2')?.status).toBe('na');
  });

  it('excludes a unit whose appliesWhen condition does not hold and ignores a rating given for it', () => {
    const ratings = [...answerAll(framework, twoProgrammes), { criterionId: 'CON-03', programmeId: 'p2', rating: 0 as const }];
    const result = scoreAssessment(framework, twoProgrammes, ratings);
    expect(result.items.find((i) => i.criterionId === 'CON-03' && i.programmeId === 'p2')?.status).toBe('condition-not-met');
    expect(result.findings).toEqual([]);
    expect(result.counts.conditionNotMet).toBe(1);
  });
});

describe('scoreAssessment: conditional criticality', () => {
  it('the same rating is a critical non-conformity on a mobility track and a major elsewhere', () => {
    const onMobility = score({ 'OI-02@p1': 0 });
    expect(onMobility.findings).toEqual([
      expect.objectContaining({ criterionId: 'OI-02', programmeId: 'p1', class: 'critical', critical: true }),
    ]);
    expect(onMobility.outcome.decision).toBe('not-recommended');

    const elsewhere = score({ 'OI-02@p2': 0 });
    expect(elsewhere.findings).toEqual([
      expect.objectContaining({ criterionId: 'OI-02', programmeId: 'p2', class: 'major', critical: false }),
    ]);
    expect(elsewhere.outcome.decision).toBe('recommended');
  });

  it('a welding item is critical and a stop-use item only where welding is taught', () => {
    const result = score({ 'CON-03@p1': 0 });
    expect(result.stopUseNotices).toEqual([{ criterionId: 'CON-03', groupId: 'CON', programmeId: 'p1' }]);
  });

  it('a safety item at 1 is a major finding without a stop-use notice', () => {
    const result = score({ 'CON-01@p1': 1 });
    expect(result.findings).toEqual([expect.objectContaining({ class: 'major', safety: true })]);
    expect(result.stopUseNotices).toEqual([]);
  });
});

describe('scoreAssessment: outcome criteria', () => {
  it('reports a small cohort without scoring it', () => {
    const result = score({ 'OI-03@p1': { data: { cohort_entrants: 8, cohort_completers: 2 } } });
    expect(result.items.find((i) => i.criterionId === 'OI-03' && i.programmeId === 'p1')).toMatchObject({
      status: 'report-only',
      rating: null,
    });
    expect(result.counts.reportOnly).toBe(1);
    expect(group(result, 'OI')).toMatchObject({ possible: 48 - 6, excluded: 1 });
    expect(result.findings).toEqual([]);
  });

  it('marks a low tracer response as insufficient data, not scored', () => {
    const result = score({ 'OI-05@p2': { data: { completers_traced: 40, tracer_response_rate_pct: 30, placed_6m_pct: 10 } } });
    expect(result.counts.insufficientData).toBe(1);
    expect(result.findings).toEqual([]);
  });

  it('scores missing data 0: a major finding', () => {
    const result = score({ 'OI-03@p2': { data: { cohort_entrants: null } } });
    expect(result.findings).toEqual([expect.objectContaining({ criterionId: 'OI-03', programmeId: 'p2', class: 'major', rating: 0 })]);
  });

  it('a red completion rate on a cohort of at least 20 requires an action under the configured criterion', () => {
    const result = score({ 'OI-03@p1': { data: { cohort_entrants: 50, cohort_completers: 29 } } });
    expect(result.findings).toEqual([expect.objectContaining({ criterionId: 'OI-03', class: 'minor', rating: 1 })]);
    expect(result.requiredActions).toEqual([
      { code: 'red-outcome', criterionId: 'GQ-02', sourceCriterionId: 'OI-03', programmeId: 'p1', params: { value: 58, cohort: 50 } },
    ]);
  });

  it('a red completion rate on a cohort of 19 requires no action', () => {
    const result = score({ 'OI-03@p1': { data: { cohort_entrants: 19, cohort_completers: 5 } } });
    expect(result.findings).toEqual([expect.objectContaining({ criterionId: 'OI-03', class: 'minor' })]);
    expect(result.requiredActions).toEqual([]);
  });

  it('leaves an outcome unit unanswered until a rating or a data field is recorded', () => {
    const result = score({ 'OI-05@p1': { rating: null, data: {} } });
    expect(result.items.find((i) => i.criterionId === 'OI-05' && i.programmeId === 'p1')?.status).toBe('unanswered');
    expect(result.complete).toBe(false);
  });
});

describe('scoreAssessment: incomplete and messy input', () => {
  it('leaves unanswered units out of the score and marks the result incomplete', () => {
    const ratings = answerAll(framework, twoProgrammes).filter((r) => r.criterionId !== 'GQ-02');
    const result = scoreAssessment(framework, twoProgrammes, ratings);
    expect(result.complete).toBe(false);
    expect(result.counts).toMatchObject({ total: 16, answered: 15, unanswered: 1 });
    expect(group(result, 'GQ')).toMatchObject({ pct: 100, unanswered: 1 });
  });

  it('defers while a whole core group is unanswered', () => {
    const ratings = answerAll(framework, twoProgrammes).filter((r) => !r.criterionId.startsWith('GQ'));
    const result = scoreAssessment(framework, twoProgrammes, ratings);
    expect(group(result, 'GQ').pct).toBeNull();
    expect(result.outcome.decision).toBe('deferred');
    expect(result.outcome.reasons).toContainEqual({ code: 'group-not-rated', params: { groupId: 'GQ', required: 50 } });
  });

  it('does not let one of two conflicting entries win', () => {
    const ratings = [...answerAll(framework, twoProgrammes), { criterionId: 'GQ-02', programmeId: null, rating: 0 as const }];
    const result = scoreAssessment(framework, twoProgrammes, ratings);
    expect(result.problems).toEqual([{ code: 'duplicate-rating', criterionId: 'GQ-02', programmeId: null }]);
    expect(result.items.find((i) => i.criterionId === 'GQ-02')?.status).toBe('unanswered');
  });

  it('accepts an identical duplicate silently', () => {
    const ratings = answerAll(framework, twoProgrammes);
    const result = scoreAssessment(framework, twoProgrammes, [...ratings, ...ratings]);
    expect(result.problems).toEqual([]);
    expect(result.complete).toBe(true);
  });

  it('reports entries outside the scope and programmes listed twice', () => {
    const ratings = [
      ...answerAll(framework, twoProgrammes),
      { criterionId: 'GQ-01', programmeId: 'p1', rating: 3 as const },
      { criterionId: 'OI-01', programmeId: 'p9', rating: 3 as const },
      { criterionId: 'ZZ-01', programmeId: null, rating: 3 as const },
    ];
    const result = scoreAssessment(framework, { programmes: [p1, p2, p1] }, ratings);
    expect(result.problems).toEqual([
      { code: 'duplicate-programme', criterionId: null, programmeId: 'p1' },
      { code: 'rating-outside-scope', criterionId: 'GQ-01', programmeId: 'p1' },
      { code: 'rating-outside-scope', criterionId: 'OI-01', programmeId: 'p9' },
      { code: 'rating-outside-scope', criterionId: 'ZZ-01', programmeId: null },
    ]);
    expect(result.outcome.decision).toBe('recommended');
  });

  it('names the framework version it scored against', () => {
    expect(score()).toMatchObject({ frameworkId: 'test-framework', frameworkVersion: '1.0.0' });
  });
});
