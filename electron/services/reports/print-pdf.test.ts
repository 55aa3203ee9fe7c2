import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { sampleReportHtml } from '../signing/test-fixtures/sample-report';
import { printHtmlToPdf } from './print-pdf';

const artifacts = path.resolve(import.meta.dirname, '..', '..', '..', 'e2e', 'artifacts');
let pdf: Buffer;

describe('printing report HTML with Chromium', () => {
  beforeAll(async () => {
    pdf = await printHtmlToPdf(sampleReportHtml, { margin: { top: '0', right: '0', bottom: '0', left: '0' } });
  }, 60_000);

  it('keeps Bangla text intact and searchable (pdftotext reads it back letter for letter)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const phrase of [
      'Assessment report',
      'মূল্যায়ন প্রতিবেদন',
      'প্রতিষ্ঠান',
      'ঢাকা পলিটেকনিক ইনস্টিটিউট',
      'কর্মশালার নিরাপত্তা সন্তোষজনক',
      'QA-1.2',
      'স্বাক্ষর পৃষ্ঠা',
    ])
      expect(text).toContain(phrase);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+2$/m);
    // Tagged for screen readers, as the report must be accessible.
    expect(info).toMatch(/^Tagged:\s+yes$/m);
  });

  it('embeds the bundled Noto fonts and nothing from the machine', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => ({ name: line.split(/\s+/)[0] ?? '', embedded: / yes +yes +yes /.test(line) }));
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(
      expect.arrayContaining(['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansBengali-Regular']),
    );
    expect(fonts.every((f) => f.name.replace(/^[A-Z]{6}\+/, '').startsWith('NotoSans') && f.embedded)).toBe(true);
  });

  it('writes a page image for people to look at (e2e/artifacts/print-sample.png)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf);
    fs.mkdirSync(artifacts, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(artifacts, 'print-sample')]);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '2',
      '-l',
      '2',
      '-singlefile',
      file,
      path.join(artifacts, 'print-sample-signature-page'),
    ]);
    expect(fs.statSync(path.join(artifacts, 'print-sample.png')).size).toBeGreaterThan(5000);
  });
});
