import { describe, expect, it } from 'vitest';
import type { CorrectiveAction } from '../../../shared/assessments/schema';
import { AppError } from '../../../shared/ipc/result';
import type { AppServices } from '../app-services';
import { asReviewer, submitAndFinalise } from '../test-support/reviewer';
import { rateAll, setUp, testClock } from './test-fixtures';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** Finalises an inspection with IF-03 at 1 (major: critical), CU-02 at 0 for the local programme (major), GQ-02 at 1 (minor). */
function finalisedInspection(clock = testClock('2025-03-10T12:00:00.000Z')) {
  const fixture = setUp({ clock });
  const { s, care, input } = fixture;
  const a = s.assessments.create(input());
  rateAll(s, a.id, (unit) => {
    if (unit.criterionId === 'IF-03') return { rating: 1, evidenceSeen: ['OBS'], note: 'Machine guards missing on two lathes.' };
    if (unit.criterionId === 'CU-02' && unit.programmeId === care.id) return { rating: 0 };
    if (unit.criterionId === 'GQ-02') return { rating: 1, note: 'Policy exists on paper only.' };
    return undefined;
  });
  const finalised = submitAndFinalise(s, a.id);
  return { ...fixture, clock, inspection: finalised };
}

const byCriterion = (items: CorrectiveAction[]) => Object.fromEntries(items.map((c) => [c.criterionId, c]));

function followUp(s: AppServices, input: ReturnType<typeof setUp>['input'], followsAssessmentId: string, programmeIds?: string[]) {
  return s.assessments.create(input({ kind: 'follow-up', followsAssessmentId, ...(programmeIds ? { programmeIds } : {}) }));
}

