import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, hash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import { tempDir } from '../test-support/temp-dir';
import { buildCertificate } from './certificate-builder';
import { keyMatchesCertificate } from './certificates';
import { pkcs12MacKey } from './pkcs12-mac';
import { damagedOrWrongPassphrase, looksLikePkcs12, readStoredPkcs12, writeStoredPkcs12 } from './pkcs12';

const passphrase = 'পাসফ্রেজ correct horse';

function trialKeyFile() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificate = buildCertificate({
    subject: { commonName: 'MAC Test', organisation: 'Test' },
    publicKey,
    selfSigningKey: privateKey,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
  });
  return { key: privateKey, certificate, bytes: writeStoredPkcs12(privateKey, [certificate], passphrase, 'MAC Test') };
}

function openssl(file: string, secret: string) {
  return spawnSync('openssl', ['pkcs12', '-in', file, '-info', '-noout', '-passin', 'env:P'], {
    env: { ...process.env, P: secret },
    encoding: 'utf8',
  });
}

/** RFC 7292 Appendix B.2 written the slow, obvious way with Node's hash(), to check the fast loop. */
function referenceMacKey(secret: string, salt: Buffer, iterations: number): Buffer {
  const fill = (b: Buffer) =>
    Buffer.concat(Array.from({ length: Math.ceil(b.length / 64) * 64 }, (_, i) => b.subarray(i % b.length, (i % b.length) + 1)));
  let a = hash('sha256', Buffer.concat([Buffer.alloc(64, 3), fill(salt), fill(Buffer.from(`${secret}\0`, 'utf16le').swap16())]), 'buffer');
  for (let i = 1; i < iterations; i += 1) a = hash('sha256', a, 'buffer');
  return a;
}

describe('stored PKCS#12 key files', () => {
  it('derives the MAC key exactly as RFC 7292 Appendix B does (fast loop against plain SHA-256)', () => {
    const salt = randomBytes(16);
    for (const iterations of [1, 2, 3, 1000])
      expect(pkcs12MacKey(passphrase, salt, iterations)).toEqual(referenceMacKey(passphrase, salt, iterations));
  });

  it('carries an integrity MAC that OpenSSL 3 verifies with the passphrase, and refuses with any other', () => {
    const dir = tempDir();
    const file = path.join(dir, 'identity.p12');
    fs.writeFileSync(file, trialKeyFile().bytes);
    const opened = openssl(file, passphrase);
    expect(opened.status).toBe(0);
    expect(opened.stderr).toContain('MAC: sha256, Iteration 1200000');
    expect(opened.stderr).toMatch(/MAC length: 32, salt length: 16/);
    const wrong = openssl(file, 'not the passphrase');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/Mac verify error/i);
  });

  it('says "damaged or wrong passphrase" for a flipped byte, where OpenSSL reports a MAC failure too', () => {
    const dir = tempDir();
    const { bytes, certificate } = trialKeyFile();
    // A byte inside the certificate: without a MAC this went unnoticed (the key still matches the public key).
    const at = bytes.indexOf(Buffer.from('MAC Test', 'utf8'));
    expect(at).toBeGreaterThan(0);
    const flipped = Buffer.from(bytes);
    flipped[at] = flipped[at]! ^ 0x01;
    try {
      readStoredPkcs12(flipped, passphrase);
      expect.fail('expected the MAC to fail');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe(damagedOrWrongPassphrase);
      expect((error as AppError).message).toMatch(/damaged/);
    }
    const file = path.join(dir, 'flipped.p12');
    fs.writeFileSync(file, flipped);
    const checked = openssl(file, passphrase);
    expect(checked.status).not.toBe(0);
    expect(checked.stderr).toMatch(/Mac verify error/i);
    // The untouched file opens, and its key matches its certificate.
    const good = readStoredPkcs12(bytes, passphrase);
    expect(good.certificates[0]?.fingerprint256).toBe(certificate.fingerprint256);
    expect(keyMatchesCertificate(good.key, certificate)).toBe(true);
  });

  it('still opens key files written before they carried a MAC', () => {
    const { bytes, certificate } = trialKeyFile();
    const pfx = asn1js.fromBER(new Uint8Array(bytes)).result as asn1js.Sequence;
    pfx.valueBlock.value.pop();
    const legacy = Buffer.from(pfx.toBER());
    expect(legacy.length).toBeLessThan(bytes.length);
    expect(readStoredPkcs12(legacy, passphrase).certificates[0]?.fingerprint256).toBe(certificate.fingerprint256);
    expect(() => readStoredPkcs12(legacy, 'wrong passphrase')).toThrow(/passphrase is not right/);
  });

  it('tells a PKCS#12 file from a keychain-wrapped one by its bytes', () => {
    const { bytes } = trialKeyFile();
    expect(looksLikePkcs12(bytes)).toBe(true);
    // Electron's safeStorage output starts with a version tag ("v10"/"v11"), never a DER SEQUENCE.
    expect(looksLikePkcs12(Buffer.concat([Buffer.from('v11'), randomBytes(200)]))).toBe(false);
    expect(looksLikePkcs12(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]))).toBe(false);
  });
});
