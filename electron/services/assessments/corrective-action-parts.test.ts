import { describe, expect, it } from 'vitest';
import type { FindingAction } from '../../../shared/assessments/schema';
import { AppError } from '../../../shared/ipc/result';
import { verifyAuditTrail } from '../audit/verify-audit-trail';
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

const guards = {
  actionRequired: 'Fit guards to both lathes and train the instructors.',
  closingEvidence: 'Photos of the guards; training register.',
};

/** A draft inspection with IF-03 at 1 (major, with a note), CU-02 at 0 for the local programme (major), GQ-02 at 1 (minor). */
function draftWithFindings() {
  const fixture = setUp({ clock: testClock('2025-03-10T12:00:00.000Z') });
  const { s, care, input } = fixture;
  const a = s.assessments.create(input());
  rateAll(s, a.id, (unit) => {
    if (unit.criterionId === 'IF-03') return { rating: 1, evidenceSeen: ['OBS'], note: 'Machine guards missing on two lathes.' };
    if (unit.criterionId === 'CU-02' && unit.programmeId === care.id) return { rating: 0 };
    if (unit.criterionId === 'GQ-02') return { rating: 1, note: 'Policy exists on paper only.' };
    return undefined;
  });
  return { ...fixture, draft: a };
}

const byCriterion = <T extends { criterionId: string }>(items: T[]) => Object.fromEntries(items.map((c) => [c.criterionId, c]));
const write = (
  s: ReturnType<typeof setUp>['s'],
  assessmentId: string,
  criterionId: string,
  text = guards,
  previous = { actionRequired: '', closingEvidence: '' },
) => s.correctiveActions.write({ assessmentId, criterionId, programmeId: null, text, previous });

