import { describe, expect, it } from 'vitest';
import { bundledFrameworksDir, testClock } from '../assessments/test-fixtures';
import { reportScenario } from '../reports/test-fixtures';
import { openTestServices } from '../test-support/services';
import { columnsOf, packageTables } from './package-tables';

const passphrase = 'correct horse battery';

describe('the accreditation cycle in packages', () => {
  it(
    'travels with a finalised inspection: the receiving machine shows the same validity, due date and appeal window, stamped not derived',
    { timeout: 120_000 },
    async () => {
      const clock = testClock('2026-01-31T12:00:00.000Z');
      const { s: a, institution, inspection } = await reportScenario({ clock });
      // Tanvir submitted; Farida, the lead inspector, finalises (four eyes).
      a.workflow.finalise(inspection.id, inspection.revision);
      const sent = a.accreditation.forAssessment(inspection.id);
      expect(sent.cycle).toMatchObject({
        decision: 'recommended-with-conditions',
        validityMonths: 12,
        alignedUntil: '2027-01-31',
        derived: false,
      });
      const identityId = a.identities.createSelfSigned({
        name: 'Farida Yasmin',
        role: 'Lead inspector',
        organisation: 'NSDA',
        passphrase,
      }).id;
      const exported = await a.exchange.exports.run({
        scope: { kind: 'institution', institutionId: institution.id },
        identityId,
        passphrase,
      });

      const b = openTestServices({ bundledFrameworksDir, clock });
      b.settings.update({ userName: 'Head Office Analyst', role: 'head-office', onboarded: true });
      const { uploadId } = b.exchange.staging.register(exported.path);
      await b.exchange.imports.preview(uploadId);
      expect(await b.exchange.imports.apply(uploadId, [])).toMatchObject({ status: 'imported' });
      expect(b.accreditation.forAssessment(inspection.id)).toEqual(sent);
      expect(b.accreditation.institution(institution.id).cycle).toMatchObject({ nextDue: '2027-01-31', derived: false });
      a.close();
      b.close();
    },
  );

  it('a package made before schema 10 (assessments without the stamps) still reads, with empty stamps the receiver derives from', () => {
    const old = {
      id: '00000000-0000-4000-8000-000000000001',
      kind: 'inspection',
      status: 'finalised',
      institution_id: '00000000-0000-4000-8000-000000000002',
      framework_version_id: '00000000-0000-4000-8000-000000000003',
      framework_id: 'bd-eu-tvet',
      framework_version: '1.0.0',
      framework_content_hash: 'a'.repeat(64),
      programmes: '[]',
      team: '[]',
      planned_start: '',
      planned_end: '',
      site_visit_date: '',
      follows_assessment_id: null,
      revision_number: 1,
      previous_revision_id: null,
      reopen_reason: '',
      units_total: 0,
      units_answered: 0,
      submitted_at: '2025-03-10T12:00:00.000Z',
      submitted_by: 'Tanvir Hasan',
      finalised_at: '2025-03-11T12:00:00.000Z',
      finalised_by: 'Farida Yasmin',
      score: '{"overallPct":80,"decision":"recommended","complete":true,"computedAt":"x"}',
      score_result_hash: '',
      revision: 3,
      created_at: '2025-03-01T12:00:00.000Z',
      created_by: 'Farida Yasmin',
      updated_at: '2025-03-11T12:00:00.000Z',
      updated_by: 'Farida Yasmin',
    };
    const [row] = packageTables.assessments.parse([old]);
    expect(row).toMatchObject({ ...old, validity_months: 0, aligned_until: '', next_due: '', countersigned_by: '', countersigned_at: '' });
    // The import writes every column it knows, so the stamps arrive as '' (derived on the receiver).
    expect(columnsOf.assessments).toEqual(expect.arrayContaining(['validity_months', 'aligned_until', 'next_due', 'countersigned_by']));
    // And what comes from another machine is checked like everything else.
    expect(packageTables.assessments.safeParse([{ ...old, next_due: '31/01/2027' }]).success).toBe(false);
    expect(packageTables.assessments.safeParse([{ ...old, countersigned_role: 'king' }]).success).toBe(false);
    expect(packageTables.assessments.safeParse([{ ...old, countersign_comment: 'ok\u001b[31m' }]).success).toBe(false);
  });
});
