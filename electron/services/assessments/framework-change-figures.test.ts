import { describe, expect, it } from 'vitest';
import type { MoveNote } from '../../../shared/assessments/framework-moves';
import type { ScoreResult } from '../../../shared/scoring';
import { missingFigures } from '../../../shared/scoring';
import { greenData, rateAll, setUp, type UnitAnswer } from './test-fixtures';

/**
 * Issue 14: moving a draft from the bundled 1.0.0 to 1.1.0 carries the language certification figures
 * from LS-03 (where 1.0.0 kept them) to OI-09 (where 1.1.0 scores them), field by field; keeps LS-03's
 * rating, notes and evidence, flagged for review; and says what the inspector must enter or check on
 * the criteria whose data fields changed (OI-05, IL-02). Against a real SQLite file.
 */
function setUpMove() {
  const fixture = setUp();
  const { s, care, mobility, input } = fixture;
  const v110 = s.frameworks.list().find((v) => v.frameworkId === 'bd-eu-tvet' && v.version === '1.1.0')!;
  const a = s.assessments.create(input());
  rateAll(s, a.id, (unit): UnitAnswer => {
    if (unit.criterionId === 'LS-03' && unit.programmeId === mobility.id)
      return { data: greenData['LS-03'], evidenceSeen: ['DOC', 'DATA'], note: 'telc B1 results for the 2024 cohort seen.' };
    if (unit.criterionId === 'LS-03' && unit.programmeId === care.id)
      return { data: { language_track_learners: 18, certified_at_target: 9 }, evidenceSeen: ['DATA'] };
    if (unit.criterionId === 'OI-05') return { data: { ...greenData['OI-05'], employed_12m: 25 }, evidenceSeen: ['DATA', 'REC'] };
    return undefined;
  });
  return { ...fixture, v110, a };
}

function item(result: ScoreResult, criterionId: string, programmeId: string | null) {
  return result.items.find((i) => i.criterionId === criterionId && i.programmeId === programmeId)!;
}

