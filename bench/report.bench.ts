import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { AppServices } from '../electron/services/app-services';
import { printHtmlToPdf, type PrintOptions } from '../electron/services/reports/print-pdf';
import { REPORT_IMAGE_SIZES } from '../electron/services/evidence/thumbnails';
import { reportScenario } from '../electron/services/reports/test-fixtures';
import { measureAsync, measurePairAsync, type Measurement } from './measure';

/**
 * The accreditation report of a 106-criterion inspection of two programmes, with evidence and a gap
 * table: rendered for preview, and printed by headless Chromium and signed (PAdES B-B), in each language.
 * Signing a finalised assessment again is allowed, so every run makes and keeps a new signed file.
 */
export async function reportBenchmarks(photoCount?: number, runs = 5): Promise<Measurement[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-report-'));
  const { s, inspection } = await reportScenario({ dataDir });
  try {
    const identity = s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA',
      passphrase: 'benchmark passphrase',
    });
    const sign = (services: AppServices, language: 'en' | 'bn') => () =>
      services.reports.sign({ assessmentId: inspection.id, language, identityId: identity.id, passphrase: 'benchmark passphrase' });
    const note = (language: string) => `${language}; prints on the warm Chromium, signs, keeps the file`;
    const rows = [
      await measureAsync('report: preview HTML, 106 criteria × 2 programmes (en)', runs * 2, async () =>
        s.reports.preview(inspection.id, 'en', identity.id),
      ),
      await measureAsync('report: generate + sign PDF (en)', runs, sign(s, 'en'), note('English')),
      await measureAsync('report: generate + sign PDF (bn)', runs, sign(s, 'bn'), note('Bangla')),
    ];
    s.close();
    await s.closing;
    // The same with a Chromium launched and closed for every report (as before the warm printer): what keeping one warm saves.
    const cold = new AppServices({ ...s.options, printPdf: printHtmlToPdf });
    try {
      rows.push(
        await measureAsync(
          'report: generate + sign PDF (en), new Chromium each',
          runs,
          sign(cold, 'en'),
          'launches Chromium for each report',
        ),
      );
    } finally {
      cold.close();
      await cold.closing;
    }
    return [...rows, ...(await reportPhotoBenchmarks(photoCount))];
  } finally {
    if (s.db.open) s.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The same report with 200 camera photos of about 4 MB each (4000 × 3000 JPEG): 24 beside findings,
 * the rest on met criteria, all of them in the annex: signed right after attaching (the report-sized
 * copies are made in the background from the attach on), again (copies cached), and with no copies yet
 * (photos from a transfer package, before their first report). Peak memory is the proportional set size
 * (PSS) of this process and its children (Chromium) together, sampled every 100 ms (Linux /proc;
 * elsewhere not reported); Node's share is also given as the growth over its size before the run.
 * `BENCH_REPORT_PHOTOS` sets another count; the photos are made once and kept in the temporary folder.
 */
export async function reportPhotoBenchmarks(count = Number(process.env.BENCH_REPORT_PHOTOS ?? 200)): Promise<Measurement[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-report-photos-'));
  const photos = await cameraPhotos(count);
  const { s, inspection } = await reportScenario({
    dataDir,
    attachMore: async (services, inspectionId, { weldingId }) => {
      services.evidence.setLimits({ maxAssessmentBytes: 100_000 * 1024 * 1024 });
      const { assessment } = services.assessments.get(inspectionId);
      const units = services.assessments
        .get(assessment.id)
        .ratings.map((r) => ({ criterionId: r.criterionId, programmeId: r.programmeId }));
      const findings = [
        { criterionId: 'IF-05', programmeId: null },
        { criterionId: 'CON-03', programmeId: weldingId },
        { criterionId: 'TA-04', programmeId: null },
      ];
      for (const [i, file] of photos.entries()) {
        const link = i < 24 ? findings[i % 3]! : units[i % units.length]!;
        await services.evidence.attach({
          assessmentId: inspectionId,
          links: [link],
          evidenceType: 'PHOTO',
          caption: `Site visit photo ${i + 1}`,
          files: [{ name: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') }],
        });
      }
    },
  });
  try {
    const identity = s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA',
      passphrase: 'benchmark passphrase',
    });
    const sign = () =>
      s.reports.sign({ assessmentId: inspection.id, language: 'en', identityId: identity.id, passphrase: 'benchmark passphrase' });
    const megabytes = (photos.reduce((sum, f) => sum + fs.statSync(f).size, 0) / count / 1024 / 1024).toFixed(1);
    // Attaching started making the report-sized copies in the background; this signing may still wait for some.
    const afterAttach = await timed(sign);
    const pdf = Buffer.from((await sign()).pdfBase64, 'base64');
    const warm = await timed(sign);
    const preview = await timed(() => s.reports.preview(inspection.id, 'en', identity.id));
    // Cold: photos that arrived in a transfer package have no copies yet until the first report.
    const thumbs = path.join(dataDir, 'evidence', 'thumbs');
    for (const name of fs.readdirSync(thumbs)) if (name.endsWith('.jpg')) fs.rmSync(path.join(thumbs, name));
    const cold = await timed(sign);
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    const memory = ({ peak, before }: Run) =>
      peak === null || before === null
        ? ''
        : `, peak ${mb(peak.tree)} Node + Chromium (${mb(peak.tree - before.tree)} above the ${mb(before.tree)} before; ` +
          `Chromium alone ${mb(peak.children)}, Node alone ${mb(peak.own)} with ${mb(before.own)} before)`;
    const row = (name: string, run: Run, note: string): Measurement => ({
      name,
      runs: 1,
      medianMs: run.ms,
      p95Ms: run.ms,
      note: note + memory(run),
    });
    // B4's baseline: the same HTML (as the app hands it to the printer) printed by a bare Chromium —
    // launched, printed, closed — in turns with the app's whole sign (on a Chromium launched for it too).
    s.close();
    await s.closing;
    let captured: [string, PrintOptions] | null = null;
    const capturing = new AppServices({
      ...s.options,
      printPdf: (html, options) => {
        captured = [html, options];
        return printHtmlToPdf(html, options);
      },
    });
    let pair: Measurement;
    try {
      const signCold = () =>
        capturing.reports.sign({
          assessmentId: inspection.id,
          language: 'en',
          identityId: identity.id,
          passphrase: 'benchmark passphrase',
        });
      await signCold();
      const [html, options] = captured!;
      pair = await measurePairAsync(
        `report: sign with ${count} photos, new Chromium each`,
        'bare Chromium print of the same HTML',
        2,
        signCold,
        () => printHtmlToPdf(html, options),
        'whole sign vs. print alone, both launching Chromium',
      );
    } finally {
      capturing.close();
      await capturing.closing;
    }
    const b4 = {
      ...row(`report: sign with ${count} photos, again`, warm, `copies cached; PDF ${(pdf.length / 1024 / 1024).toFixed(1)} MB`),
    };
    const peakMb = warm.peak === null ? null : warm.peak.tree / 1024 / 1024;
    return [
      row(`report: sign with ${count} photos, after attaching`, afterAttach, `${megabytes} MB photos each`),
      {
        ...b4,
        id: 'B4',
        target: '< 5 s; peak < 500 MB',
        met: b4.medianMs < 5000 && peakMb !== null && peakMb < 500,
        baseline: pair.baseline,
        ratio: b4.medianMs / pair.baseline!.medianMs,
      },
      { ...pair, id: 'B4' },
      row(
        `report: sign with ${count} photos, no copies yet`,
        cold,
        `makes ${REPORT_IMAGE_SIZES.annex}/${REPORT_IMAGE_SIZES.finding} px copies of every photo`,
      ),
      row(`report: preview with ${count} photos`, preview, '256 px previews'),
    ];
  } finally {
    if (s.db.open) s.close();
    await s.closing;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Distinct 4000 × 3000 photos of about 4 MB (smooth colour with sensor-like grain), made once and kept. */
async function cameraPhotos(count: number): Promise<string[]> {
  const dir = path.join(os.tmpdir(), 'tvet-bench-camera-photos');
  fs.mkdirSync(dir, { recursive: true });
  const width = 4000;
  const height = 3000;
  const files = Array.from({ length: count }, (_, i) => path.join(dir, `IMG_${String(i + 1).padStart(4, '0')}.jpg`));
  if (files.every((f) => fs.existsSync(f))) return files;
  const low = await sharp({
    create: { width: 160, height: 120, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 70 } },
  })
    .raw()
    .toBuffer();
  const image = await sharp(low, { raw: { width: 160, height: 120, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  let seed = 1;
  for (let i = 0; i < image.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    image[i] = Math.max(0, Math.min(255, image[i]! + ((seed >> 16) & 31) - 16));
  }
  for (const [n, file] of files.entries()) {
    if (fs.existsSync(file)) continue;
    // A block of inverted pixels in a different place makes every photo a different picture.
    const x0 = (n * 397) % (width - 400);
    const y0 = (n * 211) % (height - 400);
    for (let y = y0; y < y0 + 400; y++)
      for (let x = x0; x < x0 + 400; x++)
        for (let c = 0; c < 3; c++) image[(y * width + x) * 3 + c] = 255 - image[(y * width + x) * 3 + c]!;
    fs.writeFileSync(
      file,
      await sharp(image, { raw: { width, height, channels: 3 } })
        .jpeg({ quality: 90 })
        .toBuffer(),
    );
  }
  return files;
}

interface TreeMemory {
  /** This process and all its descendants. */
  tree: number;
  /** The descendants alone (Chromium). */
  children: number;
  /** This process alone (Node: the services, the PDF and its signing). */
  own: number;
}

interface Run {
  ms: number;
  before: TreeMemory | null;
  peak: TreeMemory | null;
}

/**
 * Wall-clock time of one run and the peak resident memory of this process and its children meanwhile
 * (after a garbage collection when Node runs with --expose-gc, so garbage from attaching is not counted).
 */
async function timed(fn: () => Promise<unknown>): Promise<Run> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = treeRss();
  let peak: TreeMemory | null = before;
  const timer = setInterval(() => {
    const now = treeRss();
    if (now === null) return;
    peak =
      peak === null
        ? now
        : { tree: Math.max(peak.tree, now.tree), children: Math.max(peak.children, now.children), own: Math.max(peak.own, now.own) };
  }, 100);
  const started = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return { ms: performance.now() - started, before, peak };
}

/** Memory of this process and all its descendants (PSS, else RSS), from /proc; null where there is no /proc. */
function treeRss(): TreeMemory | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  // Proportional set size where the kernel gives it: Chromium's processes share most of their pages
  // (forked from one zygote), and summing their resident sizes would count those pages many times.
  const size = (pid: number) => {
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (pss) return Number(pss[1]) * 1024;
    } catch {
      // no smaps_rollup (older kernels) or the process ended: its resident size
    }
    return rss.get(pid) ?? 0;
  };
  const sizes = new Map([...tree].map((pid) => [pid, size(pid)]));
  const total = [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
  const own = sizes.get(process.pid) ?? 0;
  return { tree: total, children: total - own, own };
}
