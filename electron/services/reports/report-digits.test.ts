import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBengaliDigits } from '../../../shared/validation/digits';
import type { AppServices } from '../app-services';
import { collectReportData } from './report-data';
import { evidenceForReport } from './report-evidence';
import { renderReport } from './render-report';
import { reportScenario } from './test-fixtures';

const passphrase = 'trial passphrase 2025';

let work: string;
let s: AppServices;
let scenario: Awaited<ReturnType<typeof reportScenario>>;
let pdf: string;
let text: string;

function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
}

/** The score as the report writes it: rounded down to one decimal. */
const pct = (value: number) => `${(Math.floor(value * 10) / 10).toFixed(1)}%`;

describe('a signed Bangla report always writes numbers in Bengali digits (real SQLite, real Chromium, pdftotext)', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-report-digits-'));
    scenario = await reportScenario({ dataDir: path.join(work, 'data') });
    s = scenario.s;
    const identityId = s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA Accreditation Unit',
      passphrase,
    }).id;
    const file = await s.reports.sign({
      assessmentId: scenario.inspection.id,
      language: 'bn',
      identityId,
      passphrase,
    });
    pdf = path.join(work, 'report-bn-digits.pdf');
    fs.writeFileSync(pdf, Buffer.from(file.pdfBase64, 'base64'));
    text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  }, 180_000);
  afterAll(() => {
    s?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('writes the scores, counts, ratings and section numbers in Bengali digits, and never the Western form', () => {
    const score = s.assessments.score(scenario.inspection.id);
    const overall = pct(score.overall.pct!);
    expect(text).toContain(toBengaliDigits(overall));
    expect(text).not.toContain(overall);
    for (const group of score.groups.filter((g) => g.kind === 'core' && g.pct !== null)) {
      expect(text, group.groupId).toContain(toBengaliDigits(pct(group.pct!)));
      expect(text, group.groupId).not.toContain(` ${pct(group.pct!)}`);
    }
    // Ratings ("৩ · পূরণ হয়েছে"), numbered sections ("২. …") and the answered count.
    expect(text).toContain('৩ · পূরণ হয়েছে');
    expect(text).not.toMatch(/\b3 · পূরণ হয়েছে/);
    expect(text).toMatch(/^\s*২\. /m);
    // Numbered lists too (the decision rules of the method note): no "1." to "9." left.
    expect(text).not.toMatch(/^\s*[1-9]\. /m);
    expect(text).toContain(toBengaliDigits(String(score.counts.total)));
  });

  it('numbers every page of the running footer in Bengali digits', () => {
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
    expect(pages).toBeGreaterThan(10);
    const total = toBengaliDigits(String(pages));
    expect(pageText(pdf, 1)).toContain(`পৃষ্ঠা ১ / ${total}`);
    expect(pageText(pdf, 3)).toContain(`পৃষ্ঠা ৩ / ${total}`);
    expect(pageText(pdf, 3)).not.toMatch(/পৃষ্ঠা \d/);
  });

  it('writes dates and the signing time in Bengali digits; identifiers (hashes, ids, codes) keep their characters', () => {
    const { assessment } = s.assessments.get(scenario.inspection.id);
    const year = assessment.finalisedAt!.slice(0, 4);
    expect(text).toContain(toBengaliDigits(year));
    expect(text).toMatch(/UTC ?[+−-][০-৯]{2}:[০-৯]{2}/);
    // Codes are not numbers: criterion ids, the framework version and the content hash stay as they are.
    expect(text).toContain('GQ-01');
    expect(text).toContain(assessment.frameworkContentHash.slice(0, 32));
  });

  it('keeps an image of the summary page for people to look at', () => {
    const artifacts = path.resolve(import.meta.dirname, '..', '..', '..', 'e2e', 'artifacts');
    fs.mkdirSync(artifacts, { recursive: true });
    const target = path.join(artifacts, 'report-bn-bengali-digits-summary');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '2', '-l', '2', '-singlefile', pdf, target]);
    expect(fs.statSync(`${target}.png`).size).toBeGreaterThan(10_000);
  });

  it('contains no Western digit outside identifiers, codes, hashes, URLs, file names and text people typed', () => {
    const id = scenario.inspection.id;
    const { ratings } = s.assessments.get(id);
    // Text people typed is shown as they typed it (an English note may say "survey of 2024").
    const typed = [
      ...ratings.map((r) => r.note),
      ...s.evidence.list(id).items.flatMap((e) => [e.caption, e.originalName]),
      ...s.correctiveActions.list({ assessmentId: id }).flatMap((a) => Object.values(a).filter((v): v is string => typeof v === 'string')),
    ].filter((t) => /[0-9]/.test(t));
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    let rest = squeeze(text.replace(/https?:\/\/\S+/g, ''));
    // A typed note may wrap inside a table cell, so each number in it is allowed with the word beside it.
    const typedNumbers = typed.flatMap((t) => {
      const words = t.split(/\s+/);
      return words.flatMap((w, i) => (/[0-9]/.test(w) ? [`${words[i - 1] ?? ''}${w}`, `${w}${words[i + 1] ?? ''}`] : []));
    });
    for (const t of [...typed.map(squeeze), ...typedNumbers].sort((a, b) => b.length - a.length)) rest = rest.split(t).join('');
    const allowed: [string, RegExp][] = [
      ['UUIDs (assessment reference)', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g],
      ['certificate fingerprints', /(?:[0-9A-F]{2}:){31}[0-9A-F]{2}/g],
      ['SHA-256 hashes (also where a line break split them)', /[0-9a-f]{16,}/g],
      ['the short assessment reference of the running header', new RegExp(id.slice(0, 8), 'g')],
      ['the name of the hash algorithm', /SHA-256/g],
      ['standards cited by the framework (ISO 9606-1, ISO 21001)', /ISO\d+(?:-\d+)*/g],
      ['the name of the ILO/EU Skills 21 project', /Skills21/g],
      ['ISCO-08 and its unit-group codes', /ISCO-08(?:\d{4})?/g],
      ['criterion ids (LS-03, CARE-04)', /[A-Z]{2,5}-\d{2}/g],
      ['framework version numbers', /\d+\.\d+\.\d+/g],
      ['CEFR levels', /[ABC][12](?![0-9])/g],
      ['evidence references (E1)', /E\d{1,3}(?![0-9])/g],
      ['registration numbers (NSDA-TTC-0117)', /[A-Z]{2,}(?:-[A-Z]{2,})*-\d+/g],
      ['file names', /[\w.-]+\.(?:csv|pdf|jpe?g|png|txt|docx?|xlsx)/gi],
    ];
    for (const [, pattern] of allowed) rest = rest.replace(pattern, '');
    const left = [...rest.matchAll(/.{0,24}[0-9]+.{0,24}/g)].map((m) => m[0]);
    expect(left, 'Western digits left in the Bangla report').toEqual([]);
  });

  it('keeps every page of the Bangla report as an image for people to look at', () => {
    const out = path.resolve(import.meta.dirname, '..', '..', '..', 'e2e', 'artifacts', 'bangla-report-after');
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    fs.copyFileSync(pdf, path.join(out, 'report-bn.pdf'));
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(out, 'page')]);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(10);
  });

  it('writes an English report in Western digits, and a Bangla one in Bengali digits even when an older caller asks otherwise', () => {
    const render = (language: 'en' | 'bn', bengaliDigits: boolean) =>
      renderReport(
        collectReportData({ ...s, evidence: evidenceForReport(s.evidence) }, scenario.inspection.id, {
          language,
          bengaliDigits,
          signer: null,
          issuer: 'NSDA Accreditation Unit',
          preview: true,
        }),
      );
    const overall = pct(s.assessments.score(scenario.inspection.id).overall.pct!);
    expect(render('en', true).bodyHtml).toContain(overall);
    expect(render('en', true).bodyHtml).not.toMatch(/[০-৯]%/);
    expect(render('bn', false).bodyHtml).toContain(toBengaliDigits(overall));
    expect(render('bn', false).bodyHtml).not.toContain(overall);
    expect(render('bn', true).bodyHtml).toContain(toBengaliDigits(overall));
    // The page counters of a Bangla document use the bengali counter style; an English one never does.
    expect(render('bn', false).html).toContain('counter(page, bengali)');
    expect(render('en', true).html).not.toContain('bengali)');
  });
});
