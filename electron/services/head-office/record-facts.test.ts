import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/framework/schema';
import { AppError } from '../../../shared/ipc/result';
import { rateAll, setUp, testClock } from '../assessments/test-fixtures';
import { finaliseAsReviewer } from '../test-support/reviewer';
import { recordAssessmentFacts } from './record-facts';

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
 * An inspection of two care programmes (one a mobility track to Germany, B1) that finds: workshop safety
 * IF-03 not met (critical, a safety item → stop-use notice), language training LS-03 partially met for
 * the mobility track (a red light, 1: critical there → major), soft skills LS-04 partially met (minor), and curriculum
 * CU-02 not met for the local programme (major). Everything else is met.
 */
function finaliseFailingInspection() {
  const clock = testClock('2025-03-10T12:00:00.000Z');
  const setup = setUp({ clock });
  const { s, care, mobility, input } = setup;
  const a = s.assessments.create(input());
  rateAll(s, a.id, (unit) => {
    if (unit.criterionId === 'IF-03') return { rating: 0, evidenceSeen: ['OBS'] };
    // LS-03 is scored from its traffic light: 12 of 30 certified at the target is red, a 1.
    if (unit.criterionId === 'LS-03' && unit.programmeId === mobility.id) {
      return {
        data: { language: 'German', cefr_target: 'B1', language_track_learners: 30, certified_at_target: 12 },
        evidenceSeen: ['DATA'],
      };
    }
    if (unit.criterionId === 'LS-04') return { rating: 1, evidenceSeen: ['DOC'] };
    if (unit.criterionId === 'CU-02' && unit.programmeId === care.id) return { rating: 0 };
    return undefined;
  });
  const submitted = s.workflow.submit(a.id, a.revision);
  const finalised = finaliseAsReviewer(s, a.id, submitted.revision);
  return { ...setup, clock, assessment: finalised };
}

const factsOf = (s: ReturnType<typeof setUp>['s'], id: string) =>
  s.db.prepare('SELECT * FROM assessment_facts WHERE assessment_id = ?').get(id) as Record<string, unknown> | undefined;
const findingsOf = (s: ReturnType<typeof setUp>['s'], id: string) =>
  s.db
    .prepare(
      `SELECT criterion_id, programme_id, group_id, finding_class, critical, safety, stop_use, rating
       FROM assessment_findings WHERE assessment_id = ? ORDER BY criterion_id, programme_id`,
    )
    .all(id);
const programmesOf = (s: ReturnType<typeof setUp>['s'], id: string) =>
  s.db
    .prepare(
      `SELECT programme_id, title_en, sector, mobility_track, destination_country, target_language, target_cefr, mobility_ready
       FROM assessment_programmes WHERE assessment_id = ? ORDER BY title_en`,
    )
    .all(id);

