import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IdentityStore } from '../../services/signing/identity-store';
import { minimalPdf } from '../../services/signing/test-fixtures/minimal-pdf';
import { forgePkcs12, issueSigner, makeTestCa } from '../../services/signing/test-fixtures/test-pki';
import { tempDir } from '../../services/test-support/temp-dir';
import { runForTest } from '../run-for-test';

const run = runForTest;

afterEach(() => {
  delete process.env.TVET_PASSPHRASE;
});

describe('identity and verify commands', () => {
  it('creates a trial identity with the passphrase from a file, lists it, and it signs', async () => {
    const dataDir = tempDir();
    const passFile = path.join(dataDir, 'pass.txt');
    fs.writeFileSync(passFile, 'field laptop passphrase\n');
    const created = await run([
      'identity',
      'create',
      '--name',
      'Salma Begum',
      '--organisation',
      'NSDA',
      '--role',
      'Inspector',
      '--passphrase-file',
      passFile,
      '--data-dir',
      dataDir,
    ]);
    expect(created.code).toBe(0);
    expect(created.out).toContain('SELF-SIGNED (trial use only)');
    const list = await run(['identity', 'list', '--data-dir', dataDir, '--json']);
    const [identity] = JSON.parse(list.out).items;
    expect(identity).toMatchObject({ name: 'Salma Begum', selfSigned: true });
    // The trailing newline of the file is not part of the passphrase.
    const signed = await new IdentityStore(dataDir).signPdf(identity.id, 'field laptop passphrase', minimalPdf(), {
      page: 1,
      rect: [50, 50, 200, 100],
    });
    const file = path.join(dataDir, 'signed.pdf');
    fs.writeFileSync(file, signed);
    const verified = await run(['verify', file, '--data-dir', dataDir]);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('[SELF-SIGNED: trial identity]');
    expect(verified.out).toContain('NOT vouched for by a trusted root');
  });

  it('imports a .p12 with the passphrase from TVET_PASSPHRASE, trusts its CA, and then verification says trusted', async () => {
    const dataDir = tempDir();
    const ca = makeTestCa();
    const signer = issueSigner(ca, { commonName: 'Abdul Karim', organisation: 'BTEB' });
    const p12 = path.join(dataDir, 'karim.p12');
    fs.writeFileSync(p12, forgePkcs12(signer.key, [signer.certificate, ca.certificate], 'issued passphrase'));
    const caFile = path.join(dataDir, 'ca.pem');
    fs.writeFileSync(caFile, ca.certificate.toString());

    expect((await run(['identity', 'import', p12, '--role', 'Inspector', '--data-dir', dataDir])).code).toBe(2);
    process.env.TVET_PASSPHRASE = 'wrong passphrase';
    const wrong = await run(['identity', 'import', p12, '--role', 'Inspector', '--data-dir', dataDir, '--json']);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.out)).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'The passphrase does not open this certificate file.' },
    });
    process.env.TVET_PASSPHRASE = 'issued passphrase';
    const imported = await run(['identity', 'import', p12, '--role', 'Inspector', '--data-dir', dataDir]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Abdul Karim, Inspector, BTEB');

    const trust = await run(['identity', 'trust', caFile, '--data-dir', dataDir]);
    expect(trust.code).toBe(0);
    expect((await run(['identity', 'roots', '--data-dir', dataDir])).out).toContain('CN=TVET Test Accreditation CA');

    const [identity] = new IdentityStore(dataDir).list();
    const file = path.join(dataDir, 'signed.pdf');
    fs.writeFileSync(
      file,
      await new IdentityStore(dataDir).signPdf(identity?.id ?? '', 'issued passphrase', minimalPdf(), {
        page: 2,
        rect: [50, 50, 200, 100],
      }),
    );
    const json = JSON.parse((await run(['verify', file, '--json', '--data-dir', dataDir])).out);
    expect(json).toMatchObject({ valid: true, trusted: true });
  });

  it('lists a desktop identity whose key the OS keychain locks as locked, with the reason, not as damaged', async () => {
    const dataDir = tempDir();
    const wrap = (b: Buffer) => Buffer.concat([Buffer.from('v10'), Buffer.from(b.map((x) => x ^ 0x33))]);
    const desktop = new IdentityStore(dataDir, { secrets: { kind: 'os-keychain', wrap, unwrap: wrap } });
    desktop.createSelfSigned({ name: 'Rahima Khatun', role: 'Inspector', organisation: 'NSDA', passphrase: 'desktop passphrase' });
    new IdentityStore(dataDir).createSelfSigned({
      name: 'Salma Begum',
      role: 'Inspector',
      organisation: 'NSDA',
      passphrase: 'cli passphrase',
    });
    const list = await run(['identity', 'list', '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    const blocks = list.out.split(/\n(?=[0-9a-f-]{36} )/);
    const rahima = blocks.find((b) => b.includes('Rahima Khatun'));
    const salma = blocks.find((b) => b.includes('Salma Begum'));
    expect(rahima).toContain('Rahima Khatun');
    expect(rahima).toContain(
      "KEY LOCKED: This identity's key is locked with the desktop app's operating-system keychain; open it in the desktop app.",
    );
    expect(salma).toContain('Salma Begum');
    expect(salma).toContain('Key: locked with its passphrase (opens here and in the desktop app).');
    expect(list.out).not.toMatch(/damaged/i);
    const json = JSON.parse((await run(['identity', 'list', '--json', '--data-dir', dataDir])).out);
    const opens = Object.fromEntries(json.items.map((i: { name: string; keyOpensHere: boolean }) => [i.name, i.keyOpensHere]));
    expect(opens).toEqual({ 'Rahima Khatun': false, 'Salma Begum': true });
  });

  it('uses exit code 2 for usage errors', async () => {
    const dataDir = tempDir();
    expect((await run(['verify', '--data-dir', dataDir])).code).toBe(2);
    expect((await run(['verify', 'a.pdf', 'b.pdf', '--data-dir', dataDir])).code).toBe(2);
    expect((await run(['verify', 'a.pdf', '--frobnicate'])).code).toBe(2);
    expect((await run(['identity', 'create', '--name', 'X', '--data-dir', dataDir])).code).toBe(2);
    expect((await run(['identity', 'explode', '--data-dir', dataDir])).code).toBe(2);
    // A missing file is a failed check, not a usage error.
    expect((await run(['verify', path.join(dataDir, 'missing.pdf'), '--data-dir', dataDir])).code).toBe(1);
  });
});
