import { describe, expect, it } from 'vitest';
import type { Assessment, CorrectiveAction } from '../../../shared/assessments/schema';
import type { assessmentsContract } from '../../../shared/assessments/contract';
import type { Result } from '../../../shared/ipc/result';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { rateAll, setUp } from './test-fixtures';

const uuid = '00000000-0000-4000-8000-000000000001';
const huge = 'x'.repeat(30_000);

/** Requests a hostile or broken renderer might send, per channel; every one must come back as a validation error. */
const hostile: Record<keyof typeof assessmentsContract, unknown[]> = {
  'assessments:list': [
    { institutionId: "1' OR '1'='1" },
    { status: 'deleted' },
    { kind: ['inspection'] },
    { extra: true },
    'all',
    { limit: 0 },
    { limit: 5000 },
    { offset: -1 },
    { limit: 1.5 },
  ],
  'assessments:get': [{}, { id: '../../etc/passwd' }, { id: uuid, withRatings: true }, [uuid]],
  'assessments:create': [
    {},
    {
      kind: 'audit',
      institutionId: uuid,
      programmeIds: [],
      frameworkVersionId: uuid,
      team: [],
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    },
    {
      kind: 'follow-up',
      institutionId: uuid,
      programmeIds: [uuid],
      frameworkVersionId: uuid,
      team: [{ name: 'A', role: 'lead-inspector' }],
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    },
    {
      kind: 'inspection',
      institutionId: uuid,
      programmeIds: Array(51).fill(uuid),
      frameworkVersionId: uuid,
      team: [{ name: 'A', role: 'lead-inspector' }],
      plannedStart: '2025-13-40',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    },
    {
      kind: 'inspection',
      institutionId: uuid,
      programmeIds: [uuid],
      frameworkVersionId: uuid,
      team: [{ name: '\u0007bell', role: 'lead-inspector' }],
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    },
  ],
  'assessments:update-details': [{ id: uuid, revision: -1, team: [], plannedStart: '', plannedEnd: '', siteVisitDate: '' }, { id: uuid }],
  'assessments:save-rating': [
    { assessmentId: uuid, criterionId: 'GQ-01', programmeId: null, patch: { rating: 4 } },
    { assessmentId: uuid, criterionId: 'GQ-01', programmeId: null, patch: { rating: '3' } },
    { assessmentId: uuid, criterionId: 'GQ-01', programmeId: null, patch: { note: huge } },
    { assessmentId: uuid, criterionId: 'GQ-01', programmeId: null, patch: { evidenceSeen: ['<script>'] } },
    {
      assessmentId: uuid,
      criterionId: 'GQ-01',
      programmeId: null,
      patch: { data: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}`, i])) },
    },
    { assessmentId: uuid, criterionId: 'GQ-01', programmeId: null, patch: { maturity: 9 } },
    { assessmentId: uuid, criterionId: 'GQ-01', programmeId: null, patch: { updatedBy: 'someone else' } },
    { assessmentId: uuid, criterionId: 'GQ-01'.repeat(10), programmeId: null, patch: {} },
    { assessmentId: uuid, criterionId: 'GQ-01', programmeId: '', patch: {} },
  ],
  'assessments:submit': [{ id: uuid }, { id: uuid, revision: 1.5 }],
  'assessments:return-to-draft': [
    { id: uuid, revision: 0, reason: '' },
    { id: uuid, revision: 0, reason: 'no' },
    { id: uuid, revision: 0, reason: huge },
  ],
  'assessments:finalise': [
    { id: uuid, revision: '0' },
    { id: null, revision: 0 },
  ],
  'assessments:reopen': [{ id: uuid, reason: '   ' }, { id: uuid }],
  'assessments:change-framework': [
    { id: uuid, revision: 0, frameworkVersionId: 'latest', apply: true },
    { id: uuid, revision: 0, frameworkVersionId: uuid },
  ],
  'assessments:gap': [
    {},
    { selfId: uuid },
    { selfId: '../x', inspectionId: uuid },
    { selfId: uuid, inspectionId: uuid, withRatings: true },
  ],
  'corrective-actions:list': [{ status: 'closed' }, { openOnly: 'yes' }, { assessmentId: 42 }],
  'corrective-actions:findings': [{}, { assessmentId: '../x' }, { assessmentId: uuid, all: true }],
  'corrective-actions:write': [
    {
      assessmentId: uuid,
      criterionId: "GQ-01'; DROP TABLE ratings; --",
      programmeId: null,
      text: { actionRequired: 'Do it.', closingEvidence: 'Proof.' },
      previous: { actionRequired: '', closingEvidence: '' },
    },
    {
      assessmentId: uuid,
      criterionId: 'GQ-01',
      programmeId: null,
      text: { actionRequired: '   ', closingEvidence: 'Proof.' },
      previous: { actionRequired: '', closingEvidence: '' },
    },
    {
      assessmentId: uuid,
      criterionId: 'GQ-01',
      programmeId: null,
      text: { actionRequired: huge, closingEvidence: 'Proof.' },
      previous: { actionRequired: '', closingEvidence: '' },
    },
    { assessmentId: uuid, criterionId: 'GQ-01', programmeId: null, text: { actionRequired: 'Do it.', closingEvidence: 'Proof.' } },
  ],
  'corrective-actions:update': [
    { id: uuid, revision: 0, update: { owner: 'x', dueDate: 'tomorrow', status: 'open', institutionResponse: '', description: '' } },
    { id: uuid, revision: 0, update: { owner: 'x', dueDate: '', status: 'done', institutionResponse: '', description: '' } },
    { id: uuid, revision: 0, update: { owner: 'x', dueDate: '', status: 'open', institutionResponse: huge, description: '' } },
  ],
  'corrective-actions:verify': [
    { id: uuid, revision: 0, followUpAssessmentId: uuid, closed: 'true', note: '' },
    { id: uuid, revision: 0, followUpAssessmentId: uuid, closed: true, note: huge },
  ],
};

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value as T;
}

describe('assessment channels through the dispatcher', () => {
  it('turn every hostile request into a validation error, and change nothing', async () => {
    const { s } = setUp();
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    for (const [channel, requests] of Object.entries(hostile)) {
      for (const request of requests) {
        const result = await dispatch(channel, request);
        expect(result, `${channel} ${JSON.stringify(request).slice(0, 120)}`).toMatchObject({ ok: false, error: { code: 'validation' } });
      }
    }
    expect(s.assessments.list({})).toEqual([]);
    s.close();
  });

  it('serve a whole inspection and its follow-up with responses that match the contract', async () => {
    const { s, care, input } = setUp();
    const dispatch = createDispatcher(createHandlers(s, 'browser'), { logError: (channel, error) => console.error(channel, error) });
    let a = value<Assessment>(await dispatch('assessments:create', input()));
    a = value<Assessment>(
      await dispatch('assessments:update-details', {
        id: a.id,
        revision: a.revision,
        team: a.team,
        plannedStart: '',
        plannedEnd: '',
        siteVisitDate: '2025-03-04',
      }),
    );
    const saved = await dispatch('assessments:save-rating', {
      assessmentId: a.id,
      criterionId: 'CU-02',
      programmeId: care.id,
      patch: { rating: 0, note: 'No curriculum review.' },
    });
    expect(value<{ rating: { rating: number } }>(saved).rating.rating).toBe(0);
    rateAll(s, a.id, (u) => (u.criterionId === 'CU-02' && u.programmeId === care.id ? { rating: 0 } : undefined));
    expect(
      value<{ items: unknown[]; total: number }>(await dispatch('assessments:list', { institutionId: a.institutionId })),
    ).toMatchObject({
      items: [expect.objectContaining({ id: a.id })],
      total: 1,
    });
    expect(value<{ ratings: unknown[] }>(await dispatch('assessments:get', { id: a.id })).ratings).toHaveLength(106);

    a = value<Assessment>(await dispatch('assessments:submit', { id: a.id, revision: a.revision }));
    a = value<Assessment>(
      await dispatch('assessments:return-to-draft', { id: a.id, revision: a.revision, reason: 'Recheck CU-02 sample.' }),
    );
    a = value<Assessment>(await dispatch('assessments:submit', { id: a.id, revision: a.revision }));
    // Four eyes: the profile switches to a reviewer, as on a shared laptop, before finalising.
    await dispatch('settings:update', { userName: 'Shirin Akhter', role: 'head-office' });
    a = value<Assessment>(await dispatch('assessments:finalise', { id: a.id, revision: a.revision }));
    expect(a.status).toBe('finalised');
    const locked = await dispatch('assessments:save-rating', {
      assessmentId: a.id,
      criterionId: 'GQ-01',
      programmeId: null,
      patch: { rating: 0 },
    });
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });

    const r2 = value<Assessment>(await dispatch('assessments:reopen', { id: a.id, reason: 'Appeal received.' }));
    const sameVersion = await dispatch('assessments:change-framework', {
      id: r2.id,
      revision: r2.revision,
      frameworkVersionId: r2.frameworkVersionId,
      apply: false,
    });
    expect(sameVersion).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ message: 'assessments.errors.frameworkSameVersion' }] },
    });

    const fu = value<Assessment>(await dispatch('assessments:create', input({ kind: 'follow-up', followsAssessmentId: a.id })));
    const open = value<{ items: CorrectiveAction[] }>(
      await dispatch('corrective-actions:list', { assessmentId: a.id, openOnly: true }),
    ).items;
    expect(open.map((c) => [c.criterionId, c.findingClass])).toEqual([['CU-02', 'major']]);
    const updated = value<CorrectiveAction>(
      await dispatch('corrective-actions:update', {
        id: open[0]!.id,
        revision: open[0]!.revision,
        update: {
          owner: 'Head of curriculum',
          dueDate: '2025-05-01',
          status: 'completed',
          institutionResponse: 'Reviewed.',
          description: open[0]!.description,
        },
      }),
    );
    const verified = value<CorrectiveAction>(
      await dispatch('corrective-actions:verify', {
        id: updated.id,
        revision: updated.revision,
        followUpAssessmentId: fu.id,
        closed: true,
        note: 'Review minutes seen.',
      }),
    );
    expect(verified).toMatchObject({ status: 'verified-closed', verifiedInAssessmentId: fu.id });
    s.close();
  });
});
