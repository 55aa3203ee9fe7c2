import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../app-services';
import { rateAll, setUp, testClock } from '../assessments/test-fixtures';
import { submitAndFinalise } from '../test-support/reviewer';

const passphrase = 'counted gap 2025';
const artifacts = path.resolve(import.meta.dirname, '..', '..', '..', 'e2e', 'artifacts');
const flat = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pageCount = (pdf: string) => Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
const pageText = (pdf: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/**
 * The signed report's comparison with the self-assessment prints the ratings that count (§7.1, §7.2):
 * the inspector typed "Met" on IL-04 after talking to employers only, so it counts 2 in the summary and
 * in the comparison alike, with the reason under it, in English and in Bangla (pages kept for people).
 */
describe('the report compares the self-assessment on the ratings that count', () => {
  let work: string;
  let s: AppServices;
  const pdfs: Record<'en' | 'bn', string> = { en: '', bn: '' };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-gap-counted-'));
    const fixture = setUp({ dataDir: path.join(work, 'data'), clock: testClock('2025-03-12T06:00:00.000Z') });
    s = fixture.s;
    const { care, input } = fixture;
    s.settings.update({ userName: 'Farida Yasmin', organisation: 'NSDA Accreditation Unit', onboarded: true });
    const self = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] }));
    rateAll(s, self.id, (unit) => (unit.criterionId === 'QC-01' ? { rating: 3, evidenceSeen: ['INT-M'] } : undefined));
    s.workflow.submit(self.id, s.assessments.get(self.id).assessment.revision);
    const inspection = s.assessments.create(input());
    rateAll(s, inspection.id, (unit) =>
      unit.criterionId === 'IL-04' && unit.programmeId === care.id ? { rating: 3, evidenceSeen: ['INT-E'] } : undefined,
    );
    submitAndFinalise(s, inspection.id);
    const identityId = s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA',
      passphrase,
    }).id;
    fs.mkdirSync(artifacts, { recursive: true });
    for (const language of ['en', 'bn'] as const) {
      const file = await s.reports.sign({
        assessmentId: inspection.id,
        language,
        identityId,
        passphrase,
        bengaliDigits: language === 'bn',
      });
      pdfs[language] = path.join(artifacts, `report-gap-counted-${language}.pdf`);
      fs.writeFileSync(pdfs[language], Buffer.from(file.pdfBase64, 'base64'));
    }
  }, 240_000);
  afterAll(() => {
    s?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('prints the rating that counts and why, in English and in Bangla', () => {
    const en = flat(pdfs.en);
    expect(en).toContain('The ratings compared are those that count');
    // The comparison and the criteria table (section 5) say the same: the inspector's "Met" counts 2.
    expect(en).toMatch(
      /IL-04 \(Caregiving \(local\)\) Employers involved in teaching and assessment 3 · Met 2 · Largely met Rated 3; counts as 2: interviews only\. \+1/,
    );
    expect(en).toMatch(
      /IL-04 Employers involved in teaching and assessment Caregiving \(local\) weight 1 2 · Largely met Rated 3; counts as 2/,
    );
    // The institution's own interview-only "Met" counts 2 as well.
    expect(en).toMatch(
      /QC-01 Planning: targets tied to policy and the labour market 2 · Largely met Rated 3; counts as 2: interviews only\. 3 · Met -1/,
    );
    const bn = flat(pdfs.bn);
    expect(bn).toContain('তুলনা করা হয়েছে গণ্য রেটিংয়ের');
    expect(bn).toContain('রেটিং ৩; গণ্য ২: শুধু সাক্ষাৎকারের প্রমাণ।');
  });

  it('keeps the comparison page of each language as an image for people to look at', () => {
    for (const language of ['en', 'bn'] as const) {
      const heading = language === 'en' ? 'Criteria rated differently' : 'যে মানদণ্ডে রেটিং ভিন্ন';
      const page = Array.from({ length: pageCount(pdfs[language]) }, (_, i) => i + 1).find((p) =>
        pageText(pdfs[language], p).includes(heading),
      )!;
      expect(page).toBeGreaterThan(1);
      const target = path.join(artifacts, `report-gap-counted-${language}`);
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdfs[language], target]);
      expect(fs.statSync(`${target}.png`).size).toBeGreaterThan(10_000);
    }
  });
});
