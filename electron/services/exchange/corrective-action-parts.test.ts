import { describe, expect, it } from 'vitest';
import { bundledFrameworksDir } from '../assessments/test-fixtures';
import { reportScenario } from '../reports/test-fixtures';
import { openTestServices } from '../test-support/services';
import { columnsOf, packageTables } from './package-tables';

const passphrase = 'correct horse battery';
const words = {
  actionRequired: 'Write a development plan for each welding trainer by June.',
  closingEvidence: 'The five signed plans and the training calendar.',
};

describe('the inspector’s corrective actions in packages', () => {
  it(
    'travel with the assessment: the receiving machine shows the same required action and closing evidence',
    { timeout: 120_000 },
    async () => {
      const { s: a, institution, inspection, welding } = await reportScenario();
      a.correctiveActions.write({
        assessmentId: inspection.id,
        criterionId: 'TA-04',
        programmeId: null,
        text: words,
        previous: { actionRequired: '', closingEvidence: '' },
      });
      const identityId = a.identities.createSelfSigned({
        name: 'Farida Yasmin',
        role: 'Lead inspector',
        organisation: 'NSDA',
        passphrase,
      }).id;
      await a.reports.sign({ assessmentId: inspection.id, language: 'en', identityId, passphrase });
      const exported = await a.exchange.exports.run({
        scope: { kind: 'institution', institutionId: institution.id },
        identityId,
        passphrase,
      });

      const b = openTestServices({ bundledFrameworksDir });
      b.settings.update({ userName: 'Head Office Analyst', organisation: 'NSDA HQ', onboarded: true });
      const { uploadId } = b.exchange.staging.register(exported.path);
      await b.exchange.imports.preview(uploadId);
      expect(await b.exchange.imports.apply(uploadId, [])).toMatchObject({ status: 'imported' });

      const there = b.correctiveActions.list({ assessmentId: inspection.id }).find((c) => c.criterionId === 'TA-04');
      expect(there).toMatchObject({ ...words, findingClass: 'minor' });
      // The action nobody wrote arrives with nothing written, as it left.
      expect(
        b.correctiveActions.list({ assessmentId: inspection.id }).find((c) => c.criterionId === 'CON-03' && c.programmeId === welding.id),
      ).toMatchObject({
        actionRequired: '',
        closingEvidence: '',
      });
      expect(there!.criterion!.title.bn).toMatch(/[\u0980-\u09FF]/);
      a.close();
      b.close();
    },
  );

  it('a package made before schema 8 (ratings without the parts) still reads, its ratings with nothing written', () => {
    const old = {
      assessment_id: '00000000-0000-4000-8000-000000000001',
      criterion_id: 'IF-03',
      programme_id: '',
      rating: 1,
      na_reason: '',
      note: 'Guards missing.',
      data: '{}',
      maturity: null,
      evidence_seen: '["OBS"]',
      updated_at: '2025-03-10T12:00:00.000Z',
      updated_by: 'Farida Yasmin',
    };
    const [row] = packageTables.ratings.parse([old]);
    expect(row).toMatchObject({ ...old, action_required: '', closing_evidence: '' });
    // The import writes every column it knows, so the parts arrive as '' rather than being left out.
    expect(columnsOf.ratings).toEqual(expect.arrayContaining(['action_required', 'closing_evidence']));
    // And what comes from another machine is checked like everything else.
    expect(packageTables.ratings.safeParse([{ ...old, action_required: 'Fit guards\u001b[31m' }]).success).toBe(false);
    expect(packageTables.ratings.safeParse([{ ...old, closing_evidence: 'x'.repeat(2001) }]).success).toBe(false);
  });
});
