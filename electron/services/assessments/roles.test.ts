import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { rateAll, setUp } from './test-fixtures';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The welcome's profile: who the services see acting on every request. */
function profile(s: ReturnType<typeof setUp>['s'], userName: string, role: 'inspector' | 'institution-administrator' | 'head-office') {
  s.settings.update({ userName, role, onboarded: true });
}

const adminTeam = [{ name: 'Nasima Begum', role: 'administrator' as const }];

describe('roles: what each person may start', () => {
  it('refuses an inspection or a follow-up to an institution administrator, and starts their self-assessment', async () => {
    const { s, input } = setUp();
    profile(s, 'Nasima Begum', 'institution-administrator');
    for (const kind of ['inspection', 'follow-up'] as const) {
      const error = refusal(() => s.assessments.create(input({ kind })));
      expect(error.code).toBe('forbidden');
      expect(error.issues).toEqual([{ path: ['kind'], message: 'assessments.roles.kindNotForRole' }]);
    }
    expect(s.assessments.list({})).toEqual([]);
    // Through the channel the renderer uses, the refusal arrives as data with its catalogue key.
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    expect(await dispatch('assessments:create', input())).toMatchObject({
      ok: false,
      error: { code: 'forbidden', issues: [{ path: ['kind'], message: 'assessments.roles.kindNotForRole' }] },
    });
    const self = s.assessments.create(input({ kind: 'self-assessment', team: adminTeam }));
    expect(self).toMatchObject({ kind: 'self-assessment', createdBy: 'Nasima Begum' });
    s.close();
  });

  it('lets inspectors and head office start inspections', () => {
    const { s, input } = setUp();
    profile(s, 'Farida Yasmin', 'inspector');
    expect(s.assessments.create(input()).kind).toBe('inspection');
    profile(s, 'Head Office Desk', 'head-office');
    expect(s.assessments.create(input()).kind).toBe('inspection');
    s.close();
  });
});

describe('four eyes: who may finalise', () => {
  it('refuses the submitter of an inspection, however the name is typed, and changes nothing', () => {
    const { s, input } = setUp();
    profile(s, 'Farida Yasmin', 'inspector');
    const a = s.assessments.create(input());
    rateAll(s, a.id);
    const submitted = s.workflow.submit(a.id, a.revision);
    expect(submitted.submittedBy).toBe('Farida Yasmin');
    const entries = () => s.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get() as number;
    const before = entries();

    const error = refusal(() => s.workflow.finalise(a.id, submitted.revision));
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe('You submitted this inspection; a different reviewer must finalise it.');
    expect(error.issues).toEqual([{ path: [], message: 'assessments.roles.ownSubmission' }]);
    expect(s.assessments.get(a.id).assessment).toEqual(submitted);
    expect(entries()).toBe(before);

    // The same person with another spacing, letter case or role is still the submitter.
    profile(s, '  farida   YASMIN ', 'head-office');
    expect(refusal(() => s.workflow.finalise(a.id, submitted.revision)).code).toBe('forbidden');
    s.close();
  });

  it('lets a different reviewer finalise, and records both names', () => {
    const { s, input } = setUp();
    profile(s, 'Farida Yasmin', 'inspector');
    const a = s.assessments.create(input());
    rateAll(s, a.id);
    const submitted = s.workflow.submit(a.id, a.revision);
    // On one laptop: the reviewer switches the profile to their own name.
    profile(s, 'Shirin Akhter', 'head-office');
    const finalised = s.workflow.finalise(a.id, submitted.revision);
    expect(finalised).toMatchObject({ status: 'finalised', submittedBy: 'Farida Yasmin', finalisedBy: 'Shirin Akhter' });
    const actors = s.db
      .prepare(
        "SELECT action, actor_name FROM change_log WHERE entity = 'assessment' AND entity_id = ? AND action IN ('create', 'submit', 'finalise') ORDER BY seq",
      )
      .all(a.id);
    expect(actors).toEqual([
      { action: 'create', actor_name: 'Farida Yasmin' },
      { action: 'submit', actor_name: 'Farida Yasmin' },
      { action: 'finalise', actor_name: 'Shirin Akhter' },
    ]);
    s.close();
  });

  it('applies to follow-ups; a returned and resubmitted inspection is checked against its latest submitter', () => {
    const { s, input } = setUp();
    profile(s, 'Farida Yasmin', 'inspector');
    const a = s.assessments.create(input());
    rateAll(s, a.id);
    let submitted = s.workflow.submit(a.id, a.revision);
    profile(s, 'Tanvir Hasan', 'inspector');
    const draft = s.workflow.returnToDraft(a.id, submitted.revision, 'Recheck the workshop records.');
    submitted = s.workflow.submit(a.id, draft.revision);
    expect(submitted.submittedBy).toBe('Tanvir Hasan');
    expect(refusal(() => s.workflow.finalise(a.id, submitted.revision)).issues?.[0]?.message).toBe('assessments.roles.ownSubmission');
    profile(s, 'Farida Yasmin', 'inspector');
    const inspection = s.workflow.finalise(a.id, submitted.revision);

    const followUp = s.assessments.create(input({ kind: 'follow-up', followsAssessmentId: inspection.id }));
    rateAll(s, followUp.id);
    const fu = s.workflow.submit(followUp.id, s.assessments.get(followUp.id).assessment.revision);
    expect(refusal(() => s.workflow.finalise(fu.id, fu.revision)).code).toBe('forbidden');
    s.close();
  });

  it('does not apply to a self-assessment: the institution’s administrator submits and finalises it', () => {
    const { s, input } = setUp();
    profile(s, 'Nasima Begum', 'institution-administrator');
    const a = s.assessments.create(input({ kind: 'self-assessment', team: adminTeam }));
    rateAll(s, a.id);
    const submitted = s.workflow.submit(a.id, a.revision);
    expect(s.workflow.finalise(a.id, submitted.revision)).toMatchObject({ status: 'finalised', finalisedBy: 'Nasima Begum' });
    s.close();
  });

  it('refuses an institution administrator finalising an inspection submitted by someone else', () => {
    const { s, input } = setUp();
    profile(s, 'Farida Yasmin', 'inspector');
    const a = s.assessments.create(input());
    rateAll(s, a.id);
    const submitted = s.workflow.submit(a.id, a.revision);
    profile(s, 'Nasima Begum', 'institution-administrator');
    const error = refusal(() => s.workflow.finalise(a.id, submitted.revision));
    expect(error.code).toBe('forbidden');
    expect(error.issues).toEqual([{ path: [], message: 'assessments.roles.notForRole' }]);
    s.close();
  });
});
