import { createHash, sign, type KeyObject, type X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { oids } from './oids';

export interface CmsSigner {
  key: KeyObject;
  certificate: X509Certificate;
  /** Issuing CA certificates, nearest first (not the signer's own). */
  chain: X509Certificate[];
}

/**
 * A detached CMS SignedData that meets PAdES baseline B-B (ETSI EN 319 142-1 §6.3): SHA-256, signed
 * attributes content-type, message-digest and signing-certificate-v2 (binding the signer's certificate by
 * its SHA-256 hash), and deliberately no signing-time — in PAdES the claimed time is the signature
 * dictionary's /M. PKI.js builds the structure; Node's crypto makes the signature, so no WebCrypto key
 * import is needed and ECDSA comes out DER-encoded as CMS expects.
 */
export function buildPadesCms(content: Buffer, signer: CmsSigner): Buffer {
  const certificate = pkijs.Certificate.fromBER(signer.certificate.raw);
  const messageDigest = createHash('sha256').update(content).digest();

  const attributes = [
    new pkijs.Attribute({ type: oids.contentType, values: [new asn1js.ObjectIdentifier({ value: oids.data })] }),
    new pkijs.Attribute({ type: oids.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(messageDigest) })] }),
    new pkijs.Attribute({ type: oids.signingCertificateV2, values: [signingCertificateV2(signer.certificate, certificate)] }),
  ];
  // DER orders the members of a SET OF by their encodings; verifiers hash the bytes as sent, strict ones also check this.
  const sorted = attributes
    .map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }))
    .sort((x, y) => Buffer.compare(x.der, y.der))
    .map((x) => x.a);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted });
  // What is signed is the DER of the attributes with the universal SET tag instead of [0] IMPLICIT (RFC 5652 §5.4).
  const toSign = Buffer.from(signedAttrs.toSchema().toBER());
  toSign[0] = 0x31;

  const isEc = signer.key.asymmetricKeyType === 'ec';
  const signatureValue = sign('sha256', toSign, isEc ? { key: signer.key, dsaEncoding: 'der' } : signer.key);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs,
    signatureAlgorithm: isEc
      ? new pkijs.AlgorithmIdentifier({ algorithmId: oids.ecdsaWithSha256 })
      : new pkijs.AlgorithmIdentifier({ algorithmId: oids.sha256WithRsa, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signatureValue) }),
  });

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oids.data }),
    certificates: [certificate, ...signer.chain.map((c) => pkijs.Certificate.fromBER(c.raw))],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: oids.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035), one entry for the signer. */
function signingCertificateV2(x509: X509Certificate, certificate: pkijs.Certificate): asn1js.Sequence {
  const certHash = createHash('sha256').update(x509.raw).digest();
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: certificate.issuer })] }),
    serialNumber: certificate.serialNumber,
  });
  // hashAlgorithm is omitted: SHA-256 is its DEFAULT, and DER leaves defaults out.
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial.toSchema()],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function sha256Algorithm(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: oids.sha256, algorithmParams: new asn1js.Null() });
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
