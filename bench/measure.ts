import { performance } from 'node:perf_hooks';

/** One figure of the benchmark table and of bench/results.json. */
export interface Measurement {
  /** The figure (B1 …) or the group of an informational figure (registry, scoring …). */
  id?: string;
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  p99Ms?: number;
  /** The target in words, as the issue states it (e.g. "median ≤ 2 × baseline, p99 < 10 ms"). */
  target?: string;
  /** The bare operation timed in the same run, interleaved with this figure. */
  baseline?: { name: string; medianMs: number; p95Ms: number; p99Ms?: number };
  /** median ÷ baseline median: how many times the bare operation's time this figure takes. */
  ratio?: number;
  /** Whether the target is met; absent where there is no target. */
  met?: boolean;
  note: string;
}

/** Runs `fn` after a warm-up and reports median, 95th and 99th percentile wall-clock times. */
export function measure(name: string, runs: number, fn: (i: number) => void, note = ''): Measurement {
  for (let i = 0; i < Math.min(3, runs); i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  return summarise(name, times, note);
}

/**
 * A figure and its baseline timed in turns (A, baseline, A, baseline …) in the same process run, so
 * whatever else the machine is doing meanwhile slows both alike and their ratio holds.
 */
export function measurePair(
  name: string,
  baselineName: string,
  runs: number,
  fn: (i: number) => void,
  baselineFn: (i: number) => void,
  note = '',
): Measurement {
  for (let i = 0; i < Math.min(3, runs); i++) {
    fn(i);
    baselineFn(i);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    fn(i);
    a.push(performance.now() - start);
    start = performance.now();
    baselineFn(i);
    b.push(performance.now() - start);
  }
  return withBaseline(summarise(name, a, note), summarise(baselineName, b, ''));
}

/** `measurePair` for work that awaits (printing, packages): each run completes before the next starts. */
export async function measurePairAsync(
  name: string,
  baselineName: string,
  runs: number,
  fn: (i: number) => Promise<unknown>,
  baselineFn: (i: number) => Promise<unknown>,
  note = '',
): Promise<Measurement> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await fn(i);
    a.push(performance.now() - start);
    start = performance.now();
    await baselineFn(i);
    b.push(performance.now() - start);
  }
  return withBaseline(summarise(name, a, note), summarise(baselineName, b, ''));
}

/** Several operations timed in turns (A, B, C, A, B, C …) in the same process run; their times, in order. */
export async function timeInTurnsAsync(runs: number, fns: ((i: number) => Promise<unknown>)[]): Promise<number[][]> {
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const start = performance.now();
      await fn(i);
      times[k]!.push(performance.now() - start);
    }
  }
  return times;
}

export function withBaseline(figure: Measurement, baseline: Measurement): Measurement {
  return {
    ...figure,
    baseline: { name: baseline.name, medianMs: baseline.medianMs, p95Ms: baseline.p95Ms, p99Ms: baseline.p99Ms },
    ratio: figure.medianMs / baseline.medianMs,
  };
}

export function summarise(name: string, times: number[], note = ''): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { name, runs: times.length, medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), note };
}

/** Labels a group of figures with the id and, where given, a target and whether it is met. */
export function tag(id: string, rows: Measurement[], target?: { text: string; met: (m: Measurement) => boolean }): Measurement[] {
  return rows.map((m) => ({ ...m, id, ...(target ? { target: target.text, met: target.met(m) } : {}) }));
}

const fixed = (n: number | undefined, digits = 2) => (n === undefined ? '' : n.toFixed(digits));

export function printTable(rows: Measurement[]): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    `${pad('id', 10)} ${pad('benchmark', 62)} ${pad('runs', 6)} ${pad('median ms', 10)} ${pad('p95 ms', 10)} ${pad('p99 ms', 9)} ` +
      `${pad('baseline ms', 12)} ${pad('ratio', 7)} ${pad('target', 34)} ${pad('met', 7)} note`,
  );
  for (const r of rows) {
    const met = r.met === undefined ? '' : r.met ? 'met' : 'MISSED';
    console.log(
      `${pad(r.id ?? '', 10)} ${pad(r.name, 62)} ${pad(String(r.runs), 6)} ${pad(fixed(r.medianMs), 10)} ${pad(fixed(r.p95Ms), 10)} ` +
        `${pad(fixed(r.p99Ms), 9)} ${pad(fixed(r.baseline?.medianMs), 12)} ${pad(fixed(r.ratio), 7)} ${pad(r.target ?? '', 34)} ${pad(met, 7)} ${r.note}`,
    );
  }
}

/** `measure` for work that awaits (printing, signing): each run completes before the next starts. */
export async function measureAsync(name: string, runs: number, fn: (i: number) => Promise<unknown>, note = ''): Promise<Measurement> {
  await fn(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return summarise(name, times, note);
}
