import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { rateAll, setUp, testClock } from '../assessments/test-fixtures';
import { verifyAuditTrail } from '../audit/verify-audit-trail';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { actingAs, asReviewer, submitAndFinalise, testReviewer } from '../test-support/reviewer';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

type Services = ReturnType<typeof setUp>['s'];
const lead = { userName: 'Farida Yasmin', role: 'inspector' } as const;
const secondReviewer = { userName: 'Kamal Hossain (second reviewer)', role: 'head-office' } as const;
const changeLog = (s: Services, entity: string, action: string) =>
  s.db
    .prepare<[string, string], { actor_name: string; payload: string }>(
      'SELECT actor_name, payload FROM change_log WHERE entity = ? AND action = ? ORDER BY seq',
    )
    .all(entity, action);
const entries = (s: Services) => s.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get() as number;

/** An inspection rated by its lead inspector and submitted; `zeroOn` criteria rated 0 (GQ-01 is critical: not recommended). */
function submittedInspection(options: { zeroOn?: string[]; clock?: ReturnType<typeof testClock> } = {}) {
  const clock = options.clock ?? testClock('2026-01-31T12:00:00.000Z');
  const fixture = setUp({ clock });
  const { s, input } = fixture;
  s.settings.update({ ...lead, onboarded: true });
  const a = s.assessments.create(input());
  rateAll(s, a.id, (unit) => (options.zeroOn?.includes(unit.criterionId) ? { rating: 0, evidenceSeen: ['DOC', 'OBS'] } : undefined));
  const submitted = s.workflow.submit(a.id, a.revision);
  return { ...fixture, clock, a: submitted };
}

describe('validity and the next due date, stamped at finalisation', () => {
  it('gives a recommended inspection 24 months from the finalisation date (31 January → 31 January two years on), the next inspection due then', () => {
    const { s, a, institution } = submittedInspection();
    expect(a.score?.decision).toBe('recommended');
    const finalised = asReviewer(s, () => s.workflow.finalise(a.id, a.revision));
    expect(finalised.status).toBe('finalised');
    expect(s.accreditation.forAssessment(a.id).cycle).toMatchObject({
      decision: 'recommended',
      finalisedOn: '2026-01-31',
      validityMonths: 24,
      alignedUntil: '2028-01-31',
      nextDue: '2028-01-31',
      dueState: 'current',
      derived: false,
      proposal: true,
    });
    // Stored on the row, in the change log, and locked with it.
    const row = s.db.prepare('SELECT validity_months, aligned_until, next_due FROM assessments WHERE id = ?').get(a.id);
    expect(row).toEqual({ validity_months: 24, aligned_until: '2028-01-31', next_due: '2028-01-31' });
    expect(changeLog(s, 'assessment', 'accreditation-cycle').map((e) => JSON.parse(e.payload) as unknown)).toEqual([
      expect.objectContaining({ validityMonths: 24, alignedUntil: '2028-01-31', nextDue: '2028-01-31' }),
    ]);
    expect(() => s.db.prepare("UPDATE assessments SET next_due = '2030-01-01' WHERE id = ?").run(a.id)).toThrow(
      'assessment is finalised and locked',
    );
    expect(s.accreditation.institution(institution.id).cycle).toMatchObject({ assessmentId: a.id, nextDue: '2028-01-31' });
    expect(verifyAuditTrail(s.db).intact).toBe(true);
    s.close();
  });

  it('says "due in the next 90 days" and then "overdue since" the day after, by the services’ clock', () => {
    const { s, a, clock, institution } = submittedInspection();
    submitAndFinaliseSubmitted(s, a.id, a.revision);
    clock.set('2027-11-02T12:00:00.000Z');
    expect(s.accreditation.institution(institution.id).cycle).toMatchObject({ dueState: 'due-soon', overdueSince: '' });
    clock.set('2028-02-01T12:00:00.000Z');
    expect(s.accreditation.institution(institution.id)).toMatchObject({
      today: '2028-02-01',
      cycle: { dueState: 'overdue', overdueSince: '2028-02-01' },
    });
    expect(s.accreditation.standings().items).toEqual([
      expect.objectContaining({ institutionId: institution.id, cycle: expect.objectContaining({ dueState: 'overdue' }) }),
    ]);
    s.close();
  });

  it('derives the dates of an inspection finalised before they were stored, and says so', () => {
    const { s, a } = submittedInspection({ zeroOn: ['GQ-01'] });
    actingAs(s, secondReviewer, () => s.accreditation.countersign({ assessmentId: a.id, revision: a.revision, comment: '' }));
    submitAndFinaliseSubmitted(s, a.id, s.assessments.get(a.id).assessment.revision);
    const stamped = s.accreditation.forAssessment(a.id).cycle!;
    // As a database upgraded from before migration 010 has it: the lock lifted by hand to blank the stamp.
    const lock = s.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'assessments_finalised_update'").pluck().get() as string;
    s.db.exec('DROP TRIGGER assessments_finalised_update');
    s.db.prepare("UPDATE assessments SET validity_months = 0, aligned_until = '', next_due = '' WHERE id = ?").run(a.id);
    s.db.exec(lock);
    const derived = s.accreditation.forAssessment(a.id).cycle!;
    expect(derived).toEqual({ ...stamped, derived: true });
    expect(derived.nextDue).toBe('2026-03-02');
    s.close();
  });

  it('gives a self-assessment no validity and no due date', () => {
    const { s, input } = setUp({ clock: testClock('2026-01-31T12:00:00.000Z') });
    const a = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] }));
    rateAll(s, a.id);
    submitAndFinalise(s, a.id);
    expect(s.accreditation.forAssessment(a.id)).toMatchObject({ cycle: null, appealWindow: null });
    expect(s.db.prepare('SELECT next_due FROM assessments WHERE id = ?').pluck().get(a.id)).toBe('');
    s.close();
  });
});

