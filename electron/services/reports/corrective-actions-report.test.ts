import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../assessments/test-fixtures';
import type { AppServices } from '../app-services';
import { reportScenario } from './test-fixtures';

const passphrase = 'trial passphrase 2025';
const artifacts = path.resolve(import.meta.dirname, '..', '..', '..', 'e2e', 'artifacts');

// The inspector's words, as written (one action in English, one in Bangla); IF-05 is left unwritten.
const trainers = {
  actionRequired: 'Write an individual development plan for each of the five welding trainers.',
  closingEvidence: 'The five signed plans and the 2025 training calendar.',
};
const fumes = {
  actionRequired: 'ওয়েল্ডিং বেতে ধোঁয়া নিষ্কাশন পাখা মেরামত করে চালু রাখুন।',
  closingEvidence: 'চালু পাখার ছবি ও রক্ষণাবেক্ষণ রেজিস্টার।',
};

let work: string;
let s: AppServices;
const text: Record<'en' | 'bn', string> = { en: '', bn: '' };
const pdfs: Record<'en' | 'bn', string> = { en: '', bn: '' };

/** The PDF's text in reading order, with runs of white space (line breaks inside a table cell) made one space. */
const flat = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

function pageWith(pdf: string, needle: string): number {
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
  for (let p = 1; p <= pages; p++) {
    const page = execFileSync('pdftotext', ['-raw', '-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    if (page.includes(needle)) return p;
  }
  throw new Error(`no page has ${needle}`);
}

describe('the corrective actions of a signed report, in English and in Bangla (real SQLite, real Chromium, pdftotext)', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-report-actions-'));
    const scenario = await reportScenario({ dataDir: path.join(work, 'data'), clock: testClock('2025-03-12T06:00:00.000Z') });
    s = scenario.s;
    const empty = { actionRequired: '', closingEvidence: '' };
    const id = scenario.inspection.id;
    s.correctiveActions.write({ assessmentId: id, criterionId: 'TA-04', programmeId: null, text: trainers, previous: empty });
    s.correctiveActions.write({ assessmentId: id, criterionId: 'CON-03', programmeId: scenario.welding.id, text: fumes, previous: empty });
    const identityId = s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA Accreditation Unit',
      passphrase,
    }).id;
    for (const language of ['en', 'bn'] as const) {
      const file = await s.reports.sign({ assessmentId: id, language, identityId, passphrase, bengaliDigits: language === 'bn' });
      pdfs[language] = path.join(work, `report-${language}.pdf`);
      fs.writeFileSync(pdfs[language], Buffer.from(file.pdfBase64, 'base64'));
      text[language] = flat(pdfs[language]);
    }
  }, 240_000);
  afterAll(() => {
    s?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('prints the inspector’s words as written, with owner and due date, in an English report', () => {
    const en = text.en;
    expect(en).toContain(`Required action: ${trainers.actionRequired}`);
    expect(en).toContain(`Evidence that will close it: ${trainers.closingEvidence}`);
    expect(en).toContain(fumes.actionRequired);
    expect(en).toContain('Owner: Md. Abdul Karim');
    // TA-04 is minor: due 365 days after the finalisation on 12 March 2025.
    expect(en).toContain('Due: 12 March 2026');
    // Nobody wrote IF-05's action: the suggestion, from the finding and the note, in English, marked as such.
    expect(en).toContain('Put right what the inspection found under “IF-05');
    expect(en).toContain('No accessible toilet; no ramp at the workshop entrance.');
    expect(en).toContain('Suggested from the finding: the inspector wrote no action of their own.');
  });

  it('prints them in a Bangla report with Bangla labels, the Bangla criterion title, and dates in Bengali digits', () => {
    const bn = text.bn;
    expect(bn).toContain(`প্রয়োজনীয় পদক্ষেপ: ${trainers.actionRequired}`);
    expect(bn).toContain(`যে প্রমাণে এটি বন্ধ হবে: ${fumes.closingEvidence}`);
    expect(bn).toContain(fumes.actionRequired);
    const due = new Intl.DateTimeFormat('bn-BD', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-03-12T00:00:00Z'));
    expect(due).toMatch(/[০-৯]/);
    expect(bn).toContain(`নির্ধারিত তারিখ: ${due}`);
    // The suggestion for IF-05 is in Bangla, naming the criterion by its Bangla title; no English sentence is left.
    const framework = s.frameworks.get(
      s.assessments.get(s.correctiveActions.list({})[0]!.assessmentId).assessment.frameworkVersionId,
    ).framework;
    const title = framework.groups.flatMap((g) => g.criteria).find((c) => c.id === 'IF-05')!.title;
    expect(bn).toContain(`“IF-05 ${title.bn}” বিষয়ে পরিদর্শনে যা পাওয়া গেছে তা সংশোধন করুন`);
    expect(bn).not.toContain('Put right what the inspection found');
    expect(bn).not.toContain('Required action');
  });

  it('keeps an image of the page with the corrective actions, in each language, for people to look at', () => {
    fs.mkdirSync(artifacts, { recursive: true });
    for (const [language, needle] of [
      ['en', trainers.closingEvidence.slice(0, 20)],
      ['bn', 'প্রয়োজনীয় পদক্ষেপ:'],
    ] as const) {
      const page = pageWith(pdfs[language], needle);
      const target = path.join(artifacts, `report-${language}-corrective-actions`);
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdfs[language], target]);
      expect(fs.statSync(`${target}.png`).size).toBeGreaterThan(10_000);
    }
  });
});
