import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingEntriesOf, scopeOf } from '../../../shared/assessments/scope';
import { AppError } from '../../../shared/ipc/result';
import { scoreAssessment } from '../../../shared/scoring';
import type { AppServices } from '../app-services';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { institutionInput, openTestServices, programmeInput } from '../test-support/services';
import { finaliseAsReviewer } from '../test-support/reviewer';
import { bundledFrameworksDir, rateAll, testClock } from './test-fixtures';
import { scoreAsRecorded, scoreFingerprint } from './score-as-recorded';

const passphrase = 'evidence rules 2025';
const reason = 'The safety register is kept at the district office; the principal showed the signed inspection letter on screen.';
const artifacts = path.resolve(import.meta.dirname, '..', '..', '..', 'e2e', 'artifacts');
const flat = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/**
 * Domain notes §7.1 applied by the services, not only shown on the card: IF-03 (workshop safety, always
 * critical) rated "Met" on an interview alone; QC-01 (not critical) rated "Met" on interviews alone.
 */
function inspectionWithInterviewOnlyMet(s: AppServices, kind: 'inspection' | 'self-assessment' = 'inspection') {
  const institution = s.institutions.create(institutionInput());
  const programme = s.institutions.createProgramme(institution.id, programmeInput());
  const version = s.frameworks.list().find((v) => v.frameworkId === 'bd-eu-tvet' && v.version === '1.0.0')!;
  const a = s.assessments.create({
    kind,
    institutionId: institution.id,
    programmeIds: [programme.id],
    frameworkVersionId: version.id,
    followsAssessmentId: null,
    team: [{ name: 'Farida Yasmin', role: kind === 'inspection' ? 'lead-inspector' : 'administrator' }],
    plannedStart: '2025-03-09',
    plannedEnd: '2025-03-11',
    siteVisitDate: '2025-03-10',
  });
  rateAll(s, a.id, (unit) =>
    unit.criterionId === 'IF-03'
      ? { rating: 3, evidenceSeen: ['INT-L'] }
      : unit.criterionId === 'QC-01'
        ? { rating: 3, evidenceSeen: ['INT-M', 'INT-T'] }
        : undefined,
  );
  return a;
}

