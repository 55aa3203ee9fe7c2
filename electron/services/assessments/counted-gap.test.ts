import { describe, expect, it } from 'vitest';
import type { GapReport, GapRow } from '../../../shared/assessments/gap';
import { ratingEntriesOf, scopeOf } from '../../../shared/assessments/scope';
import { AppError } from '../../../shared/ipc/result';
import { scoreAssessment, type ScoreResult } from '../../../shared/scoring';
import type { AppServices } from '../app-services';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { collectReportData } from '../reports/report-data';
import { evidenceForReport } from '../reports/report-evidence';
import { countedGap } from './counted-gap';
import { scoreFingerprint } from './score-as-recorded';
import { rateAll, setUp } from './test-fixtures';

/**
 * Domain notes §7.2 with §7.1: the self-assessment against the inspection compares the ratings that
 * COUNT — after the evidence rules (interview-only caps at 2) and for criteria scored from their figures
 * — the ones the score and the report summary use, never the rating typed with a key. Real SQLite file.
 */
function setUpBoth() {
  const fixture = setUp();
  const { s, care, input } = fixture;
  const self = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] }));
  rateAll(s, self.id, (unit) => {
    // The institution says "Met" on the word of its own managers: it counts 2.
    if (unit.criterionId === 'QC-01') return { rating: 3, evidenceSeen: ['INT-M'] };
    if (unit.criterionId === 'IL-04' && unit.programmeId === care.id) return { rating: 3, evidenceSeen: ['DOC', 'OBS'] };
    return undefined;
  });
  s.workflow.submit(self.id, s.assessments.get(self.id).assessment.revision);
  const inspection = s.assessments.create(input());
  rateAll(s, inspection.id, (unit) => {
    if (unit.criterionId === 'QC-01') return { rating: 2, evidenceSeen: ['DOC'] };
    // The inspector typed "Met" after talking to employers only: it counts 2, and the report says so.
    if (unit.criterionId === 'IL-04' && unit.programmeId === care.id) return { rating: 3, evidenceSeen: ['INT-E'] };
    return undefined;
  });
  return { ...fixture, self, inspection };
}

function sources(s: AppServices) {
  return {
    assessment: (id: string) => s.assessments.get(id).assessment,
    score: (id: string) => s.assessments.score(id),
    framework: (versionId: string) => s.frameworks.get(versionId).framework,
  };
}

function row(report: GapReport, criterionId: string, programmeId: string | null): GapRow {
  return report.rows.find((r) => r.criterionId === criterionId && r.programmeId === programmeId)!;
}

function counted(result: ScoreResult, r: GapRow) {
  const item = result.items.find((i) => i.criterionId === r.criterionId && i.programmeId === r.programmeId);
  return item?.status === 'rated' ? item.rating : item?.status === 'na' ? 'na' : null;
}

describe('the self-assessment vs inspection comparison uses the ratings that count', () => {
  it('compares an interview-only "Met" as 2 on either side, and says why', () => {
    const { s, care, self, inspection } = setUpBoth();
    const report = countedGap(sources(s), self.id, inspection.id);

    // Typed 3 against 2 would be +1; counted, both are 2.
    expect(row(report, 'QC-01', null)).toMatchObject({
      self: 2,
      inspector: 2,
      gap: 0,
      selfWhy: { code: 'interview-only', typed: 3 },
      inspectorWhy: null,
    });
    // Typed, both "Met" (no gap); counted, the inspector's is 2: the institution rated itself higher.
    expect(row(report, 'IL-04', care.id)).toMatchObject({
      self: 3,
      inspector: 2,
      gap: 1,
      selfWhy: null,
      inspectorWhy: { code: 'interview-only', typed: 3 },
    });
    // A criterion scored from its figures says so, with its light.
    expect(row(report, 'OI-03', care.id)).toMatchObject({
      self: 3,
      inspector: 3,
      inspectorWhy: { code: 'figures', status: 'rated', light: 'green' },
    });

    // Row by row, each side is exactly what that assessment's own score counts.
    const selfScore = s.assessments.score(self.id);
    const inspectionScore = s.assessments.score(inspection.id);
    for (const r of report.rows) {
      expect(r.inspector, `${r.criterionId}@${r.programmeId}`).toBe(counted(inspectionScore, r));
      expect(r.self, `${r.criterionId}@${r.programmeId}`).toBe(counted(selfScore, r));
    }
    s.close();
  });

  it('is the same comparison in the gap channel and in the report', async () => {
    const { s, self, inspection } = setUpBoth();
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    const sent = await dispatch('assessments:gap', { selfId: self.id, inspectionId: inspection.id });
    expect(sent.ok).toBe(true);
    const viaChannel = (sent as { ok: true; value: { report: GapReport } }).value.report;
    expect(viaChannel).toEqual(countedGap(sources(s), self.id, inspection.id));

    const data = collectReportData({ ...s, evidence: evidenceForReport(s.evidence) }, inspection.id, {
      language: 'en',
      signer: null,
      issuer: 'NSDA Accreditation Unit',
      preview: true,
    });
    expect(data.gap?.self.id).toBe(self.id);
    expect(data.gap?.report).toEqual(viaChannel);
    s.close();
  });

  it('compares a result recorded before the evidence rules as it was recorded, like its score and report', () => {
    const { s, care, self, inspection } = setUpBoth();
    const submitted = s.workflow.submit(inspection.id, s.assessments.get(inspection.id).assessment.revision);
    expect(submitted.status).toBe('submitted');
    // A record from before the rules: its stored fingerprint is the score without them.
    const { assessment, ratings } = s.assessments.get(inspection.id);
    const asBefore = scoreAssessment(
      s.frameworks.get(assessment.frameworkVersionId).framework,
      scopeOf(assessment.programmes),
      ratingEntriesOf(ratings),
    );
    s.db.prepare('UPDATE assessments SET score_result_hash = ? WHERE id = ?').run(scoreFingerprint(asBefore), inspection.id);

    const report = countedGap(sources(s), self.id, inspection.id);
    expect(row(report, 'IL-04', care.id)).toMatchObject({ inspector: 3, inspectorWhy: null, gap: 0 });
    expect(s.assessments.score(inspection.id)).toEqual(asBefore);
    s.close();
  });

  it('refuses to compare anything but a self-assessment with an inspection of the same institution', async () => {
    const { s, self, inspection } = setUpBoth();
    const refused = (selfId: string, inspectionId: string) => {
      try {
        countedGap(sources(s), selfId, inspectionId);
      } catch (e) {
        if (e instanceof AppError) return e.issues?.map((i) => i.message);
        throw e;
      }
      throw new Error('not refused');
    };
    expect(refused(inspection.id, self.id)).toEqual(['assessments.errors.gapNotSelf', 'assessments.errors.gapNotInspection']);
    expect(refused(self.id, self.id)).toEqual(['assessments.errors.gapNotInspection']);
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    expect(await dispatch('assessments:gap', { selfId: self.id, inspectionId: '00000000-0000-4000-8000-00000000dead' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    s.close();
  });
});
