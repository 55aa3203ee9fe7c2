// `npm run bench`: speed and memory at national scale, each issue figure (B1 …) against a bare baseline
// timed in turns in the same run, written to bench/results.json and printed as a table.
//   npm run bench -- --quick      the same code on small sizes, in under a minute (CI runs this)
//   npm run bench -- --only B3    one group (B1, B2, B3, B4, B5, B6, registry, assessments, scoring, head-office, audit-trail)
// A full run of everything writes bench/results.json (committed: the README's table); quick or partial
// runs write bench/results.quick.json or bench/results.partial.json (not committed).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import * as prettier from 'prettier';
import { AppServices } from '../electron/services/app-services';
import { findChromium } from '../electron/services/support/find-chromium';
import { printTable, type Measurement } from './measure';
import { writeReadmeTable } from './readme-table';
import { assessmentBenchmarks } from './assessments.bench';
import { auditTrailBenchmarks } from './audit-trail.bench';
import { coldStartBenchmarks } from './cold-start.bench';
import { headOfficeBenchmarks } from './head-office.bench';
import { nationalBenchmarks } from './national.bench';
import { packageBenchmarksInChild } from './packages.bench';
import { registryBenchmarks } from './registry.bench';
import { reportBenchmarks } from './report.bench';
import { saveRatingBenchmarks } from './save-rating.bench';
import { workspaceBenchmarks } from './workspace.bench';
import { scoringBenchmarks } from './scoring.bench';

const groups = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'registry', 'assessments', 'scoring', 'head-office', 'audit-trail'] as const;
type Group = (typeof groups)[number];

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string', multiple: true } } });
const quick = values.quick === true;
const only = (values.only ?? []).flatMap((o) => o.split(','));
for (const o of only) if (!groups.includes(o as Group)) throw new Error(`--only ${o}: not one of ${groups.join(', ')}`);
const selected = (g: Group) => only.length === 0 || only.includes(g);

/** Sizes: the issue's national scale, or small enough for CI. */
const size = quick
  ? {
      saves: 500,
      auditSaves: 100,
      institutions: 200,
      perInstitution: 10,
      changeLog: 2_000,
      runs: 3,
      photos: 2,
      reportRuns: 1,
      evidence: 20,
      packageRuns: 2,
      coldStarts: 1,
      registry: 1_000,
      assessments: 10_000,
      workspace: { criteria: 300, opens: 1, clicks: 6, keys: 8 },
    }
  : {
      saves: 10_000,
      auditSaves: 1_000,
      institutions: 10_000,
      perInstitution: 10,
      changeLog: 100_000,
      runs: 10,
      photos: 200,
      reportRuns: 5,
      evidence: 1024,
      packageRuns: 2,
      coldStarts: 3,
      registry: 10_000,
      assessments: 100_000,
      workspace: { criteria: 1000, opens: 5, clicks: 40, keys: 60 },
    };

const root = path.resolve(import.meta.dirname, '..');
const started = performance.now();
const rows: Measurement[] = [];
const machine = describeMachine();
console.log(
  `${machine.cpu.model} × ${machine.cpu.count}, ${machine.memoryGb} GB, ${machine.os}; Node ${machine.node}, SQLite ${machine.sqlite}, ${machine.chromium}`,
);
console.log(
  `${quick ? 'quick' : 'full'} run${only.length ? ` of ${only.join(', ')}` : ''}; load average ${machine.loadAverage.join(' ')}\n`,
);

const section = async (group: Group, run: () => Promise<Measurement[]> | Measurement[]) => {
  if (!selected(group)) return;
  const t = performance.now();
  const got = await run();
  rows.push(...got.map((m) => ({ id: group, ...m })));
  console.log(`${group}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
};

await section('B1', () => saveRatingBenchmarks(size.saves));
await section('B2', () => workspaceBenchmarks(size.workspace));
// B6 starts the browser host on B3's database: B3 runs (its generation at least) whenever B6 does.
let nationalDir: string | null = null;
if (selected('B3') || selected('B6')) {
  const t = performance.now();
  const national = await nationalBenchmarks({
    institutions: size.institutions,
    assessmentsPerInstitution: size.perInstitution,
    changeLogEntries: size.changeLog,
    runs: size.runs,
  });
  nationalDir = national.dataDir;
  if (selected('B3')) rows.push(...national.rows);
  console.log(`B3: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
try {
  await section('B6', () => coldStartBenchmarks(nationalDir!, size.coldStarts));
} finally {
  if (nationalDir) fs.rmSync(nationalDir, { recursive: true, force: true });
}
await section('B4', async () => (await reportBenchmarks(size.photos, size.reportRuns)).map((m) => ({ id: 'B4', ...m })));
// In a process of its own, so that its peak resident size is the export's and import's, not what earlier groups left.
await section('B5', () => packageBenchmarksInChild(size.evidence * 1024 * 1024, size.packageRuns));
await section('scoring', async () => {
  const services = appServices();
  try {
    return scoringBenchmarks(services.frameworks.get(services.frameworks.list()[0]!.id).framework);
  } finally {
    close(services);
  }
});
if (selected('registry') || selected('assessments')) {
  // The assessments lists run over the registry's institutions, so they share one data folder.
  const services = appServices();
  try {
    await section('registry', () => registryBenchmarks(services, size.registry));
    await section('assessments', () => {
      if (!selected('registry')) registryBenchmarks(services, size.registry);
      return assessmentBenchmarks(services, size.assessments);
    });
  } finally {
    close(services);
  }
}
await section('head-office', () => headOfficeBenchmarks());
await section('audit-trail', () => auditTrailBenchmarks(size.auditSaves));

const seconds = (performance.now() - started) / 1000;
printTable(rows);
const missed = rows.filter((r) => r.met === false);
console.log(
  `\n${rows.length} figures in ${seconds.toFixed(0)} s; ${missed.length ? `targets missed: ${missed.map((r) => `${r.id} ${r.name}`).join('; ')}` : 'every target met'}`,
);
const file = path.join(root, 'bench', quick ? 'results.quick.json' : only.length ? 'results.partial.json' : 'results.json');
// Formatted as the repository's `prettier --check .` expects, so a committed results.json passes lint.
const json = JSON.stringify({
  ranAt: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  only,
  seconds: Math.round(seconds),
  machine,
  figures: rows,
});
fs.writeFileSync(file, await prettier.format(json, { ...(await prettier.resolveConfig(file)), parser: 'json' }));
console.log(`written to ${path.relative(root, file)}`);
if (!quick && only.length === 0) {
  // The README's table is made from the results just written (see readme-table.ts and its test).
  await writeReadmeTable(path.join(root, 'README.md'), file);
  console.log('README.md: benchmark table rewritten from it');
}

function appServices(): AppServices {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-'));
  return new AppServices({ dataDir, host: 'cli', appVersion: 'bench', bundledFrameworksDir: path.join(root, 'resources', 'frameworks') });
}

function close(services: AppServices): void {
  services.close();
  fs.rmSync(services.options.dataDir, { recursive: true, force: true });
}

function describeMachine() {
  const cpus = os.cpus();
  let release = `${os.type()} ${os.release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (pretty) release = `${pretty[1]} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux: the kernel's name and release will do
  }
  const memory = new Database(':memory:');
  const sqlite = memory.prepare<[], string>('SELECT sqlite_version()').pluck().get()!;
  memory.close();
  let chromium = 'Chromium not found';
  try {
    chromium = execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // reported as not found
  }
  return {
    cpu: { model: cpus[0]?.model ?? 'unknown', count: cpus.length },
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: release,
    node: process.version,
    sqlite,
    chromium,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}
