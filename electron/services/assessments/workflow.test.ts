import { describe, expect, it } from 'vitest';
import { frameworkContentHash } from '../../../shared/framework';
import { AppError } from '../../../shared/ipc/result';
import { tempDir } from '../test-support/temp-dir';
import { openTestServices } from '../test-support/services';
import { asReviewer, submitAndFinalise } from '../test-support/reviewer';
import { resultHash, storedScore } from './assessment-workflow';
import { bundledFrameworksDir, rateAll, setUp, testClock } from './test-fixtures';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/**
 * An inspection that finds: IF-03 (workshop safety, always critical) partially met → major on a critical
 * criterion; CU-02 not met for the local programme → major; GQ-02 partially met → minor; GQ-03 largely
 * met → observation. Everything else is met and every outcome is green.
 */
const findings = (unit: { criterionId: string; programmeId: string | null }, localProgrammeId: string) => {
  if (unit.criterionId === 'IF-03') return { rating: 1 as const, evidenceSeen: ['OBS'] };
  if (unit.criterionId === 'CU-02' && unit.programmeId === localProgrammeId) return { rating: 0 as const };
  if (unit.criterionId === 'GQ-02') return { rating: 1 as const, note: 'Policy exists on paper only.' };
  if (unit.criterionId === 'GQ-03') return { rating: 2 as const };
  return undefined;
};

