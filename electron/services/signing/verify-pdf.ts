import { createHash, type X509Certificate } from 'node:crypto';
import type { SignatureReport, VerificationCheck, VerificationResult } from '../../../shared/signing/schema';
import { describeCertificate } from './certificates';
import { inspectCms } from './cms-verify';
import { decodeTextString, parsePdfDate, PdfName, PdfParser, PdfRawString, type PdfDict } from './pdf-objects';
import { evaluateTrust } from './trust';

export interface RecordedReport {
  recordedAt: string;
  assessmentId: string;
  /** The change-log head recorded when it was signed, and whether the log here still holds it. */
  changeLog?: { count: number; hash: string; inChain: boolean } | null;
}

export interface VerifyOptions {
  /** Root certificates this machine trusts (TrustedRoots.certificates()). */
  trustedRoots?: X509Certificate[];
  /** The audit trail's lookup: was a report with this SHA-256 made and recorded here? */
  knownReportHashes?: (sha256: string) => RecordedReport | null;
  /** Time for certificate validity when a signature claims none (default now). */
  now?: Date;
}

interface FoundSignature {
  byteRange: number[];
  dict: PdfDict | null;
  fieldName: string | null;
  contents: Buffer | null;
  problem: string | null;
}

/**
 * Verifies every signature in any PDF, by the bytes: each ByteRange must leave out exactly the /Contents
 * hex string, the last signature must reach the end of the file (anything after it is a change made
 * after signing), and each CMS must verify against the bytes it covers. Trust (a chain to a root in
 * `trusted-roots`) and "made on this machine" are reported beside validity, not mixed into it.
 */
export function verifyPdf(pdf: Buffer, options: VerifyOptions = {}): VerificationResult {
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const text = pdf.toString('latin1');
  const found = findSignatures(text);
  const problems: string[] = [];
  const roots = options.trustedRoots ?? [];

  const signatures = found.map((f, index) => checkSignature(pdf, f, index, roots, options.now ?? new Date()));
  const lastEnd = Math.max(0, ...signatures.map((s) => (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0)));
  const wholeDocumentCovered = signatures.length > 0 && lastEnd === pdf.length;
  const modifiedAfterSigning = signatures.length > 0 && lastEnd < pdf.length;

  const checks: VerificationCheck[] = [];
  if (signatures.length === 0) problems.push('The file has no digital signature.');
  for (const s of signatures) for (const p of s.problems) problems.push(`Signature ${s.index + 1}: ${p}`);
  const appended = `The file was changed after it was signed: ${pdf.length - lastEnd} byte(s) were added after the signed revision.`;
  if (modifiedAfterSigning) problems.push(appended);
  checks.push({
    id: 'nothingAppended',
    required: true,
    passed: wholeDocumentCovered,
    detail:
      signatures.length === 0
        ? 'The file has no digital signature.'
        : wholeDocumentCovered
          ? 'Nothing was added after the last signature.'
          : appended,
  });
  const recordedReport = options.knownReportHashes?.(sha256) ?? null;
  if (options.knownReportHashes)
    checks.push({
      id: 'recorded',
      required: false,
      passed: Boolean(recordedReport),
      detail: recordedReport
        ? `This exact file was made on this machine on ${recordedReport.recordedAt} (assessment ${recordedReport.assessmentId}).`
        : 'This exact file is not in this machine’s audit trail (it may have been made on another computer).',
    });
  const head = recordedReport?.changeLog;
  if (head) {
    const detail = head.inChain
      ? `This machine’s change log still holds the head recorded when it was signed (entry ${head.count}, ${head.hash}).`
      : `This machine’s change log no longer holds the head recorded when it was signed (entry ${head.count}, ${head.hash}): it was cut short or rewritten since. Run “tvet-inspector audit verify”.`;
    checks.push({ id: 'changeLogHead', required: false, passed: head.inChain, detail });
    if (!head.inChain) problems.push(detail);
  }

  return {
    valid: signatures.length > 0 && signatures.every((s) => s.intact) && wholeDocumentCovered,
    problems,
    checks,
    sha256,
    size: pdf.length,
    signatures,
    wholeDocumentCovered,
    modifiedAfterSigning,
    trusted: signatures.length > 0 && signatures.every((s) => s.trusted),
    recordedReport,
  };
}

function findSignatures(text: string): FoundSignature[] {
  const out: FoundSignature[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const byteRange = [m[1], m[2], m[3], m[4]].map(Number);
    const [a = -1, b = -1, c = -1, d = -1] = byteRange;
    const found: FoundSignature = { byteRange, dict: null, fieldName: null, contents: null, problem: null };
    out.push(found);
    if (a !== 0 || b <= 0 || c <= b || d < 0 || c + d > text.length) {
      found.problem = `The byte range [${byteRange.join(' ')}] does not describe this file.`;
      continue;
    }
    const gap = text.slice(b, c);
    if (!/^<[0-9A-Fa-f\s]*>$/.test(gap)) {
      found.problem = 'The byte range does not leave out exactly the signature value: the signed bytes and the signature do not line up.';
      continue;
    }
    found.contents = Buffer.from(gap.slice(1, -1).replace(/\s+/g, ''), 'hex');
    const sig = readSignatureDictionary(text, m.index, gap);
    found.dict = sig?.dict ?? null;
    found.fieldName = sig ? fieldNameOf(text, sig.num) : null;
  }
  return out;
}

