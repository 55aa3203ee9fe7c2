import { describe, expect, it } from 'vitest';
import type { RatingPatch } from '../../../shared/assessments/schema';
import type { ScoreResult } from '../../../shared/scoring';
import { resultHash, storedScore } from './assessment-workflow';
import { rateAll, setUp } from './test-fixtures';

/**
 * Issue 14, point 1: outcome figures never gate an outcome. The institution of the fixtures has a local
 * care programme and a care programme on a mobility track to Germany (German, B1). Its first mobility
 * cohort of 30 learners has not yet sat the external language test; the inspector rates the language
 * training itself (target named, teachers qualified, external test chosen) Met. Everything else is met
 * and every other outcome is green.
 */
function setUpBoth() {
  const fixture = setUp();
  const { s } = fixture;
  const v110 = s.frameworks.list().find((v) => v.frameworkId === 'bd-eu-tvet' && v.version === '1.1.0')!;
  expect(v110).toBeDefined();
  expect(fixture.version.version).toBe('1.0.0');
  return { ...fixture, v110 };
}

const languageProcessMet: RatingPatch = {
  rating: 3,
  evidenceSeen: ['DOC', 'REC'],
  note: 'German B1 named; Goethe-certified teachers; telc B1 booked.',
};

function item(result: ScoreResult, criterionId: string, programmeId: string | null) {
  return result.items.find((i) => i.criterionId === criterionId && i.programmeId === programmeId)!;
}

function readiness(result: ScoreResult, programmeId: string) {
  return result.programmes.find((p) => p.programmeId === programmeId)!.mobilityReady!;
}

describe('framework 1.1.0: LS-03 is a process criterion and the certification rate an outcome (OI-09)', () => {
  it('a first cohort that has not sat the test: recommended, OI-09 shows insufficient data, not yet mobility-ready', () => {
    const { s, mobility, input, v110 } = setUpBoth();
    const a = s.assessments.create(input({ frameworkVersionId: v110.id }));
    rateAll(s, a.id, (unit) => {
      if (unit.criterionId === 'LS-03') return languageProcessMet;
      // 30 learners in the cohort, none tested yet, so none certified.
      if (unit.criterionId === 'OI-09') return { data: { language_track_learners: 30, language_test_takers: 0, certified_at_target: 0 } };
      return undefined;
    });
    const result = s.assessments.score(a.id);

    expect(result.complete).toBe(true);
    expect(item(result, 'LS-03', mobility.id)).toMatchObject({ critical: true, status: 'rated', rating: 3 });
    // Shown, not scored: nothing is judged on a cohort that has not been tested.
    expect(item(result, 'OI-09', mobility.id)).toMatchObject({
      critical: false,
      status: 'insufficient-data',
      rating: null,
      outcome: { status: 'insufficient-data', light: null },
    });
    expect(result.findings.filter((f) => f.criterionId === 'LS-03' || f.criterionId === 'OI-09')).toEqual([]);
    expect(result.outcome).toEqual({ decision: 'recommended', reasons: [] });
    // Mobility-ready needs the language results: not yet.
    expect(readiness(result, mobility.id)).toEqual({
      ready: false,
      reasons: [{ code: 'criterion-below-minimum', params: { criterionId: 'OI-09', programmeId: mobility.id, required: 2, actual: null } }],
    });
  });

  it('40 % certified: a red light on the non-critical OI-09 (a minor finding), no major on a critical criterion, not mobility-ready', () => {
    const { s, mobility, input, v110 } = setUpBoth();
    const a = s.assessments.create(input({ frameworkVersionId: v110.id }));
    rateAll(s, a.id, (unit) => {
      if (unit.criterionId === 'LS-03') return languageProcessMet;
      if (unit.criterionId === 'OI-09') return { data: { language_track_learners: 30, language_test_takers: 30, certified_at_target: 12 } };
      return undefined;
    });
    const result = s.assessments.score(a.id);

    const oi09 = item(result, 'OI-09', mobility.id);
    expect(oi09).toMatchObject({ critical: false, status: 'rated', rating: 1, outcome: { light: 'red', value: 40, cohort: 30 } });
    expect(result.findings.filter((f) => f.critical && (f.class === 'major' || f.class === 'critical'))).toEqual([]);
    expect(result.findings.filter((f) => f.criterionId === 'OI-09')).toEqual([
      expect.objectContaining({ criterionId: 'OI-09', programmeId: mobility.id, class: 'minor', critical: false, rating: 1 }),
    ]);
    expect(result.outcome.decision).toBe('recommended');
    // A red outcome on a cohort of 30 (≥ 20) requires an improvement action under QC-06.
    expect(result.requiredActions).toContainEqual(
      expect.objectContaining({ code: 'red-outcome', criterionId: 'QC-06', sourceCriterionId: 'OI-09', programmeId: mobility.id }),
    );
    expect(readiness(result, mobility.id)).toEqual({
      ready: false,
      reasons: [{ code: 'criterion-below-minimum', params: { criterionId: 'OI-09', programmeId: mobility.id, required: 2, actual: 1 } }],
    });

    // 24 of 30 certified (80 %): green, and the programme is mobility-ready.
    s.ratings.save({
      assessmentId: a.id,
      criterionId: 'OI-09',
      programmeId: mobility.id,
      patch: { data: { language_track_learners: 30, language_test_takers: 30, certified_at_target: 24 } },
    });
    const green = s.assessments.score(a.id);
    expect(item(green, 'OI-09', mobility.id)).toMatchObject({ rating: 3, outcome: { light: 'green', value: 80 } });
    expect(readiness(green, mobility.id)).toEqual({ ready: true, reasons: [] });
  });

  it('the same cohort on an assessment pinned to 1.0.0 scores as 1.0.0 always did, and recomputes to its stored score', () => {
    const { s, mobility, input } = setUpBoth();
    const a = s.assessments.create(input());
    expect(a.frameworkVersion).toBe('1.0.0');
    // 1.0.0 scores LS-03 from its figures only: 12 of 30 certified is red (1), a major on a critical criterion.
    rateAll(s, a.id, (unit) => {
      if (unit.criterionId === 'LS-03' && unit.programmeId === mobility.id)
        return { data: { language_track_learners: 30, certified_at_target: 12 }, evidenceSeen: ['DOC', 'REC'] };
      return undefined;
    });
    const submitted = s.workflow.submit(a.id, s.assessments.get(a.id).assessment.revision);
    const stored = submitted.score!;
    expect(stored).toMatchObject({ decision: 'recommended-with-conditions', complete: true });

    const again = s.assessments.score(a.id);
    expect(storedScore(again, stored.computedAt)).toEqual(stored);
    expect(again.frameworkVersion).toBe('1.0.0');
    expect(item(again, 'LS-03', mobility.id)).toMatchObject({ critical: true, rating: 1, outcome: { light: 'red' } });
    expect(again.outcome.reasons).toContainEqual({ code: 'major-on-critical', params: { criterionId: 'LS-03', programmeId: mobility.id } });
    expect(again.items.some((i) => i.criterionId === 'OI-09')).toBe(false);
    // Recomputing gives the very same result, not only the same summary.
    expect(resultHash(s.assessments.score(a.id))).toBe(resultHash(again));
  });
});

