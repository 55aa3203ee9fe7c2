import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, type X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { buildCertificate, type DistinguishedName } from '../certificate-builder';

/**
 * A throwaway certificate authority made at test time (no private key is ever committed): a root CA,
 * and signer certificates it issues, packed into .p12 files the way a real CA hands them out.
 */
export interface TestCa {
  key: KeyObject;
  certificate: X509Certificate;
}

const day = 24 * 60 * 60 * 1000;

export function makeTestCa(name = 'TVET Test Accreditation CA'): TestCa {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Date.now();
  const certificate = buildCertificate({
    subject: { commonName: name, organisation: 'Test Accrediting Body', country: 'BD' },
    publicKey,
    selfSigningKey: privateKey,
    notBefore: new Date(now - day),
    notAfter: new Date(now + 3650 * day),
    ca: true,
  });
  return { key: privateKey, certificate };
}

export function issueSigner(
  ca: TestCa,
  subject: DistinguishedName,
  options: { keyType?: 'rsa' | 'ec'; notBefore?: Date; notAfter?: Date } = {},
): { key: KeyObject; certificate: X509Certificate } {
  const pair =
    options.keyType === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Date.now();
  const certificate = buildCertificate({
    subject,
    publicKey: pair.publicKey,
    issuer: { certificate: ca.certificate, key: ca.key },
    notBefore: options.notBefore ?? new Date(now - day),
    notAfter: options.notAfter ?? new Date(now + 365 * day),
  });
  return { key: pair.privateKey, certificate };
}

/** A .p12 as node-forge writes it (AES-256 key bag, SHA-1 MAC), with the CA certificate in the chain. Null key: certificates only. */
export function forgePkcs12(key: KeyObject | null, certificates: X509Certificate[], passphrase: string): Buffer {
  const forgeKey = key ? forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }).toString()) : null;
  const certs = certificates.map((c) => forge.pki.certificateFromPem(c.toString()));
  const asn1 = forge.pkcs12.toPkcs12Asn1(forgeKey, certs, passphrase, { algorithm: 'aes256' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** A .p12 as OpenSSL 3 writes it (PBES2 AES-256, SHA-256 MAC); works for ECDSA keys too. */
export function opensslPkcs12(dir: string, key: KeyObject, certificates: X509Certificate[], passphrase: string): Buffer {
  const keyFile = path.join(dir, 'signer-key.pem');
  const certFile = path.join(dir, 'signer-cert.pem');
  const chainFile = path.join(dir, 'signer-chain.pem');
  const out = path.join(dir, 'signer.p12');
  const [leaf, ...chain] = certificates;
  fs.writeFileSync(keyFile, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  fs.writeFileSync(certFile, leaf?.toString() ?? '');
  const args = ['pkcs12', '-export', '-inkey', keyFile, '-in', certFile, '-out', out, '-passout', 'env:TEST_P12_PASS'];
  if (chain.length) {
    fs.writeFileSync(chainFile, chain.map((c) => c.toString()).join('\n'));
    args.push('-certfile', chainFile);
  }
  execFileSync('openssl', args, { env: { ...process.env, TEST_P12_PASS: passphrase } });
  fs.rmSync(keyFile);
  return fs.readFileSync(out);
}
