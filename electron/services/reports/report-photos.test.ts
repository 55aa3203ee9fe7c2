import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../../../shared/evidence/schema';
import type { AppServices } from '../app-services';
import { REPORT_IMAGE_SIZES } from '../evidence/thumbnails';
import { reportScenario } from './test-fixtures';

const artifacts = path.resolve(import.meta.dirname, '..', '..', '..', 'e2e', 'artifacts');
const passphrase = 'trial passphrase 2025';

/** A camera-like photo: 2000 × 1500, a gradient and shapes of its own, so every file is different. */
async function scene(hue: number, options: { takenAt?: string; format?: 'jpeg' | 'png' } = {}): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1500">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},55%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},45%,30%)"/>
    </linearGradient></defs>
    <rect width="2000" height="1500" fill="url(#g)"/>
    <circle cx="${500 + hue * 2}" cy="700" r="380" fill="hsl(${(hue + 180) % 360},60%,50%)"/>
    <rect x="1100" y="${300 + hue}" width="600" height="500" fill="hsl(${(hue + 120) % 360},50%,45%)"/>
  </svg>`;
  const image = sharp(Buffer.from(svg));
  if (options.format === 'png') return image.png().toBuffer();
  const jpeg = image.jpeg({ quality: 90 });
  return (options.takenAt ? jpeg.withExif({ IFD2: { DateTimeOriginal: options.takenAt } }) : jpeg).toBuffer();
}

/** The photos of the inspection: beside three findings (two non-conformities, one observation), on a met criterion, and of the whole assessment. */
const photoPlan = [
  {
    name: 'ramp.jpg',
    caption: 'Workshop entrance without a ramp',
    criterion: 'IF-05',
    welding: false,
    hue: 10,
    takenAt: '2025:03:10 09:14:00',
  },
  { name: 'filter.jpg', caption: 'Drinking-water filter, last serviced 2023', criterion: 'IF-05', welding: false, hue: 70 },
  {
    name: 'fume-fan.png',
    caption: 'Fume extraction fan switched off',
    criterion: 'CON-03',
    welding: true,
    hue: 200,
    format: 'png' as const,
  },
  { name: 'notice.jpg', caption: 'ফি-র তালিকা নোটিশ বোর্ডে', criterion: 'GQ-04', welding: false, hue: 280, takenAt: '2025:03:10 11:02:00' },
  { name: 'library.jpg', caption: 'Library shelves with current manuals', criterion: 'GQ-01', welding: false, hue: 140 },
  { name: 'building.jpg', caption: 'Main building seen from the road', criterion: null, welding: false, hue: 320 },
];

let work: string;
let s: AppServices;
let scenario: Awaited<ReturnType<typeof reportScenario>>;
let photos: EvidenceItem[];
let identityId: string;
const signed: Record<string, { path: string; pages: string[]; bytes: Buffer }> = {};

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

async function sign(name: string, language: 'en' | 'bn', bengaliDigits = false) {
  const file = await s.reports.sign({ assessmentId: scenario.inspection.id, language, identityId, passphrase, bengaliDigits });
  const out = path.join(work, `${name}.pdf`);
  const bytes = Buffer.from(file.pdfBase64, 'base64');
  fs.writeFileSync(out, bytes);
  // pdftotext separates pages with a form feed.
  const pages = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  signed[name] = { path: out, pages, bytes };
}

/** pdftotext may put a space inside a Bangla word (see report-service.test.ts); whitespace is ignored for comparison. */
const squeeze = (t: string) => t.replace(/\s+/g, '');

/** Captions wrap inside their 40 mm figure, beside other figures: their first two words mark them. */
const marker = (caption: string) => caption.split(' ').slice(0, 2).join(' ');

/** The 1-based page whose text holds `needle` first (from page `from` on). */
function pageWith(name: string, needle: string, from = 1): number {
  const index = signed[name]!.pages.findIndex((p, i) => i + 1 >= from && squeeze(p).includes(squeeze(needle)));
  return index + 1;
}

describe('photos in the signed report (real SQLite, real photos, real Chromium, poppler)', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-report-photos-'));
    scenario = await reportScenario({
      dataDir: path.join(work, 'data'),
      attachMore: async (services, inspectionId, { weldingId }) => {
        for (const p of photoPlan) {
          await services.evidence.attach({
            assessmentId: inspectionId,
            links: p.criterion === null ? [] : [{ criterionId: p.criterion, programmeId: p.welding ? weldingId : null }],
            evidenceType: 'PHOTO',
            caption: p.caption,
            files: [{ name: p.name, contentBase64: (await scene(p.hue, p)).toString('base64') }],
          });
        }
      },
    });
    s = scenario.s;
    photos = s.evidence.listForAssessment(scenario.inspection.id).filter((i) => i.mediaType.startsWith('image/'));
    identityId = s.identities.createSelfSigned({ name: 'Farida Yasmin', role: 'Lead inspector', organisation: 'NSDA', passphrase }).id;
    await sign('en', 'en');
    await sign('bn', 'bn', true);
  }, 240_000);
  afterAll(() => {
    s?.close();
    if (process.env.KEEP_REPORTS) fs.cpSync(work, process.env.KEEP_REPORTS, { recursive: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('attached six photos, one with no date taken in its file', () => {
    expect(photos).toHaveLength(photoPlan.length);
    expect(photos.find((p) => p.caption.startsWith('Workshop entrance'))?.takenAt).toBe('2025-03-10T09:14:00');
    expect(photos.find((p) => p.caption.startsWith('Drinking-water'))?.takenAt).toBeNull();
  });

  it('embeds every photo as a JPEG: a thumbnail beside each finding it supports and a large copy in the annex (pdfimages)', () => {
    const rows = run('pdfimages', ['-list', signed.en!.path])
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols.length > 10)
      .map((cols) => ({ width: Number(cols[3]), height: Number(cols[4]), enc: cols[8] }));
    const large = rows.filter((r) => r.width === REPORT_IMAGE_SIZES.annex && r.height === 900);
    const small = rows.filter((r) => r.width === REPORT_IMAGE_SIZES.finding && r.height === 360);
    // Every photo once in the annex; the four beside IF-05 (two), CON-03 and the observation GQ-04.
    expect(large).toHaveLength(photoPlan.length);
    expect(small).toHaveLength(4);
    expect(rows.length).toBeGreaterThanOrEqual(large.length + small.length);
    // JPEG bytes as they are (DCT), never a 2000 px original or pixels re-encoded without compression.
    expect([...large, ...small].every((r) => r.enc === 'jpeg')).toBe(true);
    expect(rows.some((r) => r.width >= 2000)).toBe(false);
    // A PDF of plausible size: six photos, not six camera originals re-encoded raw.
    expect(signed.en!.bytes.length).toBeLessThan(8 * 1024 * 1024);
  });

  it('prints each caption and its date on the page of its finding, after the criterion and before the next finding (pdftotext)', () => {
    const findings = scenario.s.assessments
      .score(scenario.inspection.id)
      .findings.filter((f) => f.class !== 'observation')
      .sort((a, b) => ['critical', 'major', 'minor'].indexOf(a.class) - ['critical', 'major', 'minor'].indexOf(b.class));
    const order = findings.map((f) => f.criterionId);
    expect(order).toEqual(expect.arrayContaining(['IF-05', 'CON-03', 'TA-04']));
    const nonConformities = pageWith('en', 'Non-conformities and corrective actions', 2);
    for (const p of photoPlan.filter((x) => x.criterion === 'IF-05' || x.criterion === 'CON-03')) {
      const page = pageWith('en', marker(p.caption), nonConformities);
      const text = signed.en!.pages[page - 1]!;
      const at = text.indexOf(marker(p.caption));
      expect(at, p.caption).toBeGreaterThan(0);
      // Its finding's code and title come before it on the same page…
      const own = text.lastIndexOf(p.criterion!, at);
      expect(own, `${p.caption} after ${p.criterion}`).toBeGreaterThanOrEqual(0);
      // …and no other finding stands between them, while the next finding follows it.
      const next = order[order.indexOf(p.criterion!) + 1]!;
      const nextAt = text.indexOf(`${next} `, own);
      expect(nextAt === -1 || nextAt > at, `${p.caption} before ${next}`).toBe(true);
      expect(text.slice(own, at)).not.toMatch(new RegExp(order.filter((c) => c !== p.criterion).join('|')));
    }
    const ifPage = signed.en!.pages[pageWith('en', 'Workshop entrance', nonConformities) - 1]!;
    expect(ifPage).toContain('Taken 10 March 2025, 09:14');
    // The filter photo has no EXIF date: the date it was added stands, labelled so (wrapped in its figure).
    expect(squeeze(ifPage)).toMatch(/Added\d{1,2}\w+\d{4}\(nodatetakeninthefile\)/);
    // The observation with a photo is shown with its photo under its own heading.
    const observations = pageWith('en', 'Observations with photo evidence', nonConformities);
    const obsText = signed.en!.pages[observations - 1]!;
    expect(obsText.indexOf('GQ-04')).toBeLessThan(obsText.indexOf('Taken 10 March 2025, 11:02'));
    // The met criterion's photo and the whole-assessment photo are not beside any finding: the annex shows them.
    const annex = pageWith('en', 'Annex: photographs', nonConformities);
    expect(annex).toBeGreaterThan(observations);
    expect(pageWith('en', 'Library shelves with current manuals', nonConformities)).toBeGreaterThan(observations);
  });

  it('lists every photo in the annex with caption, criterion, date and the SHA-256 of the original, before the signature page', () => {
    const { pages } = signed.en!;
    const annex = pageWith('en', 'Annex: photographs', 3);
    const signature = pages.length - 1; // the text after the last form feed is empty
    expect(annex).toBeLessThan(signature);
    const annexText = squeeze(pages.slice(annex - 1, signature - 1).join('\n'));
    for (const p of photos) {
      expect(annexText, p.caption).toContain(squeeze(p.caption));
      expect(annexText, p.caption).toContain(p.sha256);
    }
    expect(annexText).toContain(squeeze('whole assessment'));
    expect(annexText).toContain(squeeze('Taken 10 March 2025, 09:14'));
    // Two photos to a page: six photos need three annex pages, not six.
    expect(signature - annex).toBeLessThanOrEqual(4);
    // The evidence index gives the same SHA-256 for every item, photos included (wrapped in its cell, so its first 40 digits).
    const index = squeeze(pages.slice(pageWith('en', 'Evidence index', 3) - 1, annex - 1).join('\n'));
    for (const item of s.evidence.listForAssessment(scenario.inspection.id)) expect(index).toContain(item.sha256.slice(0, 40));
  });

  it('words the photo labels in Bangla, with Bengali digits when the setting asks for them', () => {
    const all = squeeze(signed.bn!.pages.join('\n'));
    expect(all).toContain(squeeze('সংযুক্তি: আলোকচিত্র'));
    expect(all).toContain(squeeze('তোলা হয়েছে ১০ মার্চ, ২০২৫, ০৯:১৪'));
    expect(all).toContain(squeeze('ফাইলে ছবি তোলার তারিখ নেই'));
    expect(all).toContain(squeeze('ফি-র তালিকা নোটিশ বোর্ডে'));
    // The caption stands after its criterion in the findings section.
    const nc = pageWith('bn', 'অসঙ্গতি ও সংশোধনমূলক পদক্ষেপ', 2);
    const page = signed.bn!.pages[pageWith('bn', 'Workshop entrance', nc) - 1]!;
    expect(page.indexOf('Workshop entrance')).toBeGreaterThan(page.indexOf('IF-05'));
    expect(page.indexOf('IF-05')).toBeGreaterThanOrEqual(0);
  });

  it('still carries a signature poppler calls valid, over the whole document with its photos', () => {
    for (const name of ['en', 'bn']) {
      const out = run('pdfsig', [signed[name]!.path]);
      expect(out, name).toContain('Signature is Valid.');
      expect(out, name).toMatch(/^\s*- Total document signed$/m);
    }
  });

  it('makes the report-sized copies once per photo and reuses them when the report is signed again', async () => {
    const thumbs = path.join(s.options.dataDir, 'evidence', 'thumbs');
    const made = photos.map((p) => fs.statSync(path.join(thumbs, `${p.sha256}.annex${REPORT_IMAGE_SIZES.annex}.jpg`)));
    expect(made.every((st) => st.size > 10_000 && st.size < 1024 * 1024)).toBe(true);
    await sign('again', 'en');
    const after = photos.map((p) => fs.statSync(path.join(thumbs, `${p.sha256}.annex${REPORT_IMAGE_SIZES.annex}.jpg`)));
    expect(after.map((st) => st.mtimeMs)).toEqual(made.map((st) => st.mtimeMs));
    expect(after.map((st) => st.ino)).toEqual(made.map((st) => st.ino));
  });

  it('shows the photos in the preview too, as the small previews of the screens', async () => {
    const preview = await s.reports.preview(scenario.inspection.id, 'en', null);
    const images = preview.bodyHtml.match(/<img [^>]*src="data:image\/webp;base64,/g) ?? [];
    expect(images).toHaveLength(photoPlan.length + 4);
    expect(preview.bodyHtml).toContain('alt="Workshop entrance without a ramp"');
    expect(preview.bodyHtml.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('keeps page images of the findings and the annex in both languages for people to look at', () => {
    fs.mkdirSync(artifacts, { recursive: true });
    for (const language of ['en', 'bn'] as const) {
      const file = signed[language]!.path;
      const nc = pageWith(language, language === 'en' ? 'Non-conformities and corrective actions' : 'অসঙ্গতি ও সংশোধনমূলক পদক্ষেপ', 2);
      const findingPage = pageWith(language, 'Workshop entrance', nc);
      const annex = pageWith(language, language === 'en' ? 'Annex: photographs' : 'সংযুক্তি: আলোকচিত্র', nc);
      for (const [name, page] of [
        ['photo-findings', findingPage],
        ['photo-annex', annex],
      ] as const) {
        const target = path.join(artifacts, `report-${language}-${name}`);
        execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', file, target]);
        expect(fs.statSync(`${target}.png`).size).toBeGreaterThan(10_000);
      }
    }
  });
});
