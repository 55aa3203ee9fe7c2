import { describe, expect, it } from 'vitest';
import type { RatingPatch } from '../../../shared/assessments/schema';
import { AppError } from '../../../shared/ipc/result';
import { programmeInput } from '../test-support/services';
import { setUp, testClock } from './test-fixtures';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('autosave of one rating', () => {
  it('stores a partial change, keeps the rest, and is idempotent when repeated', () => {
    const clock = testClock();
    const { s, care, input } = setUp({ clock });
    const a = s.assessments.create(input());
    const save = (criterionId: string, programmeId: string | null, patch: RatingPatch) =>
      s.ratings.save({ assessmentId: a.id, criterionId, programmeId, patch });

    expect(save('GQ-01', null, { note: 'Board minutes for 2024 seen.' })).toMatchObject({
      criterionId: 'GQ-01',
      programmeId: null,
      rating: null,
      note: 'Board minutes for 2024 seen.',
      data: {},
      evidenceSeen: [],
      updatedAt: clock.now(),
    });
    clock.set('2025-03-10T12:00:05.000Z');
    save('GQ-01', null, { rating: 3, evidenceSeen: ['DOC', 'OBS'] });
    const again = save('GQ-01', null, { rating: 3, evidenceSeen: ['DOC', 'OBS'] });
    expect(again).toMatchObject({ rating: 3, note: 'Board minutes for 2024 seen.', evidenceSeen: ['DOC', 'OBS'] });
    save('CU-01', care.id, { rating: 2 });

    const { ratings } = s.assessments.get(a.id);
    expect(ratings).toHaveLength(2);
    expect(ratings.find((r) => r.criterionId === 'GQ-01')).toEqual({ ...again, updatedAt: '2025-03-10T12:00:05.000Z' });
    expect(s.assessments.list({})[0]).toMatchObject({ answered: 2, total: 106 });
    // Autosave leaves the row revision alone, so the workflow buttons never look stale after typing.
    expect(s.assessments.get(a.id).assessment.revision).toBe(0);
    s.close();
  });

  it('records each save in the change log, with a fingerprint of the note instead of its text', () => {
    const { s, input } = setUp();
    const a = s.assessments.create(input());
    s.ratings.save({
      assessmentId: a.id,
      criterionId: 'IF-03',
      programmeId: null,
      patch: { rating: 1, note: 'Two extinguishers expired.' },
    });
    const entries = s.db
      .prepare("SELECT action, payload, actor_name FROM change_log WHERE entity = 'assessment' AND entity_id = ? ORDER BY seq")
      .all(a.id) as { action: string; payload: string }[];
    expect(entries.map((e) => e.action)).toEqual(['create', 'save-rating']);
    const payload = JSON.parse(entries[1]!.payload) as Record<string, unknown>;
    expect(payload).toMatchObject({ criterionId: 'IF-03', programmeId: null, rating: 1, noteLength: 26 });
    expect(payload.noteSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(entries[1]!.payload).not.toContain('extinguishers');
    s.close();
  });

  it('refuses what the pinned framework does not allow, with issues on the patch fields', () => {
    const { s, care, mobility, input } = setUp();
    const a = s.assessments.create(input());
    const cases: [string, string | null, RatingPatch, (string | number)[], string][] = [
      ['XX-99', null, { rating: 1 }, ['criterionId'], 'assessments.errors.unknownCriterion'],
      // Institution-level criteria have no programme; programme-level ones need a programme in scope.
      ['GQ-01', care.id, { rating: 1 }, ['programmeId'], 'assessments.errors.unitNotInScope'],
      ['CU-01', null, { rating: 1 }, ['programmeId'], 'assessments.errors.unitNotInScope'],
      ['CU-01', '00000000-0000-4000-8000-00000000dead', { rating: 1 }, ['programmeId'], 'assessments.errors.unitNotInScope'],
      // A sector module applies only to programmes of its sector.
      ['ICT-01', care.id, { rating: 1 }, ['programmeId'], 'assessments.errors.unitNotInScope'],
      ['GQ-01', null, { evidenceSeen: ['DOC', 'SMELL'] }, ['patch', 'evidenceSeen', 1], 'assessments.errors.unknownEvidence'],
      [
        'OI-03',
        care.id,
        { data: { cohort_entrants: 40, shoe_size: 9 } },
        ['patch', 'data', 'shoe_size'],
        'assessments.errors.unknownDataField',
      ],
      [
        'OI-03',
        care.id,
        { data: { completion_rate_pct: 99 } },
        ['patch', 'data', 'completion_rate_pct'],
        'assessments.errors.derivedDataField',
      ],
      ['OI-03', care.id, { data: { cohort_entrants: -1 } }, ['patch', 'data', 'cohort_entrants'], 'validation.range:0:100000'],
      ['OI-03', care.id, { data: { cohort_entrants: 10.5 } }, ['patch', 'data', 'cohort_entrants'], 'validation.integer'],
      ['OI-03', care.id, { data: { cohort_entrants: 'many' } }, ['patch', 'data', 'cohort_entrants'], 'validation.number'],
      ['LS-03', mobility.id, { data: { language: 7 } }, ['patch', 'data', 'language'], 'assessments.errors.dataNotText'],
      // N/A is never allowed on an always-critical criterion.
      ['GQ-01', null, { rating: 'na', naReason: 'We have no board.' }, ['patch', 'rating'], 'assessments.rules.naNotAllowed'],
      // The maturity lens belongs to self-assessments.
      ['QC-01', null, { maturity: 4 }, ['patch', 'maturity'], 'assessments.errors.maturityNotOffered'],
    ];
    for (const [criterionId, programmeId, patch, path, message] of cases) {
      const error = refusal(() => s.ratings.save({ assessmentId: a.id, criterionId, programmeId, patch }));
      expect(error.code, message).toBe('validation');
      expect(error.issues, message).toContainEqual({ path, message });
    }
    expect(s.assessments.get(a.id).ratings).toEqual([]);
    expect(
      refusal(() =>
        s.ratings.save({
          assessmentId: '00000000-0000-4000-8000-00000000dead',
          criterionId: 'GQ-01',
          programmeId: null,
          patch: {},
        }),
      ).code,
    ).toBe('not-found');
    s.close();
  });

  it('resolves conditional criticality per unit: N/A on CARE-07 only where the programme is not a mobility track', () => {
    const { s, care, mobility, input } = setUp();
    const a = s.assessments.create(input());
    const na = { rating: 'na' as const, naReason: 'No learners go abroad from this programme.' };
    expect(s.ratings.save({ assessmentId: a.id, criterionId: 'CARE-07', programmeId: care.id, patch: na })).toMatchObject({
      rating: 'na',
    });
    const error = refusal(() => s.ratings.save({ assessmentId: a.id, criterionId: 'CARE-07', programmeId: mobility.id, patch: na }));
    expect(error.issues).toEqual([{ path: ['patch', 'rating'], message: 'assessments.rules.naNotAllowed' }]);
    s.close();
  });

  it('takes no rating on a unit whose condition does not hold, but keeps notes there', () => {
    const { s, institution, input } = setUp();
    const masonry = s.institutions.createProgramme(
      institution.id,
      programmeInput({ titleEn: 'Masonry', sector: 'construction', occupation: 'Mason', iscoCode: '7112' }),
    );
    const a = s.assessments.create(input({ programmeIds: [masonry.id] }));
    // CON-03 (welding safety) applies only where welding is taught.
    const error = refusal(() =>
      s.ratings.save({ assessmentId: a.id, criterionId: 'CON-03', programmeId: masonry.id, patch: { rating: 3 } }),
    );
    expect(error.issues).toEqual([{ path: ['patch', 'rating'], message: 'assessments.errors.conditionNotMet' }]);
    expect(
      s.ratings.save({ assessmentId: a.id, criterionId: 'CON-03', programmeId: masonry.id, patch: { note: 'No welding bay.' } }),
    ).toMatchObject({ rating: null, note: 'No welding bay.' });
    expect(s.assessments.list({})[0]).toMatchObject({ answered: 0 });
    s.close();
  });

  it('takes no typed 0–3 on a criterion scored from its figures: the figures decide what the report says', () => {
    const { s, care, mobility, input } = setUp();
    const a = s.assessments.create(input());
    const save = (criterionId: string, programmeId: string, patch: RatingPatch) =>
      s.ratings.save({ assessmentId: a.id, criterionId, programmeId, patch });
    for (const [criterionId, programmeId] of [
      ['LS-03', mobility.id],
      ['IL-03', care.id],
      ['OI-03', care.id],
      ['OI-05', care.id],
      ['OI-06', care.id],
      ['OI-07', care.id],
    ] as const) {
      for (const rating of [0, 1, 2, 3] as const) {
        const error = refusal(() => save(criterionId, programmeId, { rating }));
        expect(error.issues, `${criterionId} ${rating}`).toEqual([
          { path: ['patch', 'rating'], message: 'assessments.errors.ratedFromFigures' },
        ]);
      }
    }
    // Nothing was stored.
    expect(s.assessments.get(a.id).ratings).toEqual([]);
    // Figures, "no figures kept" (null), N/A with a reason and clearing are what these criteria take.
    expect(save('OI-03', care.id, { data: { cohort_entrants: 50, cohort_completers: 35 } })).toMatchObject({ rating: null });
    expect(
      save('OI-05', care.id, { data: { tracer_cohort_completers: null, completers_traced_6m: null, employed_or_study_6m: null } }),
    ).toMatchObject({
      rating: null,
    });
    expect(save('OI-06', care.id, { rating: 'na', naReason: 'No graduates yet.' })).toMatchObject({ rating: 'na' });
    expect(save('OI-06', care.id, { rating: null })).toMatchObject({ rating: null });
    const score = s.assessments.score(a.id);
    const item = (id: string) => score.items.find((i) => i.criterionId === id && i.programmeId === care.id);
    expect(item('OI-03')).toMatchObject({ status: 'rated', rating: 2 });
    expect(item('OI-05')).toMatchObject({ status: 'rated', rating: 0 });
    expect(item('OI-06')).toMatchObject({ status: 'unanswered' });
    s.close();
  });

  it('lets a self-assessment use the maturity lens, which sets the matching rating', () => {
    const { s, input } = setUp();
    const a = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Akter', role: 'administrator' }] }));
    const save = (patch: RatingPatch) => s.ratings.save({ assessmentId: a.id, criterionId: 'QC-02', programmeId: null, patch });
    expect(save({ maturity: 4 })).toMatchObject({ maturity: 4, rating: 3 });
    expect(save({ maturity: 1 })).toMatchObject({ maturity: 1, rating: 1 });
    // Typing a rating that no longer matches the level clears the level.
    expect(save({ rating: 2 })).toMatchObject({ maturity: null, rating: 2 });
    expect(refusal(() => save({ maturity: 2, rating: 0 })).issues).toEqual([
      { path: ['patch', 'rating'], message: 'assessments.errors.maturityMismatch' },
    ]);
    // Only the groups the framework names offer the lens.
    expect(
      refusal(() => s.ratings.save({ assessmentId: a.id, criterionId: 'GQ-02', programmeId: null, patch: { maturity: 2 } })).issues,
    ).toEqual([{ path: ['patch', 'maturity'], message: 'assessments.errors.maturityNotOffered' }]);
    s.close();
  });

  it('keeps the answered count equal to what the score counts, through every kind of change', () => {
    const { s, care, mobility, input } = setUp();
    const a = s.assessments.create(input());
    const save = (criterionId: string, programmeId: string | null, patch: RatingPatch) =>
      s.ratings.save({ assessmentId: a.id, criterionId, programmeId, patch });
    save('GQ-02', null, { rating: 2 });
    save('GQ-02', null, { rating: null });
    save('GQ-03', null, { rating: 'na', naReason: 'No board.' });
    save('GQ-04', null, { note: 'only a note' });
    save('OI-03', care.id, { data: { cohort_entrants: 50 } });
    save('OI-05', mobility.id, { data: { tracer_cohort_completers: 5 } });
    save('OI-05', mobility.id, { data: {} });
    save('CU-01', mobility.id, { rating: 0 });
    save('CU-01', mobility.id, { rating: 1 });
    const counted = s.assessments.score(a.id).counts.answered;
    expect(counted).toBe(3);
    expect(s.assessments.list({})[0]).toMatchObject({ answered: counted });
    s.close();
  });
});
