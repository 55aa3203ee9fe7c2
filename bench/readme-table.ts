// The README's benchmark table is made from bench/results.json, never typed by hand: a full
// `npm run bench` rewrites the block between the markers below, and a unit test fails when the README
// and the committed results disagree, so the table cannot quietly go stale.
import fs from 'node:fs';
import * as prettier from 'prettier';
import type { Measurement } from './measure';

export const tableStart = '<!-- bench:table:start (made by npm run bench from bench/results.json; do not edit) -->';
export const tableEnd = '<!-- bench:table:end -->';

export interface BenchResults {
  ranAt: string;
  mode: string;
  seconds: number;
  machine: {
    cpu: { model: string; count: number };
    memoryGb: number;
    os: string;
    node: string;
    sqlite: string;
    chromium: string;
    loadAverage: number[];
  };
  figures: Measurement[];
}

/** Milliseconds as a reader takes them in: 0.53 ms, 171.7 ms, 2.41 s. */
export function duration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(1)} ms`;
}

const isIssueFigure = (m: Measurement) => /^B\d$/.test(m.id ?? '');
// The head-office dashboard queries are 26 figures with one target; the table shows them as one row.
const isDashboardQuery = (m: Measurement) => m.id === 'B3' && /^(head office:|\s*query:)/.test(m.name) && m.target !== undefined;

/** One row for all dashboard queries: the slowest median and p95, met only when every one is met. */
function dashboardRow(queries: Measurement[]): Measurement {
  const slowest = queries.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
  return {
    id: 'B3',
    name: `every head-office dashboard query (${queries.length} figures; slowest: ${slowest.name.trim()})`,
    runs: slowest.runs,
    medianMs: slowest.medianMs,
    p95Ms: Math.max(...queries.map((q) => q.p95Ms)),
    target: slowest.target,
    met: queries.every((q) => q.met === true),
    note: '',
  };
}

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The block between the markers: the machine it ran on and one row per figure of the issue (B1–B6). */
export function benchTable(results: BenchResults): string {
  const m = results.machine;
  const figures = results.figures.filter(isIssueFigure);
  const queries = figures.filter(isDashboardQuery);
  const rows: Measurement[] = [];
  for (const f of figures) {
    if (!isDashboardQuery(f)) rows.push(f);
    else if (f === queries[0]) rows.push(dashboardRow(queries));
  }
  const load = m.loadAverage.map((l) => l.toFixed(2)).join(' / ');
  const lines = [
    `The latest full run (\`bench/results.json\`, ${results.ranAt.slice(0, 10)}, whole run ${results.seconds} s): ` +
      `${m.cpu.model} × ${m.cpu.count} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}, SQLite ${m.sqlite}, ` +
      `${m.chromium.split(' built on')[0]}; load average ${load} at the start.`,
    '',
    '| id | figure | runs | median | p95 | p99 | baseline (median) | ratio | target | met | note |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) =>
      [
        r.id ?? '',
        cell(r.name),
        String(r.runs),
        duration(r.medianMs),
        duration(r.p95Ms),
        duration(r.p99Ms),
        r.baseline ? cell(`${r.baseline.name}: ${duration(r.baseline.medianMs)}`) : '',
        r.ratio === undefined ? '' : r.ratio.toFixed(2),
        cell(r.target ?? ''),
        r.met === undefined ? '' : r.met ? 'met' : '**missed**',
        cell(r.note),
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .concat(' |'),
    ),
  ];
  return lines.join('\n');
}

/** The README with its table block replaced by the one `results` gives (unformatted; prettier formats). */
export function withBenchTable(readme: string, results: BenchResults): string {
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error(`README.md has no benchmark table block (${tableStart} … ${tableEnd})`);
  return `${readme.slice(0, start + tableStart.length)}\n\n${benchTable(results)}\n\n${readme.slice(end)}`;
}

/** Rewrites the README's table from a results file (`npm run bench:table`; a full `npm run bench` calls it). */
export async function writeReadmeTable(readmeFile: string, resultsFile: string): Promise<void> {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as BenchResults;
  const updated = withBenchTable(fs.readFileSync(readmeFile, 'utf8'), results);
  fs.writeFileSync(readmeFile, await prettier.format(updated, { ...(await prettier.resolveConfig(readmeFile)), parser: 'markdown' }));
}