describe('moving a draft from 1.0.0 to the bundled 1.1.0', () => {
  it('the review lists LS-03 as changed and OI-09 as added; LS-03 then waits for the inspector’s own rating', () => {
    const { s, mobility, input, v110 } = setUpBoth();
    const a = s.assessments.create(input());
    s.ratings.save({
      assessmentId: a.id,
      criterionId: 'LS-03',
      programmeId: mobility.id,
      patch: { data: { language_track_learners: 30, certified_at_target: 12 } },
    });

    const preview = s.frameworkChange.change({ id: a.id, revision: a.revision, frameworkVersionId: v110.id, apply: false });
    expect(preview.added).toEqual(['OI-09']);
    expect(preview.removed).toEqual([]);
    expect(preview.changed).toContain('LS-03');
    expect(preview.droppedRatings).toBe(0);

    const moved = s.frameworkChange.change({ id: a.id, revision: a.revision, frameworkVersionId: v110.id, apply: true });
    expect(moved.assessment).toMatchObject({ frameworkVersion: '1.1.0', frameworkContentHash: v110.contentHash });
    // LS-03 has no figures in 1.1.0: the unit is to be rated again; its figures go to OI-09 (framework-change-figures.test.ts),
    // which counts 0 until the learners who have sat the test are entered (1.0.0 never asked for them).
    expect(item(s.assessments.score(a.id), 'LS-03', mobility.id)).toMatchObject({ status: 'unanswered', rating: null });
    expect(item(s.assessments.score(a.id), 'OI-09', mobility.id)).toMatchObject({
      status: 'rated',
      rating: 0,
      outcome: { status: 'missing' },
    });
  });
});
