import { createPublicKey, type KeyObject, type X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { CertificateSummary } from '../../../shared/signing/schema';

const shortNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'E',
};

interface NameParts {
  text: string;
  values: Map<string, string>;
}

/** Distinguished names read with PKI.js, so Bangla names in UTF8String come out as text, not escapes. */
function readName(name: pkijs.RelativeDistinguishedNames): NameParts {
  const values = new Map<string, string>();
  const parts: string[] = [];
  for (const tv of name.typesAndValues) {
    const short = shortNames[tv.type] ?? tv.type;
    const value = String((tv.value.valueBlock as { value?: unknown }).value ?? '');
    if (!values.has(short)) values.set(short, value);
    parts.push(`${short}=${value}`);
  }
  return { text: parts.reverse().join(', '), values };
}

/**
 * Issued to itself and signed by its own key. (Not `checkIssued(cert)`: OpenSSL also wants keyCertSign
 * there, which a trial signer's certificate rightly lacks.)
 */
export function isSelfSigned(cert: X509Certificate): boolean {
  return cert.subject === cert.issuer && cert.verify(cert.publicKey);
}

export function keyAlgorithm(key: KeyObject): string {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa') return `RSA ${details?.modulusLength ?? ''}`.trim();
  if (key.asymmetricKeyType === 'ec') return `ECDSA ${details?.namedCurve ?? ''}`.trim();
  return key.asymmetricKeyType ?? 'unknown';
}

export function describeCertificate(cert: X509Certificate): CertificateSummary {
  const parsed = pkijs.Certificate.fromBER(cert.raw);
  const subject = readName(parsed.subject);
  const issuer = readName(parsed.issuer);
  return {
    subject: subject.text,
    issuer: issuer.text,
    commonName: subject.values.get('CN') ?? '',
    organisation: subject.values.get('O') ?? '',
    serialNumber: cert.serialNumber.toUpperCase(),
    fingerprintSha256: cert.fingerprint256,
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    selfSigned: isSelfSigned(cert),
    keyAlgorithm: keyAlgorithm(cert.publicKey),
  };
}

/** Whether the private key belongs to the certificate (same public key). */
export function keyMatchesCertificate(key: KeyObject, cert: X509Certificate): boolean {
  const fromKey = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const fromCert = cert.publicKey.export({ type: 'spki', format: 'der' });
  return fromKey.equals(fromCert);
}

export function isValidAt(cert: X509Certificate, at: Date): boolean {
  return at >= new Date(cert.validFrom) && at <= new Date(cert.validTo);
}

/**
 * Orders certificates from the signer up: each next one is the issuer of the previous (by name and
 * signature). Stops at a self-signed certificate or when no issuer is among the candidates.
 */
export function buildChain(leaf: X509Certificate, candidates: X509Certificate[]): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let current = leaf;
  for (let depth = 0; depth < 10 && !isSelfSigned(current); depth += 1) {
    const issuer = candidates.find((c) => c !== current && !chain.includes(c) && current.checkIssued(c) && current.verify(c.publicKey));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}
