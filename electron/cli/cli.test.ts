import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { institutionInput, openTestServices, programmeInput } from '../services/test-support/services';
import { tempDir } from '../services/test-support/temp-dir';
import { runCli } from './main';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('command line', () => {
  it('lists institutions as text and as JSON', () => {
    const dataDir = tempDir();
    const s = openTestServices({ dataDir });
    s.institutions.create(institutionInput());
    s.close();
    const text = run(['institutions', 'list', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Dhaka Polytechnic Institute (ঢাকা পলিটেকনিক ইনস্টিটিউট)');
    const json = run(['institutions', 'list', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ total: 1, items: [{ nameEn: 'Dhaka Polytechnic Institute' }] });
  });

  it('exports CSV that a spreadsheet cannot run as a formula, and JSON with programmes', () => {
    const dataDir = tempDir();
    const s = openTestServices({ dataDir });
    const i = s.institutions.create(institutionInput({ nameEn: '=HYPERLINK("http://evil")', address: 'Line 1, "quoted"' }));
    s.institutions.createProgramme(i.id, programmeInput());
    s.close();
    const file = path.join(dataDir, 'out.csv');
    expect(run(['institutions', 'export', '--data-dir', dataDir, '--out', file]).code).toBe(0);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^institution_id,name_en,name_bn/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('Diploma in Computer Technology');
    const json = JSON.parse(run(['institutions', 'export', '--format', 'json', '--data-dir', dataDir]).out);
    expect(json.institutions[0].programmes[0].iscoCode).toBe('2512');
  });

  it('uses exit code 2 for usage errors and says what is wrong', () => {
    const dataDir = tempDir();
    expect(run([]).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
    const bad = run(['institutions', 'list', '--sort', 'size', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--sort must be one of name, district, updated');
    expect(run(['institutions', 'list', '--unknown-flag', '--data-dir', dataDir]).code).toBe(2);
    expect(JSON.parse(run(['institutions', 'export', '--format', 'pdf', '--json', '--data-dir', dataDir]).out)).toMatchObject({
      ok: false,
      error: { code: 'usage' },
    });
  });
});
