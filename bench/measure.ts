import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  note: string;
}

/** Runs `fn` after a warm-up and reports median and 95th percentile wall-clock times. */
export function measure(name: string, runs: number, fn: (i: number) => void, note = ''): Measurement {
  for (let i = 0; i < Math.min(3, runs); i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  return summarise(name, runs, times, note);
}

function summarise(name: string, runs: number, times: number[], note: string): Measurement {
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, runs, medianMs: at(0.5), p95Ms: at(0.95), note };
}

export function printTable(rows: Measurement[]): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('benchmark', 58)} ${pad('runs', 6)} ${pad('median ms', 10)} ${pad('p95 ms', 10)} note`);
  for (const r of rows) {
    console.log(`${pad(r.name, 58)} ${pad(String(r.runs), 6)} ${pad(r.medianMs.toFixed(2), 10)} ${pad(r.p95Ms.toFixed(2), 10)} ${r.note}`);
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
  return summarise(name, runs, times, note);
}
