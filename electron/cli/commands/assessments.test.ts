import { describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '../../../shared/assessments/schema';
import { bundledFrameworksDir, rateAll, setUp, testClock } from '../../services/assessments/test-fixtures';
import { institutionInput, openTestServices } from '../../services/test-support/services';
import { asReviewer, testReviewer } from '../../services/test-support/reviewer';
import { tempDir } from '../../services/test-support/temp-dir';
import { runCli } from '../main';

/** One labelled line of "assessments show". */
const field = (label: string, text: string) => `  ${`${label}:`.padEnd(23)}${text}`;

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * A data folder with a finalised inspection (IF-03 partially met: a major on a critical criterion;
 * CU-02 not met for one programme: major; GQ-02 partially met: minor — three corrective actions) and,
 * a month later, a self-assessment in draft with five criteria rated. Made through the real services.
 */
function scenario() {
  const dataDir = tempDir();
  const clock = testClock('2025-03-05T12:00:00.000Z');
  const { s, institution, care, input } = setUp({ dataDir, clock });
  s.settings.update({ userName: 'Farida Yasmin', organisation: 'NSDA', onboarded: true });
  const inspection = s.assessments.create(input());
  rateAll(s, inspection.id, (unit) => {
    if (unit.criterionId === 'IF-03') return { rating: 1, evidenceSeen: ['OBS'] };
    if (unit.criterionId === 'CU-02' && unit.programmeId === care.id) return { rating: 0 };
    if (unit.criterionId === 'GQ-02') return { rating: 1, note: 'Policy exists on paper only.' };
    return undefined;
  });
  clock.set('2025-03-06T12:00:00.000Z');
  const submitted = s.workflow.submit(inspection.id, inspection.revision);
  clock.set('2025-03-10T12:00:00.000Z');
  // Four eyes: a reviewer finalises what Farida submitted.
  const finalised = asReviewer(s, () => s.workflow.finalise(inspection.id, submitted.revision));

  clock.set('2025-04-10T12:00:00.000Z');
  const draft = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] }));
  for (const criterionId of ['GQ-01', 'GQ-02', 'GQ-03', 'GQ-04', 'TA-01'])
    s.ratings.save({
      assessmentId: draft.id,
      criterionId,
      programmeId: null,
      patch: { rating: criterionId === 'GQ-02' ? 2 : 3 },
    });
  const live = s.assessments.score(draft.id);
  const other = s.institutions.create(institutionInput({ nameEn: 'Khulna Technical School', registrationNumber: 'BTEB-77001' }));
  const openActions = s.correctiveActions.list({ assessmentId: finalised.id, openOnly: true }).length;
  s.close();
  return { dataDir, clock, institution, other, finalised, draft, live, openActions };
}

