import { constants, createHash, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { VerificationCheck } from '../../../shared/signing/schema';
import { digestNames, oids } from './oids';

export interface CmsInspection {
  checks: VerificationCheck[];
  /** The signature itself is intact: digest, signature value and certificate binding all hold. */
  intact: boolean;
  signer: X509Certificate | null;
  certificates: X509Certificate[];
  /** Meets PAdES baseline B-B's CMS rules (signing-certificate-v2 present, no signing-time). */
  padesAttributes: boolean;
}

/**
 * Checks a detached CMS SignedData against the bytes it claims to sign, independently of how it was made:
 * content-type, message-digest, the signature value with the signer's public key, and the ESS
 * signing-certificate(-v2) binding. Every step is reported as a check so a person can see which failed.
 */
export function inspectCms(cms: Buffer, signedContent: Buffer): CmsInspection {
  const checks: VerificationCheck[] = [];
  const fail = (id: string, detail: string): CmsInspection => {
    checks.push({ id, required: true, passed: false, detail });
    return { checks, intact: false, signer: null, certificates: [], padesAttributes: false };
  };

  const parsed = asn1js.fromBER(toArrayBuffer(cms));
  if (parsed.offset === -1) return fail('cms', 'The signature value is not a CMS structure.');
  let signedData: pkijs.SignedData;
  let rawCertificates: Buffer[];
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== oids.signedData) return fail('cms', 'The signature value is not CMS SignedData.');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
    rawCertificates = certificateBytes(contentInfo.content as asn1js.Sequence);
  } catch (error) {
    return fail('cms', `The CMS signature could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const certificates = rawCertificates.map((raw) => new X509Certificate(raw));
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo || signedData.signerInfos.length !== 1) return fail('cms', 'A PDF signature must hold exactly one signer.');
  if (signedData.encapContentInfo.eContent) return fail('cms', 'The CMS signature is not detached: it carries its own content.');
  checks.push({ id: 'cms', required: true, passed: true, detail: 'The signature is a detached CMS SignedData with one signer.' });

  const signerIndex = rawCertificates.findIndex((raw) => matchesSid(pkijs.Certificate.fromBER(toArrayBuffer(raw)), signerInfo.sid));
  const signer = certificates[signerIndex];
  if (!signer) return fail('signerCertificate', 'The signer’s certificate is not included in the signature.');

  const digestName = digestNames[signerInfo.digestAlgorithm.algorithmId];
  if (!digestName) return fail('digest', `Unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}.`);
  const contentDigest = createHash(digestName).update(signedContent).digest();

  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const attr = (type: string) => attrs.find((a) => a.type === type);
  let dataToVerify: Buffer;
  if (signerInfo.signedAttrs) {
    const contentType = attr(oids.contentType)?.values[0];
    const contentTypeOk = contentType instanceof asn1js.ObjectIdentifier && contentType.valueBlock.toString() === oids.data;
    checks.push({
      id: 'contentType',
      required: true,
      passed: contentTypeOk,
      detail: contentTypeOk ? 'Content type is id-data.' : 'The content-type attribute is missing or not id-data.',
    });
    const md = attr(oids.messageDigest)?.values[0];
    const digestOk = md instanceof asn1js.OctetString && Buffer.from(md.valueBlock.valueHexView).equals(contentDigest);
    checks.push({
      id: 'digest',
      required: true,
      passed: digestOk,
      detail: digestOk
        ? `The ${digestName.toUpperCase().replace('SHA', 'SHA-')} digest of the signed bytes matches the signature.`
        : 'Digest mismatch: the signed bytes were changed after signing, or the signature belongs to another document.',
    });
    dataToVerify = Buffer.from(signerInfo.signedAttrs.encodedValue);
    dataToVerify[0] = 0x31;
  } else {
    // Old-style signatures without attributes sign the content directly.
    dataToVerify = signedContent;
  }

  const signatureOk = verifySignatureValue(signerInfo, digestName, dataToVerify, signer);
  checks.push({
    id: 'signatureValue',
    required: true,
    passed: signatureOk,
    detail: signatureOk
      ? 'The signature value verifies with the signer’s public key.'
      : 'The signature value does not verify with the signer’s public key.',
  });

  const v2 = attr(oids.signingCertificateV2)?.values[0];
  const v1 = attr(oids.signingCertificate)?.values[0];
  let bindingOk = true;
  if (v2 || v1) {
    bindingOk = signingCertificateMatches(v2 ?? v1, v2 ? 'sha256' : 'sha1', signer);
    checks.push({
      id: 'signingCertificate',
      required: true,
      passed: bindingOk,
      detail: bindingOk
        ? `The signing-certificate${v2 ? '-v2' : ''} attribute names the signer’s certificate.`
        : 'The signing-certificate attribute names a different certificate than the one that signed.',
    });
  }
  const hasSigningTime = Boolean(attr(oids.signingTime));
  const padesAttributes = Boolean(v2) && !hasSigningTime && Boolean(signerInfo.signedAttrs);
  const intact = checks.every((c) => c.passed) && bindingOk;
  return { checks, intact, signer, certificates, padesAttributes };
}

function verifySignatureValue(signerInfo: pkijs.SignerInfo, digestName: string, data: Buffer, signer: X509Certificate): boolean {
  const algorithm = signerInfo.signatureAlgorithm.algorithmId;
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  try {
    if (algorithm.startsWith('1.2.840.10045.4.3.')) {
      const hash =
        { [oids.ecdsaWithSha256]: 'sha256', [oids.ecdsaWithSha384]: 'sha384', [oids.ecdsaWithSha512]: 'sha512' }[algorithm] ?? digestName;
      return verify(hash, data, { key: signer.publicKey, dsaEncoding: 'der' }, signature);
    }
    if (algorithm === oids.rsaPss) {
      return verify(
        digestName,
        data,
        { key: signer.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
        signature,
      );
    }
    const hash =
      { [oids.sha256WithRsa]: 'sha256', [oids.sha384WithRsa]: 'sha384', [oids.sha512WithRsa]: 'sha512' }[algorithm] ?? digestName;
    return verify(hash, data, signer.publicKey, signature);
  } catch {
    return false;
  }
}

/** SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), … }: the first entry is the signer's. */
function signingCertificateMatches(value: asn1js.BaseBlock | undefined, defaultHash: string, signer: X509Certificate): boolean {
  const certs = (value as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const first = certs?.valueBlock.value[0] as asn1js.Sequence | undefined;
  if (!first) return false;
  let hash = defaultHash;
  let certHash: asn1js.OctetString | undefined;
  for (const part of first.valueBlock.value) {
    if (part instanceof asn1js.Sequence && !certHash) {
      const oid = part.valueBlock.value[0];
      if (oid instanceof asn1js.ObjectIdentifier) hash = digestNames[oid.valueBlock.toString()] ?? 'unknown';
    } else if (part instanceof asn1js.OctetString && !certHash) certHash = part;
  }
  if (!certHash || hash === 'unknown') return false;
  return Buffer.from(certHash.valueBlock.valueHexView).equals(createHash(hash).update(signer.raw).digest());
}

function matchesSid(cert: pkijs.Certificate, sid: unknown): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) return cert.serialNumber.isEqual(sid.serialNumber) && cert.issuer.isEqual(sid.issuer);
  // [0] SubjectKeyIdentifier
  const ski = (sid as asn1js.Constructed).valueBlock?.value?.[0] ?? sid;
  const keyId = Buffer.from((ski as asn1js.OctetString).valueBlock?.valueHexView ?? []);
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.14');
  const parsed = ext?.parsedValue as asn1js.OctetString | undefined;
  return Boolean(parsed) && Buffer.from(parsed?.valueBlock.valueHexView ?? []).equals(keyId);
}

/** The certificates' exact DER bytes as carried in SignedData.certificates ([0] IMPLICIT SET). */
function certificateBytes(signedData: asn1js.Sequence): Buffer[] {
  const set = signedData.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0) as
    asn1js.Constructed | undefined;
  return (set?.valueBlock.value ?? [])
    .filter((c) => c.idBlock.tagClass === 1 && c.idBlock.tagNumber === 16)
    .map((c) => Buffer.from(c.valueBeforeDecodeView));
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
