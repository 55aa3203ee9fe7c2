import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { sampleReportHtml } from '../signing/test-fixtures/sample-report';
import { printHtmlToPdf } from './print-pdf';

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

  it('renders each page as an image of the page: A4 size, ink where the text is, and the two pages differ', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
    expect(size).not.toBeNull();
    const [pointsWide, pointsHigh] = [Number(size![1]), Number(size![2])];
    // A4 portrait (595 × 842 pt), as the report is printed; Chromium rounds to whole pixels.
    expect(Math.abs(pointsWide - 595.3)).toBeLessThan(2);
    expect(Math.abs(pointsHigh - 841.9)).toBeLessThan(2);

    const pages = [1, 2].map((n) => {
      const image = pageImage(file, n, dir);
      // 60 dpi: the image is the page, not a thumbnail or an empty canvas of another size.
      expect(Math.abs(image.width - (pointsWide / 72) * 60)).toBeLessThanOrEqual(1);
      expect(Math.abs(image.height - (pointsHigh / 72) * 60)).toBeLessThanOrEqual(1);
      return image;
    });
    const [first, second] = pages as [PageImage, PageImage];
    // Printed text: some ink, but mostly paper (a black or blank render fails both ways).
    for (const page of pages) {
      const ink = inkShare(page, 0, page.height);
      expect(ink).toBeGreaterThan(0.002);
      expect(ink).toBeLessThan(0.5);
    }
    // The title sits at the top of page 1: its upper fifth carries ink.
    expect(inkShare(first, 0, Math.floor(first.height / 5))).toBeGreaterThan(0.005);
    // Page 2 (the signature page) is not a copy of page 1.
    expect(first.pixels.equals(second.pixels)).toBe(false);
  });
});

interface PageImage {
  width: number;
  height: number;
  /** RGB, three bytes a pixel, row by row. */
  pixels: Buffer;
}

/** One page rasterised by poppler as a binary PPM (P6), read without an image library. */
function pageImage(pdfFile: string, page: number, dir: string): PageImage {
  const base = path.join(dir, `page-${page}`);
  execFileSync('pdftoppm', ['-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdfFile, base]);
  const bytes = fs.readFileSync(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(header[0].length);
  expect(pixels.length).toBe(width * height * 3);
  return { width, height, pixels };
}

/** The share of pixels in rows [from, to) that are clearly darker than paper. */
function inkShare(image: PageImage, from: number, to: number): number {
  let ink = 0;
  for (let i = from * image.width * 3; i < to * image.width * 3; i += 3) {
    const light = (image.pixels[i]! + image.pixels[i + 1]! + image.pixels[i + 2]!) / 3;
    if (light < 160) ink += 1;
  }
  return ink / ((to - from) * image.width);
}
