// `npm run bench`: speed at national scale, measured here and never in timed unit tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppServices } from '../electron/services/app-services';
import { printTable, type Measurement } from './measure';
import { assessmentBenchmarks } from './assessments.bench';
import { headOfficeBenchmarks } from './head-office.bench';
import { registryBenchmarks } from './registry.bench';
import { reportBenchmarks } from './report.bench';
import { scoringBenchmarks } from './scoring.bench';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-'));
const services = new AppServices({
  dataDir,
  host: 'cli',
  appVersion: 'bench',
  bundledFrameworksDir: path.join(root, 'resources', 'frameworks'),
});
console.log(`Node ${process.version}; data in ${dataDir} (real SQLite file, WAL, synchronous=FULL)\n`);
try {
  const framework = services.frameworks.get(services.frameworks.list()[0]!.id).framework;
  const results: Measurement[] = [
    ...registryBenchmarks(services),
    ...assessmentBenchmarks(services),
    ...scoringBenchmarks(framework),
    ...(await reportBenchmarks()),
    ...headOfficeBenchmarks(),
  ];
  printTable(results);
} finally {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