/** The dictionary that holds this /ByteRange: parsed from its object header, checked to own the same /Contents. */
function readSignatureDictionary(text: string, byteRangeAt: number, contents: string): { dict: PdfDict; num: number } | null {
  const start = objectStartBefore(text, byteRangeAt);
  if (start < 0) return null;
  try {
    const p = new PdfParser(text, start);
    const { num } = p.objectHeader();
    const dict = p.value();
    if (!(dict instanceof Map)) return null;
    const own = dict.get('Contents');
    return own instanceof PdfRawString && own.source === contents ? { dict, num } : null;
  } catch {
    return null;
  }
}

/** The /T of the signature field whose /V points at the signature object (the last such, newest revision). */
function fieldNameOf(text: string, sigNum: number): string | null {
  const re = new RegExp(`/V\\s+${sigNum}\\s+0\\s+R`, 'g');
  let name: string | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    try {
      const p = new PdfParser(text, objectStartBefore(text, m.index));
      p.objectHeader();
      const field = p.value();
      if (field instanceof Map) name = decodeTextString(field.get('T')) ?? name;
    } catch {
      // not a field dictionary; keep looking
    }
  }
  return name;
}

/** Where the `N G obj` header before `pos` starts ("endobj" does not count: a letter precedes its "obj"). */
function objectStartBefore(text: string, pos: number): number {
  for (let i = text.lastIndexOf('obj', pos); i > 0; i = text.lastIndexOf('obj', i - 1)) {
    const m = /(\d+)\s+(\d+)\s+$/.exec(text.slice(Math.max(0, i - 32), i));
    if (m) return i - m[0].length;
  }
  return -1;
}

function checkSignature(pdf: Buffer, found: FoundSignature, index: number, roots: X509Certificate[], now: Date): SignatureReport {
  const checks: VerificationCheck[] = [];
  const problems: string[] = [];
  const name = (key: string) => {
    const v = found.dict?.get(key);
    return v instanceof PdfName ? v.name : null;
  };
  const signingTime = parsePdfDate(decodeTextString(found.dict?.get('M'))) ?? null;
  const report: SignatureReport = {
    index,
    fieldName: found.fieldName,
    subFilter: name('SubFilter'),
    signingTime,
    reason: decodeTextString(found.dict?.get('Reason')) ?? null,
    location: decodeTextString(found.dict?.get('Location')) ?? null,
    byteRange: found.byteRange,
    coversWholeDocument: (found.byteRange[2] ?? 0) + (found.byteRange[3] ?? 0) === pdf.length,
    intact: false,
    pades: false,
    trusted: false,
    trustedRoot: null,
    signer: null,
    chain: [],
    checks,
    problems,
  };

  checks.push({
    id: 'byteRange',
    required: true,
    passed: !found.problem,
    detail: found.problem ?? 'The byte range covers everything but the signature value.',
  });
  if (found.problem || !found.contents) {
    problems.push(found.problem ?? 'The signature value could not be found.');
    return report;
  }
  if (!found.dict) {
    checks.push({ id: 'signatureDictionary', required: true, passed: false, detail: 'The signature dictionary could not be read.' });
    problems.push('The signature dictionary could not be read.');
    return report;
  }
  checks.push({
    id: 'wholeDocument',
    required: false,
    passed: report.coversWholeDocument,
    detail: report.coversWholeDocument
      ? 'The signature covers the whole file.'
      : 'The signature covers an earlier revision only; later bytes are not signed by it.',
  });

  const [a = 0, b = 0, c = 0, d = 0] = found.byteRange;
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const cms = inspectCms(found.contents, signed);
  checks.push(...cms.checks);
  for (const check of cms.checks) if (!check.passed) problems.push(check.detail);
  report.intact = cms.intact;
  if (!cms.signer) return report;

  const signer = describeCertificate(cms.signer);
  report.signer = signer;
  report.pades = report.subFilter === 'ETSI.CAdES.detached' && cms.padesAttributes;
  checks.push({
    id: 'pades',
    required: false,
    passed: report.pades,
    detail: report.pades
      ? 'PAdES baseline B-B: ETSI.CAdES.detached with signing-certificate-v2 and no signing-time attribute.'
      : 'Not PAdES baseline B-B (older adbe.pkcs7 form, or CMS attributes that PAdES does not allow). The signature can still be intact.',
  });

  const at = signingTime ? new Date(signingTime) : now;
  const trust = evaluateTrust(cms.signer, cms.certificates, roots, at, cms.intact);
  const validThen = trust.validAtSigning;
  checks.push({
    id: 'certificateValidity',
    required: false,
    passed: validThen,
    detail: validThen
      ? `The signer’s certificate was valid at the signing time (${signer.validFrom} – ${signer.validTo}).`
      : `The signer’s certificate was not valid at the claimed signing time (${signer.validFrom} – ${signer.validTo}).`,
  });

  report.chain = trust.chain.map((c) => describeCertificate(c).subject);
  report.trusted = trust.trusted;
  report.trustedRoot = trust.trustedRoot ? describeCertificate(trust.trustedRoot).subject : null;
  checks.push({
    id: 'trusted',
    required: false,
    passed: report.trusted,
    detail: report.trusted
      ? `The signer’s certificate chains to a trusted root: ${report.trustedRoot}.`
      : signer.selfSigned
        ? 'The signer’s certificate is self-signed (a trial identity): nobody vouches for who signed.'
        : 'The signer’s certificate does not chain to a root certificate trusted on this machine.',
  });
  return report;
}