describe('moving from 1.0.0 to 1.1.0: the language certification figures go to OI-09', () => {
  it('the review lists, unit by unit, what moves, what to enter or check and what to review; nothing changes yet', () => {
    const { s, care, mobility, v110, a } = setUpMove();
    expect(item(s.assessments.score(a.id), 'LS-03', mobility.id)).toMatchObject({ status: 'rated', rating: 3 });
    const before = s.assessments.get(a.id);

    const preview = s.frameworkChange.change({ id: a.id, revision: a.revision, frameworkVersionId: v110.id, apply: false });
    expect(s.assessments.get(a.id)).toEqual(before);
    expect(preview.droppedRatings).toBe(0);
    const notes = (criterionId: string, programmeId: string | null) =>
      preview.notes.filter((n) => n.criterionId === criterionId && n.programmeId === programmeId);

    expect(notes('OI-09', mobility.id)).toEqual<MoveNote[]>([
      {
        code: 'figuresMoved',
        criterionId: 'OI-09',
        programmeId: mobility.id,
        otherCriterionId: 'LS-03',
        fields: [
          { id: 'language', from: 'LS-03.language', value: 'German' },
          { id: 'cefr_target', from: 'LS-03.cefr_target', value: 'B1' },
          { id: 'language_track_learners', from: 'LS-03.language_track_learners', value: 30 },
          { id: 'certified_at_target', from: 'LS-03.certified_at_target', value: 24 },
        ],
        why: null,
      },
      // 1.0.0 never asked how many sat the test: OI-09 cannot be scored until it is entered.
      {
        code: 'figuresToEnter',
        criterionId: 'OI-09',
        programmeId: mobility.id,
        otherCriterionId: null,
        fields: [{ id: 'language_test_takers', from: null, value: null }],
        why: 'neededToScore',
      },
    ]);
    expect(notes('LS-03', mobility.id)).toEqual([
      {
        code: 'ratingToReview',
        criterionId: 'LS-03',
        programmeId: mobility.id,
        otherCriterionId: null,
        fields: [],
        why: 'processNotFigures',
      },
    ]);
    // OI-09 applies to mobility tracks only: the local programme's figures have nowhere to go, and say so with their values.
    expect(notes('LS-03', care.id)).toEqual([
      { code: 'ratingToReview', criterionId: 'LS-03', programmeId: care.id, otherCriterionId: null, fields: [], why: 'processNotFigures' },
      {
        code: 'figuresNotCarried',
        criterionId: 'LS-03',
        programmeId: care.id,
        otherCriterionId: 'OI-09',
        fields: [
          { id: 'language_track_learners', from: null, value: 18 },
          { id: 'certified_at_target', from: null, value: 9 },
        ],
        why: 'notApplicable',
      },
    ]);
    expect(notes('OI-09', care.id)).toEqual([]);
    // OI-05 keeps its figures; "employed at 12 months" now counts 12-month respondents, who are asked for.
    for (const programme of [care.id, mobility.id]) {
      expect(notes('OI-05', programme)).toEqual([
        {
          code: 'figureToCheck',
          criterionId: 'OI-05',
          programmeId: programme,
          otherCriterionId: null,
          fields: [{ id: 'employed_12m', from: null, value: 25 }],
          why: 'respondentsNotCompleters',
        },
        {
          code: 'figuresToEnter',
          criterionId: 'OI-05',
          programmeId: programme,
          otherCriterionId: null,
          fields: [{ id: 'completers_traced_12m', from: null, value: null }],
          why: 'context',
        },
      ]);
    }
    // IL-02 keeps its rating; the unemployment rates are new context figures.
    expect(notes('IL-02', null)).toEqual([
      {
        code: 'figuresToEnter',
        criterionId: 'IL-02',
        programmeId: null,
        otherCriterionId: null,
        fields: [
          { id: 'unemployment_rate_pct', from: null, value: null },
          { id: 'youth_unemployment_rate_pct', from: null, value: null },
        ],
        why: 'context',
      },
    ]);
    // CARE-07 was rated on results and is now rated on the training: review.
    expect(preview.notes.filter((n) => n.criterionId === 'CARE-07').map((n) => [n.code, n.programmeId, n.why])).toEqual([
      ['ratingToReview', care.id, 'processNotResult'],
      ['ratingToReview', mobility.id, 'processNotResult'],
    ]);
    // Nothing else: every other figure stays where it was.
    expect(new Set(preview.notes.map((n) => n.criterionId))).toEqual(new Set(['LS-03', 'OI-09', 'OI-05', 'IL-02', 'CARE-07']));
    s.close();
  });

  it('the move carries the figures to OI-09, where they score once the test takers are entered; LS-03 keeps notes and evidence', () => {
    const { s, care, mobility, v110, a } = setUpMove();
    const preview = s.frameworkChange.change({ id: a.id, revision: a.revision, frameworkVersionId: v110.id, apply: false });
    const applied = s.frameworkChange.change({ id: a.id, revision: a.revision, frameworkVersionId: v110.id, apply: true });
    expect(applied.notes).toEqual(preview.notes);
    expect(applied.assessment).toMatchObject({ frameworkVersion: '1.1.0', revision: a.revision + 1 });

    const ratings = s.assessments.get(a.id).ratings;
    const rating = (criterionId: string, programmeId: string | null) =>
      ratings.find((r) => r.criterionId === criterionId && r.programmeId === programmeId);
    expect(rating('OI-09', mobility.id)).toMatchObject({
      rating: null,
      data: { language: 'German', cefr_target: 'B1', language_track_learners: 30, certified_at_target: 24 },
      note: '',
      evidenceSeen: [],
    });
    expect(rating('OI-09', care.id)).toBeUndefined();
    // LS-03: the rating (none: 1.0.0 scored it from its figures), the notes and the evidence as they were; no figures.
    expect(rating('LS-03', mobility.id)).toMatchObject({
      rating: null,
      data: {},
      note: 'telc B1 results for the 2024 cohort seen.',
      evidenceSeen: ['DOC', 'DATA'],
    });
    expect(rating('OI-05', mobility.id)?.data).toEqual({ ...greenData['OI-05'], employed_12m: 25 });

    // On OI-09 the figures are what the score reads: missing the test takers, they count 0 and say so.
    const framework = s.frameworks.get(v110.id).framework;
    const oi09 = framework.groups.flatMap((g) => g.criteria).find((c) => c.id === 'OI-09')!;
    expect(missingFigures(oi09, rating('OI-09', mobility.id)!.data)).toEqual(['language_test_takers']);
    let result = s.assessments.score(a.id);
    expect(item(result, 'OI-09', mobility.id)).toMatchObject({ status: 'rated', rating: 0, outcome: { status: 'missing' } });
    expect(item(result, 'LS-03', mobility.id)).toMatchObject({ status: 'unanswered' });

    // The inspector enters how many sat the test and rates LS-03 on its process: 24 of 30 certified is green there.
    s.ratings.save({
      assessmentId: a.id,
      criterionId: 'OI-09',
      programmeId: mobility.id,
      patch: { data: { ...rating('OI-09', mobility.id)!.data, language_test_takers: 30 } },
    });
    for (const programmeId of [care.id, mobility.id])
      s.ratings.save({
        assessmentId: a.id,
        criterionId: 'LS-03',
        programmeId,
        patch: { rating: 3, evidenceSeen: ['DOC', 'REC'] },
      });
    result = s.assessments.score(a.id);
    expect(item(result, 'OI-09', mobility.id)).toMatchObject({
      critical: false,
      status: 'rated',
      rating: 3,
      outcome: { light: 'green', value: 80, cohort: 30 },
    });
    expect(item(result, 'LS-03', mobility.id)).toMatchObject({ critical: true, status: 'rated', rating: 3 });
    expect(result.complete).toBe(true);
    expect(s.assessments.list({})[0]).toMatchObject({
      frameworkVersion: '1.1.0',
      answered: result.items.filter((i) => i.applicable).length,
    });

    // Logged like the other moves, with what moved and what to check, values included.
    const log = s.db
      .prepare("SELECT payload FROM change_log WHERE entity = 'assessment' AND entity_id = ? AND action = 'change-framework'")
      .pluck()
      .get(a.id) as string;
    expect(JSON.parse(log)).toMatchObject({
      from: { version: '1.0.0' },
      to: { version: '1.1.0' },
      droppedRatings: [],
      notes: preview.notes,
    });
    s.close();
  });

  it('a typed LS-03 rating (stored by an older version, or imported) is kept as it was, flagged for review', () => {
    const { s, mobility, v110, a } = setUpMove();
    s.db
      .prepare("UPDATE ratings SET rating = 2 WHERE assessment_id = ? AND criterion_id = 'LS-03' AND programme_id = ?")
      .run(a.id, mobility.id);
    const applied = s.frameworkChange.change({ id: a.id, revision: a.revision, frameworkVersionId: v110.id, apply: true });
    expect(applied.notes.find((n) => n.criterionId === 'LS-03' && n.programmeId === mobility.id)).toMatchObject({
      code: 'ratingToReview',
      why: 'processNotFigures',
    });
    const ls03 = s.assessments.get(a.id).ratings.find((r) => r.criterionId === 'LS-03' && r.programmeId === mobility.id);
    expect(ls03).toMatchObject({ rating: 2, data: {}, note: 'telc B1 results for the 2024 cohort seen.' });
    expect(item(s.assessments.score(a.id), 'LS-03', mobility.id)).toMatchObject({ status: 'rated', rating: 2 });
    s.close();
  });

  it('an assessment without language figures moves nothing to OI-09 and has nothing on LS-03 to review', () => {
    const { s, input } = setUp();
    const v110 = s.frameworks.list().find((v) => v.frameworkId === 'bd-eu-tvet' && v.version === '1.1.0')!;
    const a = s.assessments.create(input());
    s.ratings.save({
      assessmentId: a.id,
      criterionId: 'GQ-01',
      programmeId: null,
      patch: { rating: 3, evidenceSeen: ['DOC', 'OBS'] },
    });
    const applied = s.frameworkChange.change({ id: a.id, revision: a.revision, frameworkVersionId: v110.id, apply: true });
    expect(applied.notes).toEqual([]);
    expect(s.assessments.get(a.id).ratings.map((r) => r.criterionId)).toEqual(['GQ-01']);
    s.close();
  });
});
