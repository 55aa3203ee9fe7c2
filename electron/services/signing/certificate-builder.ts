import { createHash, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from './cms-sign';
import { oids } from './oids';

export interface DistinguishedName {
  commonName: string;
  organisation?: string;
  /** X.520 title: the signer's role, e.g. "Lead inspector". */
  title?: string;
  country?: string;
}

export interface CertificateRequest {
  subject: DistinguishedName;
  publicKey: KeyObject;
  /** Omitted for a self-signed certificate. */
  issuer?: { certificate: X509Certificate; key: KeyObject };
  /** The subject's own key, needed only when self-signed. */
  selfSigningKey?: KeyObject;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
}

const attributeTypes = { country: '2.5.4.6', organisation: '2.5.4.10', commonName: '2.5.4.3', title: '2.5.4.12' } as const;

/**
 * X.509 v3 certificates for trial self-signed identities (and the test CA): PKI.js assembles the
 * to-be-signed structure and Node's crypto signs it, for RSA and ECDSA keys alike. Names are UTF8String
 * so a Bangla name survives.
 */
export function buildCertificate(request: CertificateRequest): X509Certificate {
  const signingKey = request.issuer?.key ?? request.selfSigningKey;
  if (!signingKey) throw new Error('A certificate needs an issuer key or, when self-signed, the subject key.');
  const subject = distinguishedName(request.subject);
  const spki = request.publicKey.export({ type: 'spki', format: 'der' });
  const issuerCert = request.issuer ? pkijs.Certificate.fromBER(request.issuer.certificate.raw) : undefined;
  const serial = serialNumberFrom(randomBytes(16));

  const isEc = signingKey.asymmetricKeyType === 'ec';
  const signatureAlgorithm = isEc
    ? new pkijs.AlgorithmIdentifier({ algorithmId: oids.ecdsaWithSha256 })
    : new pkijs.AlgorithmIdentifier({ algorithmId: oids.sha256WithRsa, algorithmParams: new asn1js.Null() });
  const keyId = createHash('sha1').update(subjectPublicKeyBits(spki)).digest();

  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(serial) }),
    signature: signatureAlgorithm,
    issuer: issuerCert ? issuerCert.subject : subject,
    subject,
    notBefore: new pkijs.Time({ type: 0, value: request.notBefore }),
    notAfter: new pkijs.Time({ type: request.notAfter.getUTCFullYear() >= 2050 ? 1 : 0, value: request.notAfter }),
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(spki),
    extensions: [
      extension('2.5.29.19', true, new pkijs.BasicConstraints({ cA: request.ca ?? false }).toSchema()),
      // CAs sign certificates; signers sign documents (digitalSignature + nonRepudiation/contentCommitment).
      extension('2.5.29.15', true, keyUsage(request.ca ? [5, 6] : [0, 1])),
      extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) })),
      ...(issuerCert ? [authorityKeyIdentifier(issuerCert)] : []),
    ],
  });
  const tbs = Buffer.from(certificate.encodeTBS().toBER());
  certificate.tbsView = new Uint8Array(tbs);
  certificate.signatureAlgorithm = signatureAlgorithm;
  const signature = sign('sha256', tbs, isEc ? { key: signingKey, dsaEncoding: 'der' } : signingKey);
  certificate.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(signature) });
  return new X509Certificate(Buffer.from(certificate.toSchema().toBER()));
}

/**
 * A positive 16-octet serial (RFC 5280 §4.1.2.2) whose DER INTEGER is minimal: the first octet is kept
 * in 0x40–0x7f, so it is neither negative nor a zero that DER forbids as padding. (Clearing only the top
 * bit left a leading 0x00 about once in 256 certificates, which OpenSSL then refused to parse.)
 */
export function serialNumberFrom(random: Buffer): Buffer {
  const serial = Buffer.from(random);
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  return serial;
}

function distinguishedName(dn: DistinguishedName): pkijs.RelativeDistinguishedNames {
  const parts: [string, string | undefined, boolean][] = [
    [attributeTypes.country, dn.country, true],
    [attributeTypes.organisation, dn.organisation, false],
    [attributeTypes.title, dn.title, false],
    [attributeTypes.commonName, dn.commonName, false],
  ];
  // One attribute per RDN SET. (PKI.js would put them all in one multi-valued RDN: "O=…+CN=…".)
  const rdnSequence = new asn1js.Sequence({
    value: parts
      .filter(([, value]) => value)
      .map(
        ([type, value, printable]) =>
          new asn1js.Set({
            value: [
              new pkijs.AttributeTypeAndValue({
                type,
                value: printable ? new asn1js.PrintableString({ value: value ?? '' }) : new asn1js.Utf8String({ value: value ?? '' }),
              }).toSchema(),
            ],
          }),
      ),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(rdnSequence.toBER());
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER() });
}

/** KeyUsage BIT STRING with the given bit numbers set (0 = digitalSignature, 1 = nonRepudiation, 5 = keyCertSign, 6 = cRLSign). */
function keyUsage(bits: number[]): asn1js.BitString {
  let value = 0;
  for (const b of bits) value |= 0x80 >> b;
  const highest = Math.max(...bits);
  return new asn1js.BitString({ valueHex: new Uint8Array([value]).buffer, unusedBits: 7 - highest });
}

function authorityKeyIdentifier(issuer: pkijs.Certificate): pkijs.Extension {
  const issuerSpki = Buffer.from(issuer.subjectPublicKeyInfo.toSchema().toBER());
  const keyId = createHash('sha1').update(subjectPublicKeyBits(issuerSpki)).digest();
  const aki = new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) }) });
  return extension('2.5.29.35', false, aki.toSchema());
}

/** The subjectPublicKey BIT STRING contents, hashed for key identifiers (RFC 5280 §4.2.1.2, method 1). */
function subjectPublicKeyBits(spkiDer: Buffer): Buffer {
  const info = pkijs.PublicKeyInfo.fromBER(toArrayBuffer(spkiDer));
  return Buffer.from(info.subjectPublicKey.valueBlock.valueHexView);
}
