import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { benchTable, duration, tableEnd, tableStart, withBenchTable, type BenchResults } from './readme-table';

const root = path.join(__dirname, '..');
const readmeFile = path.join(root, 'README.md');
const results = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results.json'), 'utf8')) as BenchResults;

async function formatted(markdown: string): Promise<string> {
  return prettier.format(markdown, { ...(await prettier.resolveConfig(readmeFile)), parser: 'markdown' });
}

describe("the README's benchmark table", () => {
  it('is the table the committed full run (bench/results.json) gives, with the machine it ran on', async () => {
    expect(results.mode).toBe('full');
    const readme = fs.readFileSync(readmeFile, 'utf8');
    expect(readme).toContain(tableStart);
    expect(readme).toContain(tableEnd);
    // Rewriting the block from the results must change nothing: otherwise the README is stale.
    expect(await formatted(withBenchTable(readme, results))).toBe(readme);
  });

  it('shows every figure of the issue (B1–B6) and marks the missed ones', () => {
    const table = benchTable(results);
    for (const id of ['B1', 'B2', 'B3', 'B4', 'B5', 'B6']) expect(table).toMatch(new RegExp(`^\\| ${id} \\|`, 'm'));
    const missed = results.figures.filter((f) => /^B\d$/.test(f.id ?? '') && f.met === false);
    expect(table.match(/\*\*missed\*\*/g)?.length ?? 0).toBe(missed.length);
    expect(table).toContain(results.machine.node);
  });

  it('fails loudly on a README without the block, and notices a changed figure', async () => {
    expect(() => withBenchTable('# no table here\n', results)).toThrow(/no benchmark table block/);
    const readme = fs.readFileSync(readmeFile, 'utf8');
    const changed = structuredClone(results);
    const [first] = changed.figures;
    if (!first) throw new Error('bench/results.json has no figures');
    first.medianMs *= 3;
    expect(await formatted(withBenchTable(readme, changed))).not.toBe(readme);
  });

  it('writes durations as a reader takes them in', () => {
    expect([duration(0.5325), duration(171.73), duration(2412), duration(undefined)]).toEqual(['0.53 ms', '171.7 ms', '2.41 s', '']);
  });
});