describe('corrective actions', () => {
  it('raises one action per non-conformity at finalisation, owned by the head, due by class from the finalisation date', () => {
    const { s, care, inspection } = finalisedInspection();
    const actions = s.correctiveActions.list({ assessmentId: inspection.id });
    expect(actions).toHaveLength(3);
    const found = byCriterion(actions);
    expect(found['IF-03']).toMatchObject({
      findingClass: 'major',
      programmeId: null,
      owner: 'Md. Abdur Rahman',
      dueDate: '2025-06-08', // 90 days after 10 March 2025
      status: 'open',
      description: 'Occupational safety and health in workshops',
      institutionId: inspection.institutionId,
      verifiedInAssessmentId: null,
      verifiedAt: null,
    });
    expect(found['CU-02']).toMatchObject({ findingClass: 'major', programmeId: care.id, dueDate: '2025-06-08' });
    expect(found['CU-02']!.description).toMatch(/\(Caregiving \(local\)\)$/);
    expect(found['GQ-02']).toMatchObject({ findingClass: 'minor', dueDate: '2026-03-10' }); // 365 days
    expect(s.correctiveActions.list({ institutionId: inspection.institutionId, openOnly: true })).toHaveLength(3);
    expect(s.correctiveActions.list({ status: 'verified-closed' })).toEqual([]);
    s.close();
  });

  it('lets the institution update owner, due date, progress and response, but never close an action itself', () => {
    const { s, inspection } = finalisedInspection();
    const action = byCriterion(s.correctiveActions.list({ assessmentId: inspection.id }))['IF-03']!;
    const update = {
      owner: 'Estate officer',
      dueDate: '2025-05-01',
      status: 'in-progress' as const,
      institutionResponse: 'Guards ordered from the supplier.',
      description: action.description,
    };
    const updated = s.correctiveActions.update(action.id, action.revision, update);
    expect(updated).toMatchObject({ ...update, revision: action.revision + 1 });
    expect(refusal(() => s.correctiveActions.update(action.id, action.revision, update)).code).toBe('conflict');
    expect(refusal(() => s.correctiveActions.update(action.id, updated.revision, { ...update, status: 'verified-closed' })).issues).toEqual(
      [{ path: ['update', 'status'], message: 'assessments.errors.verifyInFollowUp' }],
    );
    s.close();
  });

  it('starts a follow-up from the previous ratings and notes, for units that still exist in its scope', () => {
    const { s, mobility, input, inspection } = finalisedInspection();
    const all = followUp(s, input, inspection.id);
    const copied = s.assessments.get(all.id).ratings;
    expect(copied).toHaveLength(106);
    expect(copied.find((r) => r.criterionId === 'IF-03')).toMatchObject({ rating: 1, note: 'Machine guards missing on two lathes.' });
    expect(s.assessments.list({ kind: 'follow-up' })[0]).toMatchObject({ answered: 106, total: 106 });

    // Scoped to the mobility programme only: the local programme's units are not carried.
    const narrow = followUp(s, input, inspection.id, [mobility.id]);
    const narrowRatings = s.assessments.get(narrow.id).ratings;
    expect(narrowRatings.some((r) => r.programmeId !== null && r.programmeId !== mobility.id)).toBe(false);
    expect(narrowRatings).toHaveLength(42 + 24 + 8);
    // The actions to verify are the previous assessment's open ones.
    expect(s.correctiveActions.list({ assessmentId: narrow.followsAssessmentId!, openOnly: true })).toHaveLength(3);
    s.close();
  });

  it('verifies actions from a follow-up: closed with a note, or kept open; closed ones never change again', () => {
    const { s, clock, input, inspection } = finalisedInspection();
    const fu = followUp(s, input, inspection.id);
    const actions = byCriterion(s.correctiveActions.list({ assessmentId: inspection.id }));
    clock.set('2025-06-01T12:00:00.000Z');

    const safety = actions['IF-03']!;
    const closed = s.correctiveActions.verify({
      id: safety.id,
      revision: safety.revision,
      followUpAssessmentId: fu.id,
      closed: true,
      note: 'Guards fitted; lathes observed in use with guards.',
    });
    expect(closed).toMatchObject({
      status: 'verified-closed',
      verificationNote: 'Guards fitted; lathes observed in use with guards.',
      verifiedInAssessmentId: fu.id,
      verifiedAt: '2025-06-01T12:00:00.000Z',
    });
    expect(refusal(() => s.correctiveActions.update(safety.id, closed.revision, { ...closed, owner: 'x', description: 'x' })).code).toBe(
      'locked',
    );
    expect(
      refusal(() =>
        s.correctiveActions.verify({ id: safety.id, revision: closed.revision, followUpAssessmentId: fu.id, closed: false, note: '' }),
      ).code,
    ).toBe('locked');

    // The institution says it is done; the follow-up does not accept it yet.
    const curriculum = actions['CU-02']!;
    const claimed = s.correctiveActions.update(curriculum.id, curriculum.revision, {
      owner: curriculum.owner,
      dueDate: curriculum.dueDate,
      status: 'completed',
      institutionResponse: 'Curriculum revised.',
      description: curriculum.description,
    });
    const kept = s.correctiveActions.verify({
      id: curriculum.id,
      revision: claimed.revision,
      followUpAssessmentId: fu.id,
      closed: false,
      note: 'Revised curriculum not yet approved by BTEB.',
    });
    expect(kept).toMatchObject({
      status: 'in-progress',
      verificationNote: 'Revised curriculum not yet approved by BTEB.',
      verifiedAt: null,
    });

    const policy = actions['GQ-02']!;
    const verify = (followUpAssessmentId: string, note: string) =>
      refusal(() => s.correctiveActions.verify({ id: policy.id, revision: policy.revision, followUpAssessmentId, closed: true, note }));
    expect(verify(fu.id, '  ').issues).toEqual([{ path: ['note'], message: 'assessments.errors.closingNeedsNote' }]);
    expect(verify(inspection.id, 'Seen.').issues).toEqual([{ path: ['followUpAssessmentId'], message: 'assessments.errors.notFollowUp' }]);

    // Once the follow-up is finalised it verifies nothing more.
    const submitted = s.workflow.submit(fu.id, fu.revision);
    expect(verify(fu.id, 'Seen.').code).toBe('locked');
    asReviewer(s, () => s.workflow.finalise(fu.id, submitted.revision));
    expect(verify(fu.id, 'Seen.').code).toBe('locked');
    expect(s.correctiveActions.list({ institutionId: inspection.institutionId, status: 'verified-closed' })).toHaveLength(1);
    s.close();
  });

  it('hands open actions to a reopened revision when it is finalised, so no finding is listed twice', () => {
    const { s, clock, inspection } = finalisedInspection();
    const first = byCriterion(s.correctiveActions.list({ assessmentId: inspection.id }));
    const revision2 = s.workflow.reopen(inspection.id, 'Appeal: new workshop-safety evidence.');
    s.ratings.save({
      assessmentId: revision2.id,
      criterionId: 'IF-03',
      programmeId: null,
      patch: { rating: 3, evidenceSeen: ['OBS', 'REC'] },
    });
    s.ratings.save({ assessmentId: revision2.id, criterionId: 'GQ-02', programmeId: null, patch: { rating: 0 } });
    clock.set('2025-04-01T12:00:00.000Z');
    submitAndFinalise(s, revision2.id);

    const open = s.correctiveActions.list({ institutionId: inspection.institutionId, openOnly: true });
    expect(open.map((c) => [c.criterionId, c.findingClass, c.assessmentId, c.dueDate]).sort()).toEqual([
      ['CU-02', 'major', revision2.id, first['CU-02']!.dueDate], // same finding: same action, same due date
      ['GQ-02', 'major', revision2.id, '2025-06-30'], // minor became major: due 90 days from the new finalisation
    ]);
    expect(open.find((c) => c.criterionId === 'GQ-02')!.id).toBe(first['GQ-02']!.id);
    expect(s.correctiveActions.list({ assessmentId: inspection.id })).toEqual([]);
    s.close();
  });
});
