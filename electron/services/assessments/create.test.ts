import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { submitAndFinalise } from '../test-support/reviewer';
import { institutionInput, programmeInput } from '../test-support/services';
import { rateAll, setUp } from './test-fixtures';

function issuesOf(fn: () => unknown): { code: string; issues: AppError['issues'] } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, issues: error.issues };
    throw error;
  }
  throw new Error('expected an AppError');
}

const missing = '00000000-0000-4000-8000-00000000dead';

describe('starting an assessment', () => {
  it('snapshots the programmes and pins the framework version with its content hash', () => {
    const { s, care, mobility, version, input } = setUp();
    const a = s.assessments.create(input());
    expect(a).toMatchObject({
      kind: 'inspection',
      status: 'draft',
      institutionNameEn: 'Dhaka Polytechnic Institute',
      frameworkVersionId: version.id,
      frameworkId: 'bd-eu-tvet',
      frameworkVersion: '1.0.0',
      frameworkContentHash: version.contentHash,
      revisionNumber: 1,
      previousRevisionId: null,
      score: null,
      revision: 0,
    });
    expect(a.programmes).toEqual([
      expect.objectContaining({ id: care.id, sector: 'care', mobilityTrack: false }),
      expect.objectContaining({ id: mobility.id, mobilityTrack: true, destinationCountry: 'Germany', targetCefr: 'B1' }),
    ]);
    // Editing the programme later does not change what the assessment is scored on.
    s.institutions.updateProgramme(care.id, care.revision, { ...programmeInput(), sector: 'ict', mobilityTrack: false });
    expect(s.assessments.get(a.id).assessment.programmes[0]).toMatchObject({ sector: 'care' });
    expect(s.db.prepare("SELECT action FROM change_log WHERE entity = 'assessment' AND entity_id = ?").pluck().all(a.id)).toEqual([
      'create',
    ]);
    s.close();
  });

  it('refuses each invalid start with an issue on the field', () => {
    const { s, institution, care, input } = setUp();
    const other = s.institutions.create(institutionInput({ nameEn: 'Khulna TTC' }));
    const otherProgramme = s.institutions.createProgramme(other.id, programmeInput());
    const archivedProgramme = s.institutions.createProgramme(institution.id, programmeInput({ titleEn: 'Old course' }));
    s.institutions.setProgrammeArchived(archivedProgramme.id, archivedProgramme.revision, true);
    const draft = s.assessments.create(input());

    const cases: [Parameters<typeof input>[0], (string | number)[], string][] = [
      [{ institutionId: missing }, ['institutionId'], 'assessments.errors.institutionNotFound'],
      [{ programmeIds: [] }, ['programmeIds'], 'assessments.errors.programmeRequired'],
      [{ programmeIds: [care.id, otherProgramme.id] }, ['programmeIds', 1], 'assessments.errors.programmeNotOfInstitution'],
      [{ programmeIds: [missing] }, ['programmeIds', 0], 'assessments.errors.programmeNotOfInstitution'],
      [{ programmeIds: [archivedProgramme.id] }, ['programmeIds', 0], 'assessments.errors.programmeArchived'],
      [{ programmeIds: [care.id, care.id] }, ['programmeIds', 1], 'assessments.errors.duplicateProgramme'],
      [{ frameworkVersionId: missing }, ['frameworkVersionId'], 'assessments.errors.frameworkNotFound'],
      [{ team: [{ name: 'A. Inspector', role: 'inspector' }] }, ['team'], 'assessments.errors.leadInspectorRequired'],
      [
        { kind: 'self-assessment', team: [{ name: 'Farida Yasmin', role: 'lead-inspector' }] },
        ['team'],
        'assessments.errors.selfAssessmentTeam',
      ],
      [{ followsAssessmentId: draft.id }, ['followsAssessmentId'], 'assessments.errors.followsOnlyForFollowUp'],
      [{ kind: 'follow-up', followsAssessmentId: missing }, ['followsAssessmentId'], 'assessments.errors.previousNotFound'],
      [{ kind: 'follow-up', followsAssessmentId: draft.id }, ['followsAssessmentId'], 'assessments.errors.previousNotFinalised'],
    ];
    for (const [overrides, path, message] of cases) {
      const { code, issues } = issuesOf(() => s.assessments.create(input(overrides)));
      expect(code, message).toBe('validation');
      expect(issues, message).toContainEqual({ path, message });
    }

    s.institutions.setArchived(institution.id, institution.revision, true);
    expect(issuesOf(() => s.assessments.create(input())).issues).toContainEqual({
      path: ['institutionId'],
      message: 'assessments.errors.institutionArchived',
    });
    expect(s.assessments.list({})).toHaveLength(1);
    s.close();
  });

  it('refuses a follow-up of another institution’s assessment', () => {
    const { s, input } = setUp();
    const a = s.assessments.create(input());
    rateAll(s, a.id);
    submitAndFinalise(s, a.id);
    const other = s.institutions.create(institutionInput({ nameEn: 'Khulna TTC' }));
    const p = s.institutions.createProgramme(other.id, programmeInput());
    const { issues } = issuesOf(() =>
      s.assessments.create(input({ kind: 'follow-up', institutionId: other.id, programmeIds: [p.id], followsAssessmentId: a.id })),
    );
    expect(issues).toContainEqual({ path: ['followsAssessmentId'], message: 'assessments.errors.previousOtherInstitution' });
    s.close();
  });

  it('edits team and dates of a draft, checking the end is not before the start', () => {
    const { s, input } = setUp();
    const a = s.assessments.create(input());
    const details = {
      team: [{ name: 'Farida Yasmin', role: 'lead-inspector' as const }],
      plannedStart: '2025-04-02',
      plannedEnd: '2025-04-01',
      siteVisitDate: '',
    };
    expect(issuesOf(() => s.assessments.updateDetails(a.id, a.revision, details)).issues).toEqual([
      { path: ['plannedEnd'], message: 'validation.endBeforeStart' },
    ]);
    const updated = s.assessments.updateDetails(a.id, a.revision, { ...details, plannedEnd: '2025-04-03' });
    expect(updated).toMatchObject({ team: details.team, plannedEnd: '2025-04-03', revision: 1 });
    expect(issuesOf(() => s.assessments.updateDetails(a.id, a.revision, details)).code).toBe('conflict');
    s.close();
  });
});