describe('assessments on the command line', () => {
  it('list: says so when there are none, in text and JSON', () => {
    const dataDir = tempDir();
    const text = run(['assessments', 'list', '--data-dir', dataDir]);
    expect(text).toMatchObject({ code: 0, out: 'No assessments yet.' });
    expect(JSON.parse(run(['assessments', 'list', '--json', '--data-dir', dataDir]).out)).toEqual({ total: 0, items: [] });
  });

  it('list: a table newest first with progress, stored score and outcome in words, and the total; --json gives the summaries', () => {
    const { dataDir, finalised, draft } = scenario();
    const text = run(['assessments', 'list', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    const lines = text.out.split('\n');
    expect(lines[0]).toMatch(/^Id +Institution +Kind +Status +Rev\. +Framework +Progress +Score +Outcome +Updated \(UTC\)$/);
    // Newest first: the draft self-assessment started a month after the inspection was finalised.
    expect(lines[2]).toMatch(
      new RegExp(`^${draft.id} +Dhaka Polytechnic Institute +Self-assessment +Draft +1 +1\\.0\\.0 +5/106 +- +- +2025-04-10 12:00$`),
    );
    const pct = finalised.score!.overallPct!.toFixed(1);
    expect(lines[3]).toMatch(
      new RegExp(
        `^${finalised.id} +Dhaka Polytechnic Institute +Inspection +Finalised +1 +1\\.0\\.0 +106/106 +${pct}% +Recommended with conditions +2025-03-10 12:00$`,
      ),
    );
    expect(text.out).toContain('Showing 2 of 2 assessment(s), newest first.');
    expect(text.out).not.toMatch(/recognised|recognized/i);

    const json = run(['assessments', 'list', '--json', '--data-dir', dataDir]);
    const parsed = JSON.parse(json.out) as { total: number; items: AssessmentSummary[] };
    expect(parsed.total).toBe(2);
    expect(parsed.items.map((a) => a.id)).toEqual([draft.id, finalised.id]);
    expect(parsed.items[1]).toEqual({
      id: finalised.id,
      kind: 'inspection',
      status: 'finalised',
      institutionId: finalised.institutionId,
      institutionNameEn: 'Dhaka Polytechnic Institute',
      institutionNameBn: 'ঢাকা পলিটেকনিক ইনস্টিটিউট',
      frameworkVersion: '1.0.0',
      revisionNumber: 1,
      siteVisitDate: '2025-03-03',
      answered: 106,
      total: 106,
      score: finalised.score,
      updatedAt: '2025-03-10T12:00:00.000Z',
    });
  });

  it('list: filters by status, kind and institution, and --limit shows fewer with the total', () => {
    const { dataDir, institution, other, finalised, draft } = scenario();
    const ids = (...args: string[]) => {
      const r = run(['assessments', 'list', '--json', '--data-dir', dataDir, ...args]);
      expect(r.code).toBe(0);
      const parsed = JSON.parse(r.out) as { total: number; items: AssessmentSummary[] };
      return { total: parsed.total, ids: parsed.items.map((a) => a.id) };
    };
    expect(ids('--status', 'finalised')).toEqual({ total: 1, ids: [finalised.id] });
    expect(ids('--status', 'draft')).toEqual({ total: 1, ids: [draft.id] });
    expect(ids('--status', 'submitted')).toEqual({ total: 0, ids: [] });
    expect(ids('--kind', 'self-assessment')).toEqual({ total: 1, ids: [draft.id] });
    expect(ids('--kind', 'inspection', '--status', 'finalised', '--institution', institution.id)).toEqual({
      total: 1,
      ids: [finalised.id],
    });
    expect(ids('--institution', other.id)).toEqual({ total: 0, ids: [] });
    expect(ids('--limit', '1')).toEqual({ total: 2, ids: [draft.id] });

    const none = run(['assessments', 'list', '--institution', other.id, '--data-dir', dataDir]);
    expect(none).toMatchObject({ code: 0, out: 'No assessment matches these filters.' });
    const limited = run(['assessments', 'list', '--limit', '1', '--data-dir', dataDir]);
    expect(limited.out).toContain('Showing 1 of 2 assessment(s), newest first. Use --limit <n> to see more.');

    // An institution that does not exist is a mistake (1); a bad filter value is a usage error (2).
    const unknown = run(['assessments', 'list', '--institution', '00000000-0000-4000-8000-000000000000', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No institution has the id "00000000-0000-4000-8000-000000000000"');
    const badStatus = run(['assessments', 'list', '--status', 'approved', '--data-dir', dataDir]);
    expect(badStatus.code).toBe(2);
    expect(badStatus.err).toContain('--status must be one of draft, submitted, finalised.');
    expect(run(['assessments', 'list', '--kind', 'audit', '--data-dir', dataDir]).code).toBe(2);
    expect(run(['assessments', 'list', '--limit', '0', '--data-dir', dataDir]).code).toBe(2);
    expect(run(['assessments', 'list', '--limit', 'ten', '--data-dir', dataDir]).code).toBe(2);
    expect(run(['assessments', 'list', '--sort', 'name', '--data-dir', dataDir]).code).toBe(2);
    expect(run(['assessments', 'delete', '--data-dir', dataDir]).code).toBe(2);
    expect(JSON.parse(run(['assessments', 'list', '--status', 'x', '--json', '--data-dir', dataDir]).out)).toEqual({
      ok: false,
      error: { code: 'usage', message: '--status must be one of draft, submitted, finalised.' },
    });
  });

  it('show: a finalised inspection with its pinned framework, stored score, outcome in words and open corrective actions', () => {
    const { dataDir, finalised, openActions } = scenario();
    expect(openActions).toBe(3);
    const text = run(['assessments', 'show', finalised.id, '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    const pct = finalised.score!.overallPct!.toFixed(1);
    for (const expected of [
      `Inspection ${finalised.id}`,
      field('Status', 'Finalised, revision 1'),
      field('Institution', `Dhaka Polytechnic Institute (ঢাকা পলিটেকনিক ইনস্টিটিউট)  ${finalised.institutionId}`),
      'Caregiving (local) (care)',
      'Caregiving for Germany (care, mobility track to Germany, German B1)',
      field('Team', 'Farida Yasmin (Lead inspector), Tanvir Hasan (Inspector)'),
      field('Planned', '2025-03-01 to 2025-03-05'),
      field('Site visit', '2025-03-03'),
      field('Submitted', '2025-03-06 12:00 UTC by Farida Yasmin'),
      field('Finalised', `2025-03-10 12:00 UTC by ${testReviewer.userName}`),
      field('Framework', `bd-eu-tvet 1.0.0 (version id ${finalised.frameworkVersionId})`),
      field('Content hash', `${finalised.frameworkContentHash}`),
      field('Revisions', `1  ${finalised.id}  Finalised  (this one)`),
      field('Progress', '106 of 106 answered'),
      field('Score', `${pct}% overall (core criteria), stored when finalised at 2025-03-10 12:00 UTC, complete`),
      field('Outcome', 'Recommended with conditions'),
      'The institution’s training is aligned with the framework, subject to the conditions in this report.',
      field('Corrective actions', '3 open'),
    ])
      expect(text.out).toContain(expected);
    expect(text.out).not.toContain('Live score');
    expect(text.out).not.toMatch(/recognised|recognized/i);

    const json = JSON.parse(run(['assessments', 'show', finalised.id, '--json', '--data-dir', dataDir]).out);
    expect(json).toMatchObject({
      assessment: { id: finalised.id, status: 'finalised', frameworkContentHash: finalised.frameworkContentHash },
      progress: { answered: 106, total: 106 },
      revisions: [{ id: finalised.id, revisionNumber: 1, status: 'finalised' }],
      storedScore: { overallPct: finalised.score!.overallPct, decision: 'recommended-with-conditions', complete: true },
      liveScore: null,
      openCorrectiveActions: 3,
    });
  });

  it('show: a draft gets its live score computed now, marked provisional', () => {
    const { dataDir, draft, live } = scenario();
    const text = run(['assessments', 'show', draft.id, '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`Self-assessment ${draft.id}`);
    expect(text.out).toContain(field('Team', 'Nasima Begum (Administrator)'));
    expect(text.out).toContain(field('Progress', '5 of 106 answered'));
    expect(text.out).toContain(
      field('Live score', `${live.overall.pctRounded!.toFixed(1)}% overall (core criteria), computed now (provisional)`),
    );
    expect(text.out).toContain(field('Provisional outcome', 'Deferred (not yet)'));
    expect(text.out).toContain(field('Corrective actions', '0 open'));
    expect(text.out).not.toContain(field('Score', ''));

    const json = JSON.parse(run(['assessments', 'show', draft.id, '--json', '--data-dir', dataDir]).out);
    expect(json).toMatchObject({
      assessment: { id: draft.id, status: 'draft', score: null },
      storedScore: null,
      liveScore: { overallPct: live.overall.pctRounded, decision: live.outcome.decision, complete: false, answered: 5, total: 106 },
      openCorrectiveActions: 0,
    });
    expect(live.outcome.decision).toBe('deferred');
  });

  it('show: the revision chain after reopening, from either end', () => {
    const { dataDir, clock, finalised } = scenario();
    const s = openTestServices({ dataDir, clock, bundledFrameworksDir });
    const reopened = s.workflow.reopen(finalised.id, 'The site visit report was incomplete.');
    s.close();
    const fromOld = JSON.parse(run(['assessments', 'show', finalised.id, '--json', '--data-dir', dataDir]).out);
    const fromNew = JSON.parse(run(['assessments', 'show', reopened.id, '--json', '--data-dir', dataDir]).out);
    const chain = [
      { id: finalised.id, revisionNumber: 1, status: 'finalised', reopenReason: '' },
      { id: reopened.id, revisionNumber: 2, status: 'draft', reopenReason: 'The site visit report was incomplete.' },
    ];
    expect(fromOld.revisions).toEqual(chain);
    expect(fromNew.revisions).toEqual(chain);
    const text = run(['assessments', 'show', reopened.id, '--data-dir', dataDir]).out;
    expect(text).toContain(field('Revisions', `1  ${finalised.id}  Finalised\n`));
    expect(text).toContain(`2  ${reopened.id}  Draft  (this one)  reopened: The site visit report was incomplete.`);
  });

  it('show: an unknown id is refused (1), a missing or extra id and list options are usage errors (2)', () => {
    const dataDir = tempDir();
    const unknown = run(['assessments', 'show', '2f1e0c1a-0000-4000-8000-000000000000', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe(
      'Error: No assessment has the id "2f1e0c1a-0000-4000-8000-000000000000" in this data folder ("assessments list" shows the ids).',
    );
    expect(JSON.parse(run(['assessments', 'show', 'not-an-id', '--json', '--data-dir', dataDir]).out)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const missing = run(['assessments', 'show', '--data-dir', dataDir]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('assessments show needs exactly one assessment id');
    expect(missing.err).toContain('assessments show <assessmentId> [--json]');
    expect(run(['assessments', 'show', 'a', 'b', '--data-dir', dataDir]).code).toBe(2);
    expect(run(['assessments', 'show', 'a', '--status', 'draft', '--data-dir', dataDir]).code).toBe(2);
    expect(run(['assessments', 'show', 'a', '--verbose', '--data-dir', dataDir]).code).toBe(2);
    expect(run(['assessments', '--data-dir', dataDir]).code).toBe(2);
  });
});