describe('recordAssessmentFacts', () => {
  it('writes the outcome, findings, stop-use notice and mobility readiness in the transaction that finalises', () => {
    const { s, care, mobility, assessment } = finaliseFailingInspection();
    expect(assessment.score?.decision).toBe('not-recommended');
    expect(factsOf(s, assessment.id)).toMatchObject({
      institution_id: assessment.institutionId,
      kind: 'inspection',
      finalised_at: '2025-03-10T12:00:00.000Z',
      finalised_on: '2025-03-10',
      framework_version_id: assessment.frameworkVersionId,
      decision: 'not-recommended',
      outcome: 'not-aligned',
      overall_pct: assessment.score?.overallPct,
      critical_count: 1,
      major_count: 2,
      minor_count: 1,
      stop_use_count: 1,
      superseded: 0,
      recorded_at: '2025-03-10T12:00:00.000Z',
    });
    expect(findingsOf(s, assessment.id)).toEqual([
      {
        criterion_id: 'CU-02',
        programme_id: care.id,
        group_id: 'CU',
        finding_class: 'major',
        critical: 0,
        safety: 0,
        stop_use: 0,
        rating: 0,
      },
      {
        criterion_id: 'IF-03',
        programme_id: '',
        group_id: 'IF',
        finding_class: 'critical',
        critical: 1,
        safety: 1,
        stop_use: 1,
        rating: 0,
      },
      {
        criterion_id: 'LS-03',
        programme_id: mobility.id,
        group_id: 'LS',
        finding_class: 'major',
        critical: 1,
        safety: 0,
        stop_use: 0,
        rating: 1,
      },
      { criterion_id: 'LS-04', programme_id: '', group_id: 'LS', finding_class: 'minor', critical: 0, safety: 0, stop_use: 0, rating: 1 },
    ]);
    expect(programmesOf(s, assessment.id)).toEqual([
      {
        programme_id: care.id,
        title_en: 'Caregiving (local)',
        sector: 'care',
        mobility_track: 0,
        destination_country: '',
        target_language: '',
        target_cefr: '',
        mobility_ready: null,
      },
      {
        programme_id: mobility.id,
        title_en: 'Caregiving for Germany',
        sector: 'care',
        mobility_track: 1,
        destination_country: 'Germany',
        target_language: 'German',
        target_cefr: 'B1',
        mobility_ready: 0,
      },
    ]);
    s.close();
  });

  it('is idempotent, refuses an assessment that is not finalised or a framework it was not pinned to', () => {
    const { s, input, assessment } = finaliseFailingInspection();
    const framework = s.frameworks.get(assessment.frameworkVersionId).framework;
    const before = findingsOf(s, assessment.id);
    recordAssessmentFacts(s.db, framework, assessment.id, '2025-04-01T00:00:00.000Z');
    recordAssessmentFacts(s.db, framework, assessment.id, '2025-04-01T00:00:00.000Z');
    expect(findingsOf(s, assessment.id)).toEqual(before);
    expect(s.db.prepare('SELECT COUNT(*) FROM assessment_facts').pluck().get()).toBe(1);

    const draft = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] }));
    expect(errorOf(() => recordAssessmentFacts(s.db, framework, draft.id)).code).toBe('conflict');
    const other: Framework = { ...framework, version: '9.9.9' };
    expect(errorOf(() => recordAssessmentFacts(s.db, other, assessment.id)).message).toMatch(/pinned to bd-eu-tvet 1.0.0/);
    expect(errorOf(() => recordAssessmentFacts(s.db, framework, '00000000-0000-4000-8000-000000000000')).code).toBe('not-found');
    s.close();
  });

  it('marks a revision superseded when the reopened one is finalised, whichever is recorded first', () => {
    const { s, clock, assessment } = finaliseFailingInspection();
    clock.set('2025-04-10T12:00:00.000Z');
    const reopened = s.workflow.reopen(assessment.id, 'Workshop guards fitted; re-inspected.');
    s.ratings.save({
      assessmentId: reopened.id,
      criterionId: 'IF-03',
      programmeId: null,
      patch: { rating: 3, evidenceSeen: ['OBS', 'DOC'] },
    });
    const submitted = s.workflow.submit(reopened.id, s.assessments.get(reopened.id).assessment.revision);
    const second = finaliseAsReviewer(s, reopened.id, submitted.revision);
    expect(factsOf(s, assessment.id)).toMatchObject({ superseded: 1 });
    expect(factsOf(s, second.id)).toMatchObject({ superseded: 0, decision: second.score?.decision, stop_use_count: 0 });

    // An import may bring the older revision after the newer one: it is recorded as superseded at once.
    const framework = s.frameworks.get(assessment.frameworkVersionId).framework;
    s.db.prepare('DELETE FROM assessment_facts WHERE assessment_id = ?').run(assessment.id);
    recordAssessmentFacts(s.db, framework, assessment.id);
    expect(factsOf(s, assessment.id)).toMatchObject({ superseded: 1 });
    s.close();
  });

  it('backfills finalised assessments that have no summary yet, as at start-up after migration 006', () => {
    const { s, assessment } = finaliseFailingInspection();
    const before = { facts: factsOf(s, assessment.id), findings: findingsOf(s, assessment.id), programmes: programmesOf(s, assessment.id) };
    s.db.prepare('DELETE FROM assessment_facts').run();
    expect(s.headOffice.backfill()).toEqual({ recorded: 1, failed: [] });
    expect(findingsOf(s, assessment.id)).toEqual(before.findings);
    expect(programmesOf(s, assessment.id)).toEqual(before.programmes);
    expect({ ...factsOf(s, assessment.id), recorded_at: null }).toEqual({ ...before.facts, recorded_at: null });
    // Nothing missing: nothing to do.
    expect(s.headOffice.backfill()).toEqual({ recorded: 0, failed: [] });
    s.close();
  });
});
