import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateAll } from '../assessments/test-fixtures';
import { collectReportData } from './report-data';
import { evidenceForReport } from './report-evidence';
import { reportScenario } from './test-fixtures';

let scenario: Awaited<ReturnType<typeof reportScenario>>;

beforeAll(async () => {
  scenario = await reportScenario();
});
afterAll(() => scenario.s.close());

function gapOfInspection() {
  const { s, inspection } = scenario;
  return collectReportData({ ...s, evidence: evidenceForReport(s.evidence) }, inspection.id, {
    language: 'en',
    signer: null,
    issuer: 'NSDA Accreditation Unit',
    preview: true,
  }).gap;
}

/** The report compares by the same rule as the workspace (shared/assessments/compared-self-assessment). */
describe('the self-assessment the report compares the inspection with', () => {
  it('is the institution’s finalised self-assessment, not a newer draft it is still writing', () => {
    const { s, self, welding, care } = scenario;
    const draft = s.assessments.create({
      institutionId: self.institutionId,
      programmeIds: [welding.id, care.id],
      frameworkVersionId: self.frameworkVersionId,
      followsAssessmentId: null,
      kind: 'self-assessment',
      team: [{ name: 'Nasima Begum', role: 'administrator' }],
      plannedStart: '2025-02-01',
      plannedEnd: '2025-02-10',
      siteVisitDate: '2025-02-05',
    });
    rateAll(s, draft.id, (unit) => (unit.criterionId === 'IF-05' ? { rating: 3, evidenceSeen: ['DOC'] } : undefined));
    expect(s.assessments.get(draft.id).assessment.updatedAt >= s.assessments.get(self.id).assessment.updatedAt).toBe(true);

    const gap = gapOfInspection();
    expect(gap?.self.id).toBe(self.id);
    expect(gap?.self.status).toBe('finalised');
  });
});