describe('corrective actions the inspector writes (required action and closing evidence)', () => {
  it('lists a draft’s non-conformities with the criterion in both languages, the note and the due rule, nothing written yet', () => {
    const { s, care, draft } = draftWithFindings();
    const found = byCriterion(s.correctiveActions.findings(draft.id));
    expect(Object.keys(found).sort()).toEqual(['CU-02', 'GQ-02', 'IF-03']);
    expect(found['IF-03']).toMatchObject<Partial<FindingAction>>({
      findingClass: 'major',
      dueDays: 90,
      programmeId: null,
      findingNote: 'Machine guards missing on two lathes.',
      actionRequired: '',
      closingEvidence: '',
    });
    expect(found['IF-03']!.criterion!.title).toEqual({
      en: 'Occupational safety and health in workshops',
      bn: expect.stringMatching(/[\u0980-\u09FF]/),
    });
    expect(found['IF-03']!.criterion!.evidence.map((e) => e.en)).toContain('Direct observation / walk-through');
    expect(found['CU-02']).toMatchObject({ programmeId: care.id, findingNote: '' });
    expect(found['GQ-02']).toMatchObject({ findingClass: 'minor', dueDays: 365 });
    s.close();
  });

  it('stores what the inspector writes on a draft and under review, logs each write, and finalising issues the actions with those words', () => {
    const { s, draft } = draftWithFindings();
    const written = write(s, draft.id, 'IF-03');
    expect(written).toMatchObject({ criterionId: 'IF-03', ...guards });
    const log = s.db
      .prepare<[], { action: string; payload: string }>("SELECT action, payload FROM change_log WHERE action = 'write-corrective-action'")
      .all();
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!.payload)).toMatchObject({ criterionId: 'IF-03', programmeId: null, ...guards });

    const submitted = s.workflow.submit(draft.id, s.assessments.get(draft.id).assessment.revision);
    // Under review the reviewer may still word an action; the rating itself is locked.
    write(s, draft.id, 'GQ-02', {
      actionRequired: 'Adopt the policy at the next board meeting.',
      closingEvidence: 'Signed board minutes.',
    });
    asReviewer(s, () => s.workflow.finalise(draft.id, submitted.revision));

    const raised = byCriterion(s.correctiveActions.list({ assessmentId: draft.id }));
    expect(raised['IF-03']).toMatchObject({ ...guards, findingClass: 'major', owner: 'Md. Abdur Rahman', dueDate: '2025-06-08' });
    expect(raised['GQ-02']).toMatchObject({
      actionRequired: 'Adopt the policy at the next board meeting.',
      closingEvidence: 'Signed board minutes.',
    });
    // Nobody wrote CU-02: the parts stay empty, and screens and reports show the suggestion instead.
    expect(raised['CU-02']).toMatchObject({ actionRequired: '', closingEvidence: '' });
    expect(raised['IF-03']!.criterion!.title.en).toBe('Occupational safety and health in workshops');
    // The institution page reads the same parts.
    const open = byCriterion(s.correctiveActions.list({ institutionId: raised['IF-03']!.institutionId, openOnly: true }));
    expect(open['IF-03']).toMatchObject(guards);
    expect(verifyAuditTrail(s.db)).toMatchObject({ intact: true, records: { problems: [] } });
    s.close();
  });

  it('freezes the words with the finalised record (the service and the database refuse), while owner, due date and status stay editable', () => {
    const { s, draft } = draftWithFindings();
    write(s, draft.id, 'IF-03');
    submitAndFinalise(s, draft.id);
    const changed = { actionRequired: 'Something else.', closingEvidence: 'Anything.' };
    expect(refusal(() => write(s, draft.id, 'IF-03', changed, guards)).code).toBe('locked');
    expect(() =>
      s.db.prepare("UPDATE ratings SET action_required = 'Forged.' WHERE assessment_id = ? AND criterion_id = 'IF-03'").run(draft.id),
    ).toThrow(/finalised and locked/);
    const action = s.correctiveActions.list({ assessmentId: draft.id }).find((a) => a.criterionId === 'IF-03')!;
    const updated = s.correctiveActions.update(action.id, action.revision, {
      owner: 'Workshop superintendent',
      dueDate: '2025-05-15',
      status: 'in-progress',
      institutionResponse: 'Guards ordered.',
      description: action.description,
    });
    expect(updated).toMatchObject({ owner: 'Workshop superintendent', dueDate: '2025-05-15', status: 'in-progress', ...guards });
    s.close();
  });

  it('refuses a unit that is not a non-conformity, a self-assessment, and words saved over someone else’s', () => {
    const { s, draft, input } = draftWithFindings();
    expect(refusal(() => write(s, draft.id, 'GQ-01')).issues).toEqual([
      { path: ['criterionId'], message: 'assessments.errors.notANonConformity' },
    ]);
    const self = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] }));
    rateAll(s, self.id, (unit) => (unit.criterionId === 'IF-03' ? { rating: 1 } : undefined));
    expect(s.correctiveActions.findings(self.id)).toEqual([]);
    expect(refusal(() => write(s, self.id, 'IF-03')).code).toBe('validation');

    write(s, draft.id, 'IF-03');
    // A second form opened before that save still holds the empty text: it must not overwrite.
    const stale = refusal(() => write(s, draft.id, 'IF-03', { actionRequired: 'Other words.', closingEvidence: 'Other proof.' }));
    expect(stale.code).toBe('conflict');
    expect(byCriterion(s.correctiveActions.findings(draft.id))['IF-03']).toMatchObject(guards);
    // Starting from what is stored, it may.
    write(s, draft.id, 'IF-03', { actionRequired: 'Other words.', closingEvidence: 'Other proof.' }, guards);
    expect(byCriterion(s.correctiveActions.findings(draft.id))['IF-03']).toMatchObject({ actionRequired: 'Other words.' });
    s.close();
  });

  it('a reopened revision starts from the words written, and the action it carries over reads the new revision’s words', () => {
    const { s, draft } = draftWithFindings();
    write(s, draft.id, 'IF-03');
    submitAndFinalise(s, draft.id);
    const first = s.correctiveActions.list({ assessmentId: draft.id }).find((a) => a.criterionId === 'IF-03')!;
    const revision2 = s.workflow.reopen(draft.id, 'Appeal: the lathes were guarded the same week.');
    expect(byCriterion(s.correctiveActions.findings(revision2.id))['IF-03']).toMatchObject(guards);
    const reworded = { actionRequired: 'Keep the new guards fitted and inspect them monthly.', closingEvidence: 'Monthly inspection log.' };
    write(s, revision2.id, 'IF-03', reworded, guards);
    // The finalised first revision still says what it said.
    expect(s.correctiveActions.list({ assessmentId: draft.id }).find((a) => a.id === first.id)).toMatchObject(guards);
    submitAndFinalise(s, revision2.id);
    const carried = s.correctiveActions.list({ assessmentId: revision2.id }).find((a) => a.criterionId === 'IF-03')!;
    expect(carried).toMatchObject({ id: first.id, ...reworded });
    s.close();
  });
});
