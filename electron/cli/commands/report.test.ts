import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportScenario } from '../../services/reports/test-fixtures';
import { runForTest } from '../run-for-test';

const run = runForTest;

let dataDir: string;
let work: string;
let inspectionId: string;
let draftId: string;
let identityId: string;
let passFile: string;

describe('report command', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-cli-report-'));
    dataDir = path.join(work, 'data');
    const scenario = await reportScenario({ dataDir });
    inspectionId = scenario.inspection.id;
    draftId = scenario.s.assessments.create({
      kind: 'inspection',
      institutionId: scenario.institution.id,
      programmeIds: [scenario.care.id],
      frameworkVersionId: scenario.inspection.frameworkVersionId,
      team: [{ name: 'Farida Yasmin', role: 'lead-inspector' }],
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    }).id;
    scenario.s.close();
    passFile = path.join(work, 'pass.txt');
    fs.writeFileSync(passFile, 'command line passphrase\n');
    const created = await run([
      'identity',
      'create',
      '--name',
      'Farida Yasmin',
      '--organisation',
      'NSDA',
      '--role',
      'Lead inspector',
      '--passphrase-file',
      passFile,
      '--data-dir',
      dataDir,
      '--json',
    ]);
    identityId = (JSON.parse(created.out) as { id: string }).id;
  }, 60_000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('signs the report in Bangla into the file asked for; verify accepts it', async () => {
    const out = path.join(work, 'report-bn.pdf');
    const signed = await run([
      'report',
      inspectionId,
      '--lang',
      'bn',
      '--identity',
      identityId,
      '--passphrase-file',
      passFile,
      '--out',
      out,
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(signed.err).toBe('');
    expect(signed.code).toBe(0);
    const meta = JSON.parse(signed.out) as { file: string; sha256: string; language: string; pages: number };
    expect(meta).toMatchObject({ file: out, language: 'bn' });
    expect(meta.pages).toBeGreaterThan(10);
    const verified = await run(['verify', out, '--data-dir', dataDir]);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('VALID');
    // The data folder's audit trail recognises the file it signed; a copy checked elsewhere is not claimed.
    expect(verified.out).toContain(`✓ This exact file was made on this machine`);
    const elsewhere = await run(['verify', out, '--data-dir', path.join(work, 'no-database-here')]);
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.out).not.toContain('made on this machine');
  }, 60_000);

  it('refuses a draft (exit 1) and a missing language (usage, exit 2)', async () => {
    const draft = await run([
      'report',
      draftId,
      '--lang',
      'en',
      '--identity',
      identityId,
      '--passphrase-file',
      passFile,
      '--data-dir',
      dataDir,
    ]);
    expect(draft.code).toBe(1);
    expect(draft.err).toContain('A draft cannot be signed');
    const usage = await run(['report', inspectionId, '--identity', identityId, '--data-dir', dataDir]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--lang en or --lang bn');
  });
});
