import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { identitySchema, storedIdentitySchema } from '../../../shared/signing/schema';
import { tempDir } from '../test-support/temp-dir';
import { IdentityStore, keyInDesktopKeychainMessage } from './identity-store';
import type { SecretWrapper } from './secret-wrapper';
import { forgePkcs12, issueSigner, makeTestCa, opensslPkcs12 } from './test-fixtures/test-pki';
import { minimalPdf } from './test-fixtures/minimal-pdf';
import { TrustedRoots } from './trusted-roots';
import { verifyPdf } from './verify-pdf';

const passphrase = 'correct horse battery';
const placement = { page: 2, rect: [72, 72, 272, 142] as [number, number, number, number] };

function expectAppError(fn: () => unknown, code: string, message: RegExp) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toMatch(message);
    return;
  }
  expect.fail('expected an AppError');
}

/** Only the public fields of an identity, nothing else (in particular no key material). */
function expectOnlyPublicFields(value: unknown, schema: typeof identitySchema | typeof storedIdentitySchema = identitySchema) {
  expect(schema.strict().safeParse(value).success).toBe(true);
  expect(JSON.stringify(value)).not.toMatch(/PRIVATE KEY|"key"|"d":|privateKey/);
}

describe('signing identities', () => {
  it('creates a self-signed trial identity with a Bangla name, clearly marked, valid three years', () => {
    const dataDir = tempDir();
    const store = new IdentityStore(dataDir, { clock: { now: () => '2026-01-15T09:00:00.000Z' } });
    const identity = store.createSelfSigned({ name: 'রহিমা খাতুন', role: 'Lead inspector', organisation: 'NSDA Quality Unit', passphrase });

    expectOnlyPublicFields(identity);
    expect(identity).toMatchObject({
      name: 'রহিমা খাতুন',
      role: 'Lead inspector',
      organisation: 'NSDA Quality Unit',
      commonName: 'রহিমা খাতুন',
      selfSigned: true,
      keyAlgorithm: 'RSA 3072',
      chain: [],
      createdAt: '2026-01-15T09:00:00.000Z',
    });
    expect(identity.subject).toBe('CN=রহিমা খাতুন, T=Lead inspector, O=NSDA Quality Unit');
    expect(identity.validTo).toBe('2029-01-15T09:00:00.000Z');
    expect(identity.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(store.list()).toEqual([identity]);

    // Files: key file readable by the owner only; metadata carries no secret.
    const p12 = path.join(dataDir, 'identities', `${identity.id}.p12`);
    const json = path.join(dataDir, 'identities', `${identity.id}.json`);
    expect(fs.statSync(p12).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(fs.readFileSync(json, 'utf8'));
    expectOnlyPublicFields(stored, storedIdentitySchema);
    // Written by a host without a keychain: the key is the plain PKCS#12, and every host can open it.
    expect(stored).toMatchObject({ keyWrapped: false, keyWrappedBy: null });
    expect(stored).not.toHaveProperty('keyOpensHere');
    expect(identity).toMatchObject({ keyWrapped: false, keyWrappedBy: null, keyOpensHere: true });
    expect(fs.readdirSync(path.join(dataDir, 'identities')).sort()).toEqual([`${identity.id}.json`, `${identity.id}.p12`].sort());
  });

  it('stores the key as a standard PKCS#12 (PBES2, PBKDF2-SHA256, AES-256) that OpenSSL opens with the passphrase only', () => {
    const dataDir = tempDir();
    const store = new IdentityStore(dataDir);
    const identity = store.createSelfSigned({ name: 'Test Inspector', role: 'Inspector', organisation: 'Head office', passphrase });
    const file = path.join(dataDir, 'identities', `${identity.id}.p12`);
    const opened = spawnSync('openssl', ['pkcs12', '-in', file, '-info', '-nodes', '-passin', 'env:P'], {
      env: { ...process.env, P: passphrase },
      encoding: 'utf8',
    });
    expect(opened.status).toBe(0);
    expect(opened.stderr).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256');
    expect(opened.stdout).toContain('-----BEGIN PRIVATE KEY-----');
    expect(opened.stdout).toContain('-----BEGIN CERTIFICATE-----');
    const wrong = spawnSync('openssl', ['pkcs12', '-in', file, '-nodes', '-passin', 'pass:not the passphrase'], { encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).not.toContain('PRIVATE KEY');
  });

  it('refuses a weak passphrase and missing profile fields with field issues', () => {
    const store = new IdentityStore(tempDir());
    try {
      store.createSelfSigned({ name: '', role: 'Inspector', organisation: 'X', passphrase: 'short' });
      expect.fail('expected a validation error');
    } catch (error) {
      expect((error as AppError).code).toBe('validation');
      expect((error as AppError).issues).toEqual(
        expect.arrayContaining([
          { path: ['name'], message: 'validation.required' },
          { path: ['passphrase'], message: 'signing.validation.passphrase' },
        ]),
      );
    }
  });

  it('imports a CA-issued .p12 with its chain, and refuses a wrong passphrase, a file without key, an expired certificate and junk', () => {
    const dataDir = tempDir();
    const store = new IdentityStore(dataDir);
    const ca = makeTestCa();
    const signer = issueSigner(ca, { commonName: 'Karim Ahmed', organisation: 'BTEB Inspectorate' });
    const p12 = forgePkcs12(signer.key, [signer.certificate, ca.certificate], passphrase);

    expectAppError(() => store.importPkcs12(p12, 'wrong passphrase', { role: 'Inspector' }), 'validation', /passphrase does not open/);
    const imported = store.importPkcs12(p12, passphrase, { role: 'Inspector' });
    expectOnlyPublicFields(imported);
    expect(imported).toMatchObject({
      name: 'Karim Ahmed',
      organisation: 'BTEB Inspectorate',
      selfSigned: false,
      issuer: 'CN=TVET Test Accreditation CA, O=Test Accrediting Body, C=BD',
      chain: ['CN=TVET Test Accreditation CA, O=Test Accrediting Body, C=BD'],
    });

    const noKey = forgePkcs12(null, [signer.certificate], passphrase);
    expectAppError(() => store.importPkcs12(noKey, passphrase, { role: 'Inspector' }), 'signing', /no private key/);

    const expired = issueSigner(ca, { commonName: 'Old Signer' }, { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') });
    const expiredP12 = forgePkcs12(expired.key, [expired.certificate], passphrase);
    expectAppError(() => store.importPkcs12(expiredP12, passphrase, { role: 'Inspector' }), 'signing', /expired/);

    expectAppError(() => store.importPkcs12(randomBytes(512), passphrase, { role: 'Inspector' }), 'validation', /not a PKCS#12/);
    expect(store.list().map((i) => i.id)).toEqual([imported.id]);
  });

  it('imports an ECDSA P-256 .p12 written by OpenSSL 3 and signs with it', async () => {
    const dir = tempDir();
    const store = new IdentityStore(dir);
    const ca = makeTestCa();
    const signer = issueSigner(ca, { commonName: 'EC Signer', organisation: 'Test Org' }, { keyType: 'ec' });
    const identity = store.importPkcs12(opensslPkcs12(dir, signer.key, [signer.certificate, ca.certificate], passphrase), passphrase, {
      role: 'Inspector',
    });
    expect(identity.keyAlgorithm).toBe('ECDSA prime256v1');
    const roots = new TrustedRoots(dir);
    roots.add(ca.certificate.toString());
    const signed = await store.signPdf(identity.id, passphrase, minimalPdf(), placement);
    const result = verifyPdf(signed, { trustedRoots: roots.certificates() });
    expect(result).toMatchObject({ valid: true, trusted: true });
  });

  it('re-encrypts an imported key under a new passphrase when asked', async () => {
    const store = new IdentityStore(tempDir());
    const ca = makeTestCa();
    const signer = issueSigner(ca, { commonName: 'Short Pass' });
    const p12 = forgePkcs12(signer.key, [signer.certificate], '1234');
    expectAppError(() => store.importPkcs12(p12, '1234', { role: 'Inspector' }), 'validation', /at least 8 characters/);
    const identity = store.importPkcs12(p12, '1234', { role: 'Inspector' }, 'a much longer passphrase');
    await expect(store.signPdf(identity.id, '1234', minimalPdf(), placement)).rejects.toMatchObject({ code: 'validation' });
    expect(verifyPdf(await store.signPdf(identity.id, 'a much longer passphrase', minimalPdf(), placement)).valid).toBe(true);
  });

  it('signs only with the right passphrase, and a host wrapper protects the key file on disk', async () => {
    const dataDir = tempDir();
    // Stands in for Electron's safeStorage: the bytes on disk are not the PKCS#12 itself.
    const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
    const secrets: SecretWrapper = { kind: 'os-keychain', wrap: mask, unwrap: mask };
    const store = new IdentityStore(dataDir, { secrets });
    const identity = store.createSelfSigned({ name: 'Wrapped', role: 'Inspector', organisation: 'Org', passphrase });
    const onDisk = fs.readFileSync(path.join(dataDir, 'identities', `${identity.id}.p12`));
    expect(onDisk[0]).not.toBe(0x30); // not a DER SEQUENCE: wrapped
    await expect(store.signPdf(identity.id, 'not my passphrase', minimalPdf(), placement)).rejects.toMatchObject({ code: 'validation' });
    expect(() => store.checkPassphrase(identity.id, passphrase)).not.toThrow();
    const signed = await store.signPdf(identity.id, passphrase, minimalPdf(), placement);
    const result = verifyPdf(signed);
    expect(result.valid).toBe(true);
    expect(result.signatures[0]?.signer).toMatchObject({ commonName: 'Wrapped', selfSigned: true });
    // Without the wrapper the file does not open.
    await expect(new IdentityStore(dataDir).signPdf(identity.id, passphrase, minimalPdf(), placement)).rejects.toBeInstanceOf(AppError);
  });

  it('records that a key is locked with the OS keychain, and a host without one says so plainly instead of "damaged"', async () => {
    const dataDir = tempDir();
    const mask = (b: Buffer) => Buffer.concat([Buffer.from('v11'), Buffer.from(b.map((x) => x ^ 0x5a))]);
    const unmask = (b: Buffer) => Buffer.from(b.subarray(3).map((x) => x ^ 0x5a));
    const desktop = new IdentityStore(dataDir, { secrets: { kind: 'os-keychain', wrap: mask, unwrap: unmask } });
    const identity = desktop.createSelfSigned({ name: 'Desktop Only', role: 'Inspector', organisation: 'Org', passphrase });
    expect(identity).toMatchObject({ keyWrapped: true, keyWrappedBy: 'os-keychain', keyOpensHere: true });
    const json = path.join(dataDir, 'identities', `${identity.id}.json`);
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toMatchObject({ keyWrapped: true, keyWrappedBy: 'os-keychain' });

    // The command line and the browser host have no keychain: listed, marked, and refused with the reason.
    const browserHost = new IdentityStore(dataDir);
    expect(browserHost.list()).toEqual([expect.objectContaining({ id: identity.id, keyWrapped: true, keyOpensHere: false })]);
    for (const attempt of [
      () => browserHost.checkPassphrase(identity.id, passphrase),
      () => browserHost.signDetached(identity.id, passphrase, Buffer.from('manifest')),
    ]) {
      try {
        attempt();
        expect.fail('expected the keychain refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('signing');
        expect((error as AppError).message).toBe(keyInDesktopKeychainMessage);
        expect((error as AppError).message).not.toMatch(/damaged/i);
        expect((error as AppError).issues).toEqual([{ path: ['identityId'], message: 'signing.errors.keyInDesktopKeychain' }]);
      }
    }
    await expect(browserHost.signPdf(identity.id, passphrase, minimalPdf(), placement)).rejects.toMatchObject({
      message: keyInDesktopKeychainMessage,
    });

    // An identity file from before keyWrapped was recorded: judged by its key file's bytes.
    const { keyWrapped: _w, keyWrappedBy: _b, ...legacy } = JSON.parse(fs.readFileSync(json, 'utf8'));
    fs.writeFileSync(json, JSON.stringify(legacy));
    expect(browserHost.get(identity.id)).toMatchObject({ keyWrapped: true, keyWrappedBy: 'os-keychain', keyOpensHere: false });
    expect(desktop.get(identity.id)).toMatchObject({ keyWrapped: true, keyOpensHere: true });
    expect(verifyPdf(await desktop.signPdf(identity.id, passphrase, minimalPdf(), placement)).valid).toBe(true);
  });

  it('says the keychain refused when the desktop keychain cannot unwrap a key (reset keychain, copied folder)', () => {
    const dataDir = tempDir();
    const wrap = (b: Buffer) => Buffer.concat([Buffer.from('v10'), b]);
    new IdentityStore(dataDir, { secrets: { kind: 'os-keychain', wrap, unwrap: (b) => b.subarray(3) } }).createSelfSigned({
      name: 'Old Keychain',
      role: 'Inspector',
      organisation: 'Org',
      passphrase,
    });
    const reset: SecretWrapper = {
      kind: 'os-keychain',
      wrap,
      unwrap: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    const [identity] = new IdentityStore(dataDir, { secrets: reset }).list();
    expect(identity).toMatchObject({ keyWrapped: true, keyOpensHere: true });
    try {
      new IdentityStore(dataDir, { secrets: reset }).checkPassphrase(identity!.id, passphrase);
      expect.fail('expected the keychain refusal');
    } catch (error) {
      expect((error as AppError).code).toBe('signing');
      expect((error as AppError).message).toMatch(/keychain did not open/);
      expect((error as AppError).issues).toEqual([{ path: ['identityId'], message: 'signing.errors.keychainRefused' }]);
    }
  });

  it('opens a key written by the command line in the desktop app too (the key file decides, not the JSON)', async () => {
    const dataDir = tempDir();
    const identity = new IdentityStore(dataDir).createSelfSigned({
      name: 'From the CLI',
      role: 'Inspector',
      organisation: 'Org',
      passphrase,
    });
    const json = path.join(dataDir, 'identities', `${identity.id}.json`);
    // Even a JSON edited to claim a keychain lock does not send the plain file through the keychain.
    fs.writeFileSync(json, JSON.stringify({ ...JSON.parse(fs.readFileSync(json, 'utf8')), keyWrapped: true, keyWrappedBy: 'os-keychain' }));
    const refuse = () => {
      throw new Error('the keychain must not be asked for a plain PKCS#12');
    };
    const desktop = new IdentityStore(dataDir, { secrets: { kind: 'os-keychain', wrap: refuse, unwrap: refuse } });
    expect(verifyPdf(await desktop.signPdf(identity.id, passphrase, minimalPdf(), placement)).valid).toBe(true);
    expect(verifyPdf(await new IdentityStore(dataDir).signPdf(identity.id, passphrase, minimalPdf(), placement)).valid).toBe(true);
  });

  it('signs as the certificate says: an edited JSON cannot turn a trial identity into an issued one', () => {
    const dataDir = tempDir();
    const store = new IdentityStore(dataDir);
    const identity = store.createSelfSigned({ name: 'Trial', role: 'Inspector', organisation: 'Org', passphrase });
    const json = path.join(dataDir, 'identities', `${identity.id}.json`);
    fs.writeFileSync(json, JSON.stringify({ ...JSON.parse(fs.readFileSync(json, 'utf8')), selfSigned: false, issuer: 'CN=Real CA' }));
    expect(store.get(identity.id)).toMatchObject({ selfSigned: false, issuer: 'CN=Real CA' });
    expect(store.open(identity.id, passphrase).identity).toMatchObject({ selfSigned: true, issuer: identity.issuer, name: 'Trial' });
  });

  it('keeps trusted roots as PEM files and refuses certificates that are not roots', () => {
    const dataDir = tempDir();
    const roots = new TrustedRoots(dataDir);
    const ca = makeTestCa();
    const added = roots.add(ca.certificate.toString());
    expect(added).toMatchObject({ commonName: 'TVET Test Accreditation CA', selfSigned: true });
    expect(roots.add(ca.certificate.toString()).file).toBe(added.file);
    expect(roots.summaries()).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, 'trusted-roots', added.file), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const leaf = issueSigner(ca, { commonName: 'Not a CA' });
    expectAppError(() => roots.add(leaf.certificate.toString()), 'validation', /not a certificate authority/);
    expectAppError(() => roots.add('hello'), 'validation', /exactly one certificate/);
  });
});
