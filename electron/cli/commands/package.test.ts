import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportScenario } from '../../services/reports/test-fixtures';
import { openTestServices } from '../../services/test-support/services';
import { bundledFrameworksDir } from '../../services/assessments/test-fixtures';
import { runForTest } from '../run-for-test';

const run = runForTest;

let work: string;
let sender: string;
let passFile: string;
let identityId: string;
let institutionId: string;
let inspectionId: string;

describe('package command', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-cli-package-'));
    sender = path.join(work, 'sender');
    const scenario = await reportScenario({ dataDir: sender });
    institutionId = scenario.institution.id;
    inspectionId = scenario.inspection.id;
    identityId = scenario.s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA',
      passphrase: 'a long passphrase',
    }).id;
    scenario.s.close();
    passFile = path.join(work, 'pass.txt');
    fs.writeFileSync(passFile, 'a long passphrase\n');
  }, 60_000);

  it('exports, inspects without writing, imports a folder, and says "already imported" the second time', { timeout: 60_000 }, async () => {
    const out = path.join(work, 'outbox', 'chattogram.tvetpkg');
    fs.mkdirSync(path.dirname(out));
    const exported = await run([
      'package',
      'export',
      '--institution',
      institutionId,
      '--identity',
      identityId,
      '--passphrase-file',
      passFile,
      '--out',
      out,
      '--data-dir',
      sender,
      '--json',
    ]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ ok: true, file: out });

    const receiver = path.join(work, 'receiver');
    const inspected = await run(['package', 'inspect', out, '--data-dir', receiver]);
    expect(inspected.code).toBe(0);
    expect(inspected.out).toContain('signed by Farida Yasmin, NSDA (self-signed trial identity — not vouched for by a trusted root)');
    expect(inspected.out).toContain('would add');
    const peek = openTestServices({ dataDir: receiver, bundledFrameworksDir });
    expect(peek.db.prepare('SELECT count(*) AS n FROM assessments').get()).toEqual({ n: 0 });
    peek.close();

    const imported = await run(['package', 'import', path.dirname(out), '--data-dir', receiver, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out).packages[0]).toMatchObject({ result: 'imported' });
    const shown = await run(['assessments', 'show', inspectionId, '--data-dir', receiver, '--json']);
    expect(shown.code).toBe(0);

    const again = await run(['package', 'import', out, '--data-dir', receiver]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('already imported — nothing changed');
  });

  it('refuses a damaged package with exit 1 and the reason, and rejects bad usage with exit 2', { timeout: 60_000 }, async () => {
    const out = path.join(work, 'whole.tvetpkg');
    expect(
      (
        await run([
          'package',
          'export',
          inspectionId,
          '--identity',
          identityId,
          '--passphrase-file',
          passFile,
          '--out',
          out,
          '--data-dir',
          sender,
        ])
      ).code,
    ).toBe(0);
    const bytes = fs.readFileSync(out);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    const damaged = path.join(work, 'damaged.tvetpkg');
    fs.writeFileSync(damaged, bytes);
    const refused = await run(['package', 'import', damaged, '--data-dir', path.join(work, 'third')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/damaged\.tvetpkg: refused — /);

    expect((await run(['package', 'export', '--identity', identityId, '--data-dir', sender])).code).toBe(2);
    expect(
      (await run(['package', 'export', inspectionId, '--institution', institutionId, '--identity', identityId, '--data-dir', sender])).code,
    ).toBe(2);
    expect((await run(['package', 'import', '--data-dir', sender])).code).toBe(2);
    expect((await run(['package', 'frobnicate'])).code).toBe(2);
  });
});
