import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFramework } from '../../shared/framework/test-fixture';
import { tempDir } from '../services/test-support/temp-dir';
import { compareVersions } from './commands/framework';
import { runForTest } from './run-for-test';

const run = runForTest;

/** The fixture as CSV, with GQ-02's weight set to 5 when `broken`. */
async function fixtureCsv(dir: string, broken: boolean): Promise<string> {
  const json = path.join(dir, 'fixture.json');
  fs.writeFileSync(json, JSON.stringify(testFramework()));
  const dataDir = path.join(dir, 'scratch');
  const imported = await run(['framework', 'import', json, '--data-dir', dataDir, '--json']);
  const id = (JSON.parse(imported.out) as { summary: { id: string } }).summary.id;
  const file = path.join(dir, broken ? 'broken.csv' : 'good.csv');
  expect((await run(['framework', 'export', id, '--format', 'csv', '--out', file, '--data-dir', dataDir])).code).toBe(0);
  if (broken) {
    const lines = fs.readFileSync(file, 'utf8').split('\r\n');
    const i = lines.findIndex((l) => l.startsWith('GQ,GQ-02,'));
    lines[i] = lines[i]!.replace(',never,,2,', ',never,,5,');
    fs.writeFileSync(file, lines.join('\r\n'));
  }
  return file;
}

describe('framework command line', () => {
  it('lists the library as text and JSON (the default framework is installed on first use)', async () => {
    const dataDir = tempDir();
    const text = await run(['framework', 'list', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/bd-eu-tvet 1\.0\.0 {2}106 criteria {2}[0-9a-f]{12} {2}bundled/);
    expect(text.out).toMatch(/bd-eu-tvet 1\.1\.0 {2}107 criteria {2}[0-9a-f]{12} {2}bundled/);
    const json = JSON.parse((await run(['framework', 'list', '--data-dir', dataDir, '--json'])).out) as { items: unknown[] };
    expect(json.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ frameworkId: 'bd-eu-tvet', version: '1.0.0', criteria: 106 }),
        expect.objectContaining({ frameworkId: 'bd-eu-tvet', version: '1.1.0', criteria: 107 }),
      ]),
    );
    expect(json.items).toHaveLength(2);
  });

  it('validates a file: exit 0 when clean, exit 1 naming the row and column of each error', async () => {
    const dir = tempDir();
    const good = await run(['framework', 'validate', await fixtureCsv(dir, false)]);
    expect(good).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^OK: test-framework 1\.0\.0, 10 criteria in 3 groups, content hash [0-9a-f]{64}$/),
    });

    const broken = await fixtureCsv(dir, true);
    const bad = await run(['framework', 'validate', broken]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('error    sheet criteria, row 4, column weight (L4): Must be one of: 1, 2, 3. [invalid-value] (value: 5)');
    const json = JSON.parse((await run(['framework', 'validate', broken, '--json'])).out) as { ok: boolean; errors: unknown[] };
    expect(json).toMatchObject({ ok: false, errors: [{ sheet: 'criteria', row: 4, column: 'weight', cell: 'L4', code: 'invalid-value' }] });
  });

  it('imports nothing from a file with errors, imports a good one once, and exports it in each format', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const bad = await run(['framework', 'import', await fixtureCsv(dir, true), '--data-dir', dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('row 4, column weight');
    // Only the two bundled versions of the default framework.
    expect(JSON.parse((await run(['framework', 'list', '--data-dir', dataDir, '--json'])).out).items).toHaveLength(2);

    const good = await fixtureCsv(dir, false);
    const first = await run(['framework', 'import', good, '--data-dir', dataDir]);
    expect(first).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Imported test-framework 1\.0\.0 \(10 criteria\) as version [0-9a-f-]{36}\.$/),
    });
    expect((await run(['framework', 'import', good, '--data-dir', dataDir])).out).toMatch(/^Unchanged: test-framework 1\.0\.0/);

    const json = await run(['framework', 'export', 'test-framework', '--data-dir', dataDir]);
    expect(JSON.parse(json.out)).toMatchObject({ id: 'test-framework', version: '1.0.0' });
    const csv = await run(['framework', 'export', 'test-framework@1.0.0', '--format', 'csv', '--data-dir', dataDir]);
    expect(csv.out).toMatch(/^\uFEFF#sheet:criteria\r\n/);
    const xlsx = path.join(dir, 'out.xlsx');
    const written = await run([
      'framework',
      'export',
      'test-framework',
      '--format',
      'xlsx',
      '--out',
      xlsx,
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(JSON.parse(written.out)).toMatchObject({ written: xlsx, format: 'xlsx', frameworkId: 'test-framework' });
    expect((await run(['framework', 'validate', xlsx])).code).toBe(0);
  });

  it('uses exit code 1 for a missing file or framework and 2 for usage errors', async () => {
    const dataDir = tempDir();
    expect((await run(['framework', 'validate', path.join(dataDir, 'nope.json')])).code).toBe(1);
    const missing = await run(['framework', 'export', 'no-such-framework', '--data-dir', dataDir, '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await run(['framework'])).code).toBe(2);
    expect((await run(['framework', 'frobnicate'])).code).toBe(2);
    expect((await run(['framework', 'validate'])).code).toBe(2);
    expect((await run(['framework', 'validate', 'a.json', 'b.json'])).code).toBe(2);
    expect((await run(['framework', 'export', 'bd-eu-tvet', '--format', 'xlsx', '--data-dir', dataDir])).err).toContain('give --out');
    const pdf = await run(['framework', 'export', 'bd-eu-tvet', '--format', 'pdf', '--json', '--data-dir', dataDir]);
    expect(pdf.code).toBe(2);
    expect(JSON.parse(pdf.out)).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect((await run(['framework', 'list', '--colour', '--data-dir', dataDir])).code).toBe(2);
  });

  it('orders versions by semantic version when exporting by framework id', () => {
    expect(['1.10.0', '1.2.0', '1.2.0-rc.1', '2.0.0'].sort(compareVersions)).toEqual(['1.2.0-rc.1', '1.2.0', '1.10.0', '2.0.0']);
  });
});