function refusalOf(work: () => unknown): AppError {
  try {
    work();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('evidence rules in the services (§7.1)', () => {
  let work: string;
  let s: AppServices;
  let id: string;
  const text: Record<'en' | 'bn', string> = { en: '', bn: '' };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-evidence-rules-'));
    s = openTestServices({ bundledFrameworksDir, dataDir: path.join(work, 'data'), clock: testClock('2025-03-12T06:00:00.000Z') });
    s.settings.update({ userName: 'Farida Yasmin', organisation: 'NSDA Accreditation Unit', onboarded: true });
    id = inspectionWithInterviewOnlyMet(s).id;
  }, 120_000);
  afterAll(() => {
    s?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('counts an interview-only "Met" as 2 in the authoritative score', () => {
    const items = s.assessments.score(id).items;
    expect(items.find((i) => i.criterionId === 'QC-01')).toMatchObject({ rating: 2, typed: 3, capped: 'interview-only' });
    expect(items.find((i) => i.criterionId === 'IF-03')).toMatchObject({ rating: 2, typed: 3, criticalMetWithoutObsOrRec: true });
    // A 2 is an observation: the findings carry the rating that counts.
    expect(s.assessments.score(id).findings.find((f) => f.criterionId === 'QC-01')).toMatchObject({ class: 'observation', rating: 2 });
  });

  it('refuses to submit a critical "Met" without observation or record evidence, naming the criterion on its field', () => {
    const refusal = refusalOf(() => s.workflow.submit(id, s.assessments.get(id).assessment.revision));
    expect(refusal.code).toBe('validation');
    expect(refusal.issues).toEqual([{ path: ['ratings', 'IF-03'], message: 'assessments.rules.criticalMetNeedsReason' }]);
    expect(s.assessments.get(id).assessment.status).toBe('draft');
  });

  it('counts an attached record as evidence seen: the unit no longer needs a reason', async () => {
    const other = inspectionWithInterviewOnlyMet(s);
    await s.evidence.attach({
      assessmentId: other.id,
      links: [{ criterionId: 'IF-03', programmeId: null }],
      evidenceType: 'REC',
      caption: 'Workshop safety register',
      files: [{ name: 'register.csv', contentBase64: Buffer.from('date,check\n2025-03-01,ok\n').toString('base64') }],
    });
    const item = s.assessments.score(other.id).items.find((i) => i.criterionId === 'IF-03');
    expect(item).toMatchObject({ rating: 3 });
    expect(item).not.toHaveProperty('criticalMetWithoutObsOrRec');
    expect(s.workflow.submit(other.id, s.assessments.get(other.id).assessment.revision).status).toBe('submitted');
  });

  it('refuses a reason with control characters or over 2,000 characters at the IPC boundary, like a note', async () => {
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    for (const overrideReason of ['Seen\u001b[31m', 'x'.repeat(2001)]) {
      const result = (await dispatch('assessments:save-rating', {
        assessmentId: id,
        criterionId: 'IF-03',
        programmeId: null,
        patch: { overrideReason },
      })) as { ok: boolean; error?: { code: string } };
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(s.assessments.get(id).ratings.find((r) => r.criterionId === 'IF-03')?.overrideReason).toBe('');
  });

  it('submits with the reason written, and the signed report prints it next to the rating, in English and in Bangla', async () => {
    s.ratings.save({ assessmentId: id, criterionId: 'IF-03', programmeId: null, patch: { overrideReason: reason } });
    const submitted = s.workflow.submit(id, s.assessments.get(id).assessment.revision);
    expect(submitted.status).toBe('submitted');
    finaliseAsReviewer(s, id, submitted.revision);
    const identityId = s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA',
      passphrase,
    }).id;
    for (const language of ['en', 'bn'] as const) {
      const file = await s.reports.sign({ assessmentId: id, language, identityId, passphrase, bengaliDigits: language === 'bn' });
      const pdf = path.join(work, `report-${language}.pdf`);
      fs.writeFileSync(pdf, Buffer.from(file.pdfBase64, 'base64'));
      text[language] = flat(pdf);
      // Kept for people to look at (pdftoppm): the rated row with its reason, and the EQAVET annex.
      fs.mkdirSync(artifacts, { recursive: true });
      fs.copyFileSync(pdf, path.join(artifacts, `evidence-rules-report-${language}.pdf`));
    }
    expect(text.en).toContain(`Override reason (no observation or record): ${reason}`);
    expect(text.en).toContain('Rated 3; counts as 2: interviews alone support at most “Largely met”.');
    expect(text.bn).toContain(`ব্যতিক্রমের কারণ (পর্যবেক্ষণ বা রেকর্ড নেই): ${reason}`);
    expect(text.bn).toContain('রেটিং ৩; গণ্য ২');
  }, 240_000);

  it('the report’s EQAVET annex lists the four phases and ten indicators with their criteria and ratings', () => {
    const en = text.en;
    expect(en).toContain('Annex: EQAVET quality cycle and indicators');
    for (const phase of ['Planning', 'Implementation', 'Evaluation', 'Review']) expect(en).toContain(phase);
    // Indicator 1 rests on GQ-01 and GQ-03 (both rated 3 here); QC-01 (planning) counts as 2.
    expect(en).toMatch(/1\. Relevance of quality assurance systems.{0,40}GQ-01 3/);
    expect(en).toMatch(/10\. Access to VET and guidance/);
    expect(en).toMatch(/QC-01 2/);
    const bn = text.bn;
    expect(bn).toContain('সংযুক্তি: EQAVET মান-চক্র ও সূচক');
    expect(bn).toMatch(/১০\. /);
    expect(bn).toMatch(/QC-01 ২/);
  });

  it('does not block a self-assessment: the cap applies to its score, the reason is not required', () => {
    const self = inspectionWithInterviewOnlyMet(s, 'self-assessment');
    expect(s.assessments.score(self.id).items.find((i) => i.criterionId === 'QC-01')).toMatchObject({ rating: 2 });
    expect(s.workflow.submit(self.id, s.assessments.get(self.id).assessment.revision).status).toBe('submitted');
  });

  it('keeps a result recorded before the rules: a recorded fingerprint without them selects the score as it was', () => {
    const { assessment, ratings } = s.assessments.get(id);
    const framework = s.frameworks.get(assessment.frameworkVersionId).framework;
    const scope = scopeOf(assessment.programmes);
    const before = scoreAssessment(framework, scope, ratingEntriesOf(ratings));
    expect(before.items.find((i) => i.criterionId === 'QC-01')).toMatchObject({ rating: 3 });
    const asRecorded = scoreAsRecorded(framework, scope, ratings, new Map(), scoreFingerprint(before));
    expect(asRecorded).toEqual(before);
    // Recorded with the rules (every submission since), or not yet recorded: the rules apply.
    expect(scoreAsRecorded(framework, scope, ratings, new Map(), '').items.find((i) => i.criterionId === 'QC-01')).toMatchObject({
      rating: 2,
    });
    expect(s.assessments.score(id)).toEqual(scoreAsRecorded(framework, scope, ratings, new Map(), ''));
  });
});