describe('countersignature of a negative outcome', () => {
  it('refuses to finalise a "not recommended" inspection without a countersignature, and changes nothing', () => {
    const { s, a } = submittedInspection({ zeroOn: ['GQ-01'] });
    expect(a.score?.decision).toBe('not-recommended');
    expect(s.accreditation.forAssessment(a.id)).toMatchObject({ countersignRequired: true, countersignature: null });
    const before = entries(s);
    const error = refusal(() => asReviewer(s, () => s.workflow.finalise(a.id, a.revision)));
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('needs a countersignature');
    expect(error.issues).toEqual([{ path: [], message: 'accreditation.refusals.countersignRequired' }]);
    expect(s.assessments.get(a.id).assessment).toEqual(a);
    // Only the reviewer's two profile switches were logged: no finalisation, no dates, no actions.
    expect(entries(s) - before).toBe(2);
    expect(changeLog(s, 'assessment', 'finalise')).toEqual([]);
    expect(changeLog(s, 'assessment', 'accreditation-cycle')).toEqual([]);
    expect(s.correctiveActions.list({ assessmentId: a.id })).toEqual([]);
    s.close();
  });

  it('refuses a countersignature from the lead inspector or the submitter, however the name is typed', () => {
    const { s, a } = submittedInspection({ zeroOn: ['GQ-01'] });
    const before = entries(s);
    // The lead inspector (who also submitted here).
    const own = refusal(() => s.accreditation.countersign({ assessmentId: a.id, revision: a.revision, comment: '' }));
    expect(own.code).toBe('forbidden');
    expect(own.issues).toEqual([{ path: [], message: 'accreditation.refusals.leadInspector' }]);
    // A team's lead inspector who did not submit is refused too.
    const asLead = refusal(() =>
      actingAs(s, { userName: ' farida  YASMIN', role: 'head-office' }, () =>
        s.accreditation.countersign({ assessmentId: a.id, revision: a.revision, comment: '' }),
      ),
    );
    expect(asLead.code).toBe('forbidden');
    // An institution administrator never countersigns.
    const admin = refusal(() =>
      actingAs(s, { userName: 'Nasima Begum', role: 'institution-administrator' }, () =>
        s.accreditation.countersign({ assessmentId: a.id, revision: a.revision, comment: '' }),
      ),
    );
    expect(admin.issues).toEqual([{ path: [], message: 'accreditation.refusals.notForRole' }]);
    expect(changeLog(s, 'assessment', 'countersign')).toEqual([]);
    // Two profile switches (logged settings changes) per actingAs, nothing else.
    expect(entries(s) - before).toBe(4);
    s.close();
  });

  it('refuses the submitter who is not the lead inspector', () => {
    const clock = testClock('2026-01-31T12:00:00.000Z');
    const { s, input } = setUp({ clock });
    s.settings.update({ userName: 'Tanvir Hasan', role: 'inspector', onboarded: true });
    const a = s.assessments.create(input());
    rateAll(s, a.id, (unit) => (unit.criterionId === 'GQ-01' ? { rating: 0, evidenceSeen: ['DOC', 'OBS'] } : undefined));
    const submitted = s.workflow.submit(a.id, a.revision);
    const error = refusal(() => s.accreditation.countersign({ assessmentId: a.id, revision: submitted.revision, comment: '' }));
    expect(error.issues).toEqual([{ path: [], message: 'accreditation.refusals.submitter' }]);
    s.close();
  });

  it('records a second reviewer’s countersignature (name, role, date, comment) in the change log, then lets a reviewer finalise', () => {
    const { s, a } = submittedInspection({ zeroOn: ['GQ-01'] });
    const signed = actingAs(s, secondReviewer, () =>
      s.accreditation.countersign({
        assessmentId: a.id,
        revision: a.revision,
        comment: 'Fire exits locked on the day; outcome confirmed.',
      }),
    );
    expect(signed).toMatchObject({
      countersignRequired: false,
      countersignature: {
        name: secondReviewer.userName,
        role: 'head-office',
        at: '2026-01-31T12:00:00.000Z',
        comment: 'Fire exits locked on the day; outcome confirmed.',
      },
    });
    expect(changeLog(s, 'assessment', 'countersign')).toEqual([
      expect.objectContaining({ actor_name: secondReviewer.userName, payload: expect.stringContaining('Fire exits locked') }),
    ]);
    // Twice is refused.
    const revision = s.assessments.get(a.id).assessment.revision;
    expect(
      refusal(() => actingAs(s, secondReviewer, () => s.accreditation.countersign({ assessmentId: a.id, revision, comment: '' }))).code,
    ).toBe('conflict');
    const finalised = asReviewer(s, () => s.workflow.finalise(a.id, revision));
    expect(finalised).toMatchObject({ status: 'finalised', finalisedBy: testReviewer.userName });
    expect(s.accreditation.forAssessment(a.id)).toMatchObject({
      countersignature: { name: secondReviewer.userName },
      // No validity: the next inspection is due when the critical corrective action (30 days) is due.
      cycle: { decision: 'not-recommended', validityMonths: 0, alignedUntil: '', nextDue: '2026-03-02' },
    });
    expect(verifyAuditTrail(s.db).intact).toBe(true);
    s.close();
  });

  it('asks again when the inspection is returned to draft and submitted again', () => {
    const { s, a, clock } = submittedInspection({ zeroOn: ['GQ-01'] });
    actingAs(s, secondReviewer, () => s.accreditation.countersign({ assessmentId: a.id, revision: a.revision, comment: '' }));
    const back = asReviewer(s, () =>
      s.workflow.returnToDraft(a.id, s.assessments.get(a.id).assessment.revision, 'Check the fire exits again.'),
    );
    clock.set('2026-02-02T12:00:00.000Z');
    const again = s.workflow.submit(a.id, back.revision);
    expect(s.accreditation.forAssessment(a.id)).toMatchObject({ countersignRequired: true, countersignature: null });
    expect(refusal(() => asReviewer(s, () => s.workflow.finalise(a.id, again.revision))).code).toBe('forbidden');
    s.close();
  });

  it('refuses a countersignature on an outcome that is not negative', () => {
    const { s, a } = submittedInspection();
    const error = refusal(() =>
      actingAs(s, secondReviewer, () => s.accreditation.countersign({ assessmentId: a.id, revision: a.revision, comment: '' })),
    );
    expect(error.code).toBe('conflict');
    s.close();
  });

  it('reaches the renderer through the contract channel, with the refusal as data', async () => {
    const { s, a } = submittedInspection({ zeroOn: ['GQ-01'] });
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    expect(await dispatch('accreditation:countersign', { assessmentId: a.id, revision: a.revision })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', issues: [{ path: [], message: 'accreditation.refusals.leadInspector' }] },
    });
    expect(await dispatch('accreditation:assessment', { assessmentId: a.id })).toMatchObject({
      ok: true,
      value: { countersignRequired: true },
    });
    s.close();
  });
});

