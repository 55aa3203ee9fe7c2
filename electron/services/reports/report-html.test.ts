import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateAll } from '../assessments/test-fixtures';
import { cssString } from './page-boxes';
import { collectReportData } from './report-data';
import { evidenceForReport } from './report-evidence';
import { renderReport } from './render-report';
import { reportScenario, scriptNote } from './test-fixtures';

let scenario: Awaited<ReturnType<typeof reportScenario>>;

beforeAll(async () => {
  scenario = await reportScenario();
});
afterAll(() => scenario.s.close());

function render(assessmentId: string, language: 'en' | 'bn', preview = false) {
  const { s } = scenario;
  const data = collectReportData({ ...s, evidence: evidenceForReport(s.evidence) }, assessmentId, {
    language,
    signer: null,
    issuer: 'NSDA Accreditation Unit',
    preview,
  });
  return renderReport(data, { timeZone: 'Asia/Dhaka' });
}

/** The visible text of the markup, without tags (entities decoded as a browser would). */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the report document (HTML, before printing)', () => {
  it('escapes user text: a <script> in a note is markup-escaped text, and no script element exists', () => {
    const { html, bodyHtml } = render(scenario.inspection.id, 'en');
    expect(bodyHtml).toContain('&lt;script&gt;alert(&quot;report&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(textOf(bodyHtml)).toContain(scriptNote.replace(/\s+/g, ' '));
  });

  it('never calls the result EU-recognised, and says what it is: aligned with the framework', () => {
    for (const language of ['en', 'bn'] as const) {
      const text = textOf(render(scenario.inspection.id, language).html);
      expect(text).not.toMatch(/EU[- ]?recogni[sz]ed/i);
      if (language === 'en') {
        expect(text).toContain('aligned with the framework');
        expect(text).toContain('defaults set in the framework, not official standards');
      }
    }
  });

  it('states the framework’s own thresholds and deadlines in the method note', () => {
    const text = textOf(render(scenario.inspection.id, 'en').html);
    expect(text).toContain(
      'an overall score of at least 75% and at least 60% in every core group, and OI-01 rated at least 2 · Largely met',
    );
    expect(text).toContain(
      'Recommended with conditions: an overall score of at least 60%, at least 50% in every core group and at most 6 major',
    );
    expect(text).toContain('Corrective actions are due 30 days (critical), 90 days (major) and 365 days (minor) after finalisation.');
  });

  it('explains the decision with translated reasons, and compares with the finalised self-assessment', () => {
    const en = textOf(render(scenario.inspection.id, 'en').html);
    expect(en).toContain('Why the outcome is not “Recommended”');
    expect(en).toContain('Major non-conformity on a critical criterion: CON-03 (Welding and steel fixing (mobility track))');
    expect(en).toContain('Self-assessment and inspection compared');
    expect(en).toMatch(/IF-05 Welfare facilities and accessibility 2 · Largely met 0 · Not met \+2/);
    const bn = textOf(render(scenario.inspection.id, 'bn').html);
    expect(bn).toContain('অপরিহার্য মানদণ্ডে বড় অসঙ্গতি: CON-03 (ওয়েল্ডিং ও স্টিল ফিক্সিং (মোবিলিটি ট্র্যাক))');
    expect(bn).toContain('স্ব-মূল্যায়ন ও পরিদর্শনের তুলনা');
  });

  it('lists the evidence files with their SHA-256 and refers to them from the criteria', () => {
    const items = scenario.s.evidence.listForAssessment(scenario.inspection.id);
    expect(items).toHaveLength(2);
    const text = textOf(render(scenario.inspection.id, 'en').html);
    for (const item of items) expect(text).toContain(item.sha256);
    expect(text).toContain('E1 fire-drill-register-2025.csv');
    expect(text).toContain('Evidence files: E2');
  });

  it('shows a draft as a provisional preview that cannot be signed, with a stop-use notice for a critical safety finding', async () => {
    const { s } = scenario;
    const draft = s.assessments.create({
      kind: 'inspection',
      institutionId: scenario.institution.id,
      programmeIds: [scenario.welding.id],
      frameworkVersionId: scenario.inspection.frameworkVersionId,
      team: [{ name: 'Farida Yasmin', role: 'lead-inspector' }],
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    });
    rateAll(s, draft.id, (unit) =>
      unit.criterionId === 'IF-03' ? { rating: 0, note: 'Fire exits locked.', evidenceSeen: ['OBS', 'PHOTO'] } : undefined,
    );
    const preview = await s.reports.preview(draft.id, 'en', null);
    expect(preview.canSign).toBe(false);
    expect(preview.provisional).toBe(true);
    const text = textOf(preview.bodyHtml);
    expect(text).toContain('Preview — not signed');
    expect(text).toContain('Provisional — this assessment is not finalised');
    expect(text).toContain('Not recommended');
    expect(text).toContain('Stop-use notice');
    expect(text).toMatch(/must stop using the unsafe area or equipment at once.*IF-03/);
    expect(text).toContain('Not signed: this is a preview.');
    // The preview's stylesheet travels apart from the body (the renderer's CSP refuses inline <style>).
    expect(preview.bodyHtml).not.toContain('<style');
    expect(preview.css).toContain('.signature__box');
  });

  it('escapes user text in the running header: an institution name cannot leave its CSS string', () => {
    expect(cssString('A "quoted" </style> name\\')).toBe(
      '"A\\000020\\000022quoted\\000022\\000020\\00003c\\00002fstyle\\00003e\\000020name\\00005c"',
    );
    expect(cssString('চট্ট')).toBe('"\\00099a\\00099f\\0009cd\\00099f"');
  });
});