describe('assessment workflow', () => {
  it('takes a 106-unit inspection from draft through submission to a finalised, scored, locked result', () => {
    const clock = testClock('2025-03-05T12:00:00.000Z');
    const { s, care, input } = setUp({ clock });
    const a = s.assessments.create(input());
    expect(s.assessments.list({ institutionId: a.institutionId })[0]).toMatchObject({ answered: 0, total: 106, score: null });

    // Submitting an unfinished assessment is refused with the list of what is missing.
    const early = errorOf(() => s.workflow.submit(a.id, a.revision));
    expect(early.code).toBe('validation');
    expect(early.issues).toHaveLength(106);
    expect(early.issues?.[0]).toEqual({ path: ['ratings', 'GQ-01'], message: 'assessments.rules.unanswered' });

    const { units } = rateAll(s, a.id, (unit) => findings(unit, care.id));
    expect(units).toHaveLength(106);
    expect(s.assessments.list({ institutionId: a.institutionId })[0]).toMatchObject({ answered: 106, total: 106 });

    // An N/A without a reason still blocks submission.
    s.ratings.save({ assessmentId: a.id, criterionId: 'GQ-05', programmeId: null, patch: { rating: 'na' } });
    expect(errorOf(() => s.workflow.submit(a.id, a.revision)).issues).toEqual([
      { path: ['ratings', 'GQ-05'], message: 'assessments.rules.naReasonRequired' },
    ]);
    s.ratings.save({
      assessmentId: a.id,
      criterionId: 'GQ-05',
      programmeId: null,
      patch: { rating: 3, evidenceSeen: ['DOC', 'REC'] },
    });

    clock.set('2025-03-06T12:00:00.000Z');
    const submitted = s.workflow.submit(a.id, a.revision);
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: '2025-03-06T12:00:00.000Z' });
    expect(submitted.score).toMatchObject({ decision: 'recommended-with-conditions', complete: true });
    // Submitted is read-only: only return-to-draft or finalise.
    expect(
      errorOf(() => s.ratings.save({ assessmentId: a.id, criterionId: 'GQ-01', programmeId: null, patch: { note: 'late' } })).code,
    ).toBe('locked');

    clock.set('2025-03-10T12:00:00.000Z');
    const finalised = asReviewer(s, () => s.workflow.finalise(a.id, submitted.revision));
    expect(finalised).toMatchObject({ status: 'finalised', finalisedAt: '2025-03-10T12:00:00.000Z' });
    expect(finalised.score).toEqual({
      overallPct: expect.any(Number),
      decision: 'recommended-with-conditions',
      complete: true,
      computedAt: '2025-03-10T12:00:00.000Z',
    });
    const result = s.assessments.score(a.id);
    // Only the major non-conformity on a critical criterion keeps it from "Recommended".
    expect(result.outcome.reasons.map((r) => r.code)).toEqual(['major-on-critical']);
    expect(result.findings.filter((f) => f.class !== 'observation').map((f) => [f.criterionId, f.class])).toEqual([
      ['GQ-02', 'minor'],
      ['CU-02', 'major'],
      ['IF-03', 'major'],
    ]);
    expect(finalised.score!.overallPct).toBe(result.overall.pctRounded);
    expect(result.overall.pctRounded!).toBeGreaterThan(90);
    // The mobility-track programme is ready; the other is not on a track at all.
    expect(result.programmes.map((p) => p.mobilityReady?.ready ?? null)).toEqual([null, true]);

    const list = s.assessments.list({ institutionId: a.institutionId, status: 'finalised' });
    expect(list).toEqual([expect.objectContaining({ id: a.id, score: finalised.score, answered: 106, total: 106 })]);
    s.close();
  });

  it('is locked after finalising: the service says so, and SQLite refuses raw SQL too', () => {
    const { s, input } = setUp();
    const a = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Akter', role: 'administrator' }] }));
    rateAll(s, a.id);
    const submitted = s.workflow.submit(a.id, a.revision);
    const finalised = s.workflow.finalise(a.id, submitted.revision);
    const before = s.assessments.get(a.id);

    const locked = errorOf(() => s.ratings.save({ assessmentId: a.id, criterionId: 'GQ-01', programmeId: null, patch: { rating: 0 } }));
    expect(locked.code).toBe('locked');
    expect(locked.message).toMatch(/finalised and locked/);
    for (const attempt of [
      () => s.assessments.updateDetails(a.id, finalised.revision, { ...finalised, siteVisitDate: '2025-04-01' }),
      () => s.workflow.submit(a.id, finalised.revision),
      () => s.workflow.returnToDraft(a.id, finalised.revision, 'Change the score please'),
      () => s.workflow.finalise(a.id, finalised.revision),
      () => s.frameworkChange.change({ id: a.id, revision: finalised.revision, frameworkVersionId: a.frameworkVersionId, apply: true }),
    ]) {
      expect(errorOf(attempt).code).toBe('locked');
    }
    expect(() => s.db.prepare("UPDATE ratings SET rating = 0 WHERE assessment_id = ? AND criterion_id = 'GQ-01'").run(a.id)).toThrow(
      /finalised and locked/,
    );
    expect(() => s.db.prepare("UPDATE assessments SET status = 'draft' WHERE id = ?").run(a.id)).toThrow(/finalised and locked/);
    expect(s.assessments.get(a.id)).toEqual(before);
    // A self-assessment raises no corrective actions: it is the institution's own reflection.
    expect(s.correctiveActions.list({ assessmentId: a.id })).toEqual([]);
    s.close();
  });

  it('recomputes the stored score identically years later, from the database alone, against the pinned framework', () => {
    const dataDir = tempDir();
    const { s, care, input } = setUp({ dataDir });
    const a = s.assessments.create(input());
    rateAll(s, a.id, (unit) => findings(unit, care.id));
    const submitted = s.workflow.submit(a.id, a.revision);
    const finalised = asReviewer(s, () => s.workflow.finalise(a.id, submitted.revision));
    const fingerprint = s.db.prepare('SELECT score_result_hash FROM assessments WHERE id = ?').pluck().get(a.id);
    s.close();

    // Another process, another day: nothing in memory survives.
    const later = openTestServices({ dataDir, bundledFrameworksDir, clock: testClock('2029-11-30T12:00:00.000Z') });
    const { assessment } = later.assessments.get(a.id);
    const recomputed = later.assessments.score(a.id);
    expect({ ...storedScore(recomputed, assessment.score!.computedAt) }).toEqual(finalised.score);
    expect(resultHash(recomputed)).toBe(fingerprint);
    // The pinned hash is the content hash of the framework the score is computed from.
    const pinned = later.frameworks.get(assessment.frameworkVersionId);
    expect(assessment.frameworkContentHash).toBe(pinned.summary.contentHash);
    expect(assessment.frameworkContentHash).toBe(frameworkContentHash(pinned.framework));
    later.close();
  });

  it('reopens a finalised assessment as revision 2, a draft with the same ratings; revision 1 stays intact', () => {
    const { s, input } = setUp();
    const a = s.assessments.create(input());
    rateAll(s, a.id);
    const finalised = submitAndFinalise(s, a.id);
    const before = s.assessments.get(a.id);

    const second = s.workflow.reopen(a.id, 'The institution appealed with new workshop-safety records.');
    expect(second).toMatchObject({
      status: 'draft',
      revisionNumber: 2,
      previousRevisionId: a.id,
      reopenReason: 'The institution appealed with new workshop-safety records.',
      score: null,
      finalisedAt: null,
      frameworkVersionId: a.frameworkVersionId,
      frameworkContentHash: a.frameworkContentHash,
    });
    expect(second.id).not.toBe(a.id);
    const copied = s.assessments.get(second.id).ratings;
    expect(copied.map(({ updatedAt: _a, updatedBy: _b, ...r }) => r)).toEqual(
      before.ratings.map(({ updatedAt: _a, updatedBy: _b, ...r }) => r),
    );
    expect(s.assessments.list({ institutionId: a.institutionId }).find((x) => x.id === second.id)).toMatchObject({
      answered: 106,
      total: 106,
    });

    // Revision 2 is editable; revision 1 is exactly as it was and still locked.
    s.ratings.save({ assessmentId: second.id, criterionId: 'IF-03', programmeId: null, patch: { rating: 2 } });
    expect(s.assessments.get(a.id)).toEqual(before);
    expect(finalised.status).toBe('finalised');
    // Only one revision may follow another.
    expect(errorOf(() => s.workflow.reopen(a.id, 'Second attempt to reopen')).code).toBe('conflict');
    expect(errorOf(() => s.workflow.reopen(second.id, 'Not finalised yet')).code).toBe('conflict');
    s.close();
  });

  it('returns a submitted assessment to draft with a reason recorded in the change log', () => {
    const { s, input } = setUp();
    const a = s.assessments.create(input());
    rateAll(s, a.id);
    const submitted = s.workflow.submit(a.id, a.revision);
    expect(errorOf(() => s.workflow.returnToDraft(a.id, a.revision, 'Stale revision used here')).code).toBe('conflict');
    const draft = s.workflow.returnToDraft(a.id, submitted.revision, 'Evidence for AS-04 is missing a sample.');
    expect(draft).toMatchObject({ status: 'draft', submittedAt: null, score: null });
    expect(draft.revision).toBe(submitted.revision + 1);
    const log = s.db
      .prepare("SELECT action, payload FROM change_log WHERE entity = 'assessment' AND entity_id = ? AND action = 'return-to-draft'")
      .get(a.id) as { action: string; payload: string };
    // The reason, and (added by the Mutator) the digest of the assessment row the change left behind.
    const { written, ...logged } = JSON.parse(log.payload) as { written: { assessments: string[][] } };
    expect(logged).toEqual({ reason: 'Evidence for AS-04 is missing a sample.' });
    expect(written.assessments).toEqual([[a.id, expect.stringMatching(/^[0-9a-f]{64}$/)]]);
    // Editable again; finalising a draft is refused.
    const programmeId = draft.programmes[0]!.id;
    s.ratings.save({ assessmentId: a.id, criterionId: 'AS-04', programmeId, patch: { note: 'Sample added.' } });
    expect(errorOf(() => s.workflow.finalise(a.id, draft.revision)).code).toBe('conflict');
    s.close();
  });

  it('refuses a transition based on a stale revision', () => {
    const { s, input } = setUp();
    const a = s.assessments.create(input());
    rateAll(s, a.id);
    const updated = s.assessments.updateDetails(a.id, a.revision, {
      team: a.team,
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '2025-03-04',
    });
    expect(errorOf(() => s.workflow.submit(a.id, a.revision)).code).toBe('conflict');
    expect(s.workflow.submit(a.id, updated.revision).status).toBe('submitted');
    s.close();
  });
});