describe('appeals', () => {
  function finalisedInspection() {
    const fixture = submittedInspection({ clock: testClock('2026-02-10T12:00:00.000Z') });
    submitAndFinaliseSubmitted(fixture.s, fixture.a.id, fixture.a.revision);
    return fixture;
  }
  const lodge = (s: Services, assessmentId: string, receivedOn: string) =>
    s.accreditation.lodgeAppeal({
      assessmentId,
      receivedOn,
      grounds: 'The workshop was closed for Eid on the visit day.',
      lodgedBy: 'Md. Abdur Rahman, Principal',
    });

  it('records an appeal received within the appeal period (30 days, a proposal) and shows the window', () => {
    const { s, a, clock, institution } = finalisedInspection();
    expect(s.accreditation.forAssessment(a.id).appealWindow).toEqual({
      appealDays: 30,
      deadline: '2026-03-12',
      open: true,
      proposal: true,
    });
    clock.set('2026-03-12T12:00:00.000Z');
    const appeal = lodge(s, a.id, '2026-03-12');
    expect(appeal).toMatchObject({
      assessmentId: a.id,
      institutionId: institution.id,
      receivedOn: '2026-03-12',
      decision: '',
      createdBy: lead.userName,
    });
    expect(changeLog(s, 'appeal', 'lodge')).toEqual([expect.objectContaining({ payload: expect.stringContaining('closed for Eid') })]);
    expect(s.accreditation.institution(institution.id).appeals).toEqual([appeal]);
    expect(verifyAuditTrail(s.db).intact).toBe(true);
    s.close();
  });

  it('refuses an appeal received after the period, with the dates, and changes nothing', () => {
    const { s, a, clock } = finalisedInspection();
    clock.set('2026-03-20T12:00:00.000Z');
    expect(s.accreditation.forAssessment(a.id).appealWindow?.open).toBe(false);
    const before = entries(s);
    const error = refusal(() => lodge(s, a.id, '2026-03-13'));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'The appeal period ended on 2026-03-12 (30 days after finalisation on 2026-02-10); an appeal received on 2026-03-13 cannot be lodged. Nothing was changed.',
    );
    expect(error.issues).toEqual([{ path: ['receivedOn'], message: 'accreditation.refusals.periodEnded' }]);
    expect(entries(s)).toBe(before);
    expect(s.accreditation.forAssessment(a.id).appeals).toEqual([]);
    // A date before finalisation, or after today, is not a date an appeal was received.
    expect(refusal(() => lodge(s, a.id, '2026-02-09')).issues).toEqual([
      { path: ['receivedOn'], message: 'accreditation.refusals.beforeFinalised' },
    ]);
    expect(refusal(() => lodge(s, a.id, '2026-03-21')).issues).toEqual([
      { path: ['receivedOn'], message: 'accreditation.refusals.futureDate' },
    ]);
    s.close();
  });

  it('refuses a second appeal while one is open, and an appeal against an assessment not finalised', () => {
    const { s, a, input } = finalisedInspection();
    lodge(s, a.id, '2026-02-10');
    const twice = refusal(() => lodge(s, a.id, '2026-02-10'));
    expect(twice.code).toBe('conflict');
    expect(twice.issues).toEqual([{ path: [], message: 'accreditation.refusals.alreadyOpen' }]);
    expect(s.accreditation.forAssessment(a.id).appeals).toHaveLength(1);
    const draft = s.assessments.create(input());
    expect(refusal(() => lodge(s, draft.id, '2026-02-10')).code).toBe('conflict');
    // The database itself refuses an appeal against a draft, and a second open one.
    expect(() =>
      s.db
        .prepare(
          "INSERT INTO appeals (id, assessment_id, institution_id, received_on, grounds, lodged_by, created_at, created_by, updated_at, updated_by) VALUES ('x', ?, ?, '2026-02-10', 'g', 'l', 'now', 'me', 'now', 'me')",
        )
        .run(draft.id, draft.institutionId),
    ).toThrow('an appeal is lodged only against a finalised assessment');
    s.close();
  });

  it('records the decision (by someone independent of the inspection), logged and then locked; a new appeal may follow', () => {
    const { s, a, clock } = finalisedInspection();
    clock.set('2026-02-20T12:00:00.000Z');
    const appeal = lodge(s, a.id, '2026-02-12');
    // The lead inspector (and the reviewer who finalised) may not decide it.
    expect(
      refusal(() =>
        s.accreditation.decideAppeal({
          appealId: appeal.id,
          revision: appeal.revision,
          decision: 'rejected',
          decidedOn: '2026-02-20',
          outcomeNote: 'No.',
        }),
      ).issues,
    ).toEqual([{ path: [], message: 'accreditation.refusals.leadInspector' }]);
    expect(
      refusal(() =>
        asReviewer(s, () =>
          s.accreditation.decideAppeal({
            appealId: appeal.id,
            revision: appeal.revision,
            decision: 'rejected',
            decidedOn: '2026-02-20',
            outcomeNote: 'No.',
          }),
        ),
      ).issues,
    ).toEqual([{ path: [], message: 'accreditation.refusals.finaliser' }]);
    const decided = actingAs(s, secondReviewer, () =>
      s.accreditation.decideAppeal({
        appealId: appeal.id,
        revision: appeal.revision,
        decision: 'partly-upheld',
        decidedOn: '2026-02-20',
        outcomeNote: 'IF-03 is re-rated in a new revision; the rest stands.',
      }),
    );
    expect(decided).toMatchObject({ decision: 'partly-upheld', decidedBy: secondReviewer.userName, decidedOn: '2026-02-20' });
    expect(changeLog(s, 'appeal', 'decide')).toEqual([expect.objectContaining({ actor_name: secondReviewer.userName })]);
    // Final: deciding again is refused by the service and by the database.
    expect(
      refusal(() =>
        actingAs(s, secondReviewer, () =>
          s.accreditation.decideAppeal({
            appealId: appeal.id,
            revision: decided.revision,
            decision: 'upheld',
            decidedOn: '2026-02-20',
            outcomeNote: 'Changed.',
          }),
        ),
      ).code,
    ).toBe('conflict');
    expect(() => s.db.prepare("UPDATE appeals SET outcome_note = 'x' WHERE id = ?").run(appeal.id)).toThrow('appeal is decided and locked');
    expect(() => s.db.prepare('DELETE FROM appeals WHERE id = ?').run(appeal.id)).toThrow('appeals are never deleted');
    // The finalised assessment is unchanged; with the first appeal decided, another may be lodged in the period.
    expect(s.assessments.get(a.id).assessment.status).toBe('finalised');
    expect(lodge(s, a.id, '2026-02-20').decision).toBe('');
    expect(verifyAuditTrail(s.db).intact).toBe(true);
    s.close();
  });
});

/** Finalises a submitted inspection as the test reviewer. */
function submitAndFinaliseSubmitted(s: Services, id: string, revision: number) {
  return asReviewer(s, () => s.workflow.finalise(id, revision));
}
