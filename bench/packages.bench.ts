import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppServices } from '../electron/services/app-services';
import { setUp } from '../electron/services/assessments/test-fixtures';
import { measurePairAsync, type Measurement } from './measure';

const passphrase = 'benchmark passphrase';
const FILE_BYTES = 5 * 1024 * 1024;

/**
 * B5 in a fresh Node process of its own (this file run as a script), so the peak resident size it
 * reports is the export's and import's over a bare process, not whatever earlier benchmarks left behind.
 */
export function packageBenchmarksInChild(totalBytes: number, runs: number): Measurement[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, String(totalBytes), String(runs)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = out.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as Measurement[];
}

/**
 * B5: an institution package carrying `totalBytes` of evidence (5 MB PDFs on one draft inspection),
 * exported, and imported into a fresh data folder, each in turns with a plain copy of the same evidence
 * files (the bytes any package must at least move). Peak memory is this process's resident size,
 * sampled every 50 ms during the package runs (run it through packageBenchmarksInChild).
 */
export async function packageBenchmarks(totalBytes: number, runs: number): Promise<Measurement[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-packages-'));
  const { s, input } = setUp({ dataDir: path.join(work, 'sender') });
  const receivers: AppServices[] = [];
  try {
    s.evidence.setLimits({ maxAssessmentBytes: totalBytes * 2 });
    const a = s.assessments.create(input());
    const files = Math.max(1, Math.round(totalBytes / FILE_BYTES));
    for (let i = 0; i < files; i++) {
      // Incompressible, as photos and scans are: a PDF header, then random bytes.
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(FILE_BYTES - 9)]);
      await s.evidence.attach({
        assessmentId: a.id,
        links: [{ criterionId: 'IF-03', programmeId: null }],
        evidenceType: 'DOC',
        caption: `Scanned register ${i + 1}`,
        files: [{ name: `register-${i + 1}.pdf`, contentBase64: bytes.toString('base64') }],
      });
    }
    const evidenceFiles = listFiles(path.join(s.options.dataDir, 'evidence')).filter((f) => fs.statSync(f).size >= FILE_BYTES - 9);
    const bytes = evidenceFiles.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    const identityId = s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA',
      passphrase,
    }).id;
    const institutionId = s.assessments.get(a.id).assessment.institutionId;
    const copyDir = path.join(work, 'copy');
    const plainCopy = async () => {
      fs.rmSync(copyDir, { recursive: true, force: true });
      fs.mkdirSync(copyDir);
      for (const f of evidenceFiles) await fs.promises.copyFile(f, path.join(copyDir, path.basename(f)));
    };
    let exported = '';
    const memory = new PeakRss();
    const exportRow = await memory.during(() =>
      measurePairAsync(
        'package export',
        'plain copy of the same evidence files',
        runs,
        async () => {
          const result = await s.exchange.exports.run({ scope: { kind: 'institution', institutionId }, identityId, passphrase });
          if (exported && exported !== result.path) fs.rmSync(exported, { force: true });
          exported = result.path;
        },
        plainCopy,
      ),
    );
    const exportPeak = memory.take();
    const exportBefore = memory.before;
    const importRow = await memory.during(() =>
      measurePairAsync(
        'package import into a fresh data folder',
        'plain copy of the same evidence files',
        runs,
        async (i) => {
          const b = new AppServices({ ...s.options, dataDir: path.join(work, `receiver-${i}`) });
          receivers.push(b);
          b.settings.update({ userName: 'Head Office Analyst', organisation: 'NSDA HQ', onboarded: true });
          const { uploadId } = b.exchange.staging.register(exported);
          await b.exchange.imports.preview(uploadId);
          await b.exchange.imports.apply(uploadId, []);
        },
        plainCopy,
      ),
    );
    const importPeak = memory.take();
    const importBefore = memory.before;
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    const size = `${mb(bytes)} of evidence in ${evidenceFiles.length} files; package ${mb(fs.statSync(exported).size)}`;
    const b5 = (row: Measurement, peak: number, before: number): Measurement => ({
      ...row,
      id: 'B5',
      target: 'throughput ≥ 50 % of copy; peak RSS < 300 MB',
      // Throughput at least half the copy's ⇔ time at most twice the copy's.
      met: (row.ratio ?? Infinity) <= 2 && peak < 300 * 1024 * 1024,
      note: `${size}; ${mb((bytes / row.medianMs) * 1000)}/s vs copy ${mb((bytes / row.baseline!.medianMs) * 1000)}/s; peak RSS ${mb(peak)} (${mb(before)} before)`,
    });
    return [b5(exportRow, exportPeak, exportBefore), b5(importRow, importPeak, importBefore)];
  } finally {
    for (const b of receivers) b.close();
    s.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [totalBytes, runs] = process.argv.slice(2).map(Number);
  packageBenchmarks(totalBytes!, runs!).then(
    (rows) => console.log(JSON.stringify(rows)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

/** The peak resident size of this process while some work runs, sampled every 50 ms. */
class PeakRss {
  private peak = 0;
  before = 0;

  async during<T>(work: () => Promise<T>): Promise<T> {
    this.before = process.memoryUsage.rss();
    this.peak = this.before;
    const timer = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage.rss())), 50);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      this.peak = Math.max(this.peak, process.memoryUsage.rss());
    }
  }

  take(): number {
    return this.peak;
  }
}
