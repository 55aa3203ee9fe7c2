import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { printHtmlToPdf } from '../reports/print-pdf';
import { IdentityStore } from './identity-store';
import type { PdfRef } from './pdf-objects';
import { PdfStructure } from './pdf-structure';
import { sampleReportHtml, signatureBoxRect } from './test-fixtures/sample-report';
import { forgePkcs12, issueSigner, makeTestCa, type TestCa } from './test-fixtures/test-pki';
import { TrustedRoots } from './trusted-roots';
import { verifyPdf } from './verify-pdf';

const passphrase = 'inspector passphrase';
const placement = { page: 2, rect: signatureBoxRect, reason: 'Assessment report', location: 'Dhaka' };

let printed: Buffer;
let ca: TestCa;
let dataDir: string;
let signed: Buffer;
let work: string;

/** poppler's pdfsig, which exits 0 even for a broken signature: callers read its text. */
function pdfsig(pdf: Buffer, nssDir?: string): string {
  const file = path.join(work, `pdfsig-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const result = spawnSync('pdfsig', [...(nssDir ? ['-nssdir', `sql:${nssDir}`] : []), file], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

async function cliVerify(pdf: Buffer, ...extra: string[]) {
  const file = path.join(work, `verify-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const out: string[] = [];
  const code = await runCli(['verify', file, '--data-dir', dataDir, ...extra], { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

function byteRangeOf(pdf: Buffer): number[] {
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'));
  return (m?.slice(1) ?? []).map(Number);
}

/** The DER CMS from /Contents, without the zero padding after it. */
function extractSignature(pdf: Buffer): { content: Buffer; cms: Buffer } {
  const [a = 0, b = 0, c = 0, d = 0] = byteRangeOf(pdf);
  const padded = Buffer.from(pdf.toString('latin1').slice(b + 1, c - 1), 'hex');
  const lengthBytes = (padded[1] ?? 0) & 0x7f;
  const length = (padded[1] ?? 0) < 0x80 ? (padded[1] ?? 0) + 2 : 2 + lengthBytes + padded.readUIntBE(2, lengthBytes);
  return { content: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]), cms: padded.subarray(0, length) };
}

function which(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

describe('signing a printed report (PAdES B-B), checked by poppler and OpenSSL', () => {
  beforeAll(async () => {
    // One folder for the whole file (tempDir() is emptied after every test).
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-signing-'));
    dataDir = path.join(work, 'data');
    printed = await printHtmlToPdf(sampleReportHtml, { margin: { top: '0', right: '0', bottom: '0', left: '0' } });
    ca = makeTestCa();
    const signer = issueSigner(ca, { commonName: 'Nasrin Akter', organisation: 'NSDA Accreditation Unit', title: 'Lead inspector' });
    const store = new IdentityStore(dataDir);
    const identity = store.importPkcs12(forgePkcs12(signer.key, [signer.certificate, ca.certificate], passphrase), passphrase, {
      role: 'Lead inspector',
    });
    signed = await store.signPdf(identity.id, passphrase, printed, placement);
  }, 60_000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('pdfsig says the signature is valid, covers the whole document, and is ETSI.CAdES.detached', () => {
    const out = pdfsig(signed);
    expect(out).toContain('Signer Certificate Common Name: Nasrin Akter');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signing Hash Algorithm: SHA-256');
    expect(out).toMatch(/^\s*- Total document signed$/m);
    expect(out).toContain('Signature Validation: Signature is Valid.');
  });

  it('keeps Chromium’s bytes as the first revision and puts the widget on the reserved box of page 2', () => {
    expect(signed.subarray(0, printed.length).equals(printed)).toBe(true);
    const doc = new PdfStructure(signed);
    const page2 = doc.dict(doc.pageRefs()[1] as PdfRef);
    const annots = page2.get('Annots') as PdfRef[];
    const widget = doc.dict(annots.at(-1) as PdfRef);
    expect((widget.get('Rect') as number[]).map((n) => Math.round(n))).toEqual(signatureBoxRect.map((n) => Math.round(n)));
    expect((widget.get('P') as PdfRef).num).toBe((doc.pageRefs()[1] as PdfRef).num);
  });

  it('OpenSSL verifies the extracted CMS over the ByteRange bytes; it has signing-certificate-v2 and no signing-time', () => {
    const { content, cms } = extractSignature(signed);
    fs.writeFileSync(path.join(work, 'content.bin'), content);
    fs.writeFileSync(path.join(work, 'sig.der'), cms);
    const verify = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-binary',
        '-noverify',
        '-content',
        path.join(work, 'content.bin'),
        '-in',
        path.join(work, 'sig.der'),
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    expect(verify.stderr).toContain('CMS Verification successful');
    expect(verify.status).toBe(0);
    const printedCms = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', path.join(work, 'sig.der')], {
      encoding: 'utf8',
    });
    expect(printedCms).toContain('1.2.840.113549.1.9.16.2.47');
    expect(printedCms).toContain('messageDigest (1.2.840.113549.1.9.4)');
    expect(printedCms).toContain('contentType (1.2.840.113549.1.9.3)');
    expect(printedCms).not.toContain('1.2.840.113549.1.9.5');
    expect(printedCms).not.toMatch(/signingTime/i);
    // Detached: no encapsulated content; signer certificate and CA certificate both carried.
    expect(printedCms).toMatch(/eContent: <ABSENT>/);
    expect(printedCms.match(/subject: /g)?.length).toBe(2);
  });

  it('our verification agrees, and says whether the signer chains to a trusted root', () => {
    const untrusted = verifyPdf(signed);
    expect(untrusted).toMatchObject({ valid: true, wholeDocumentCovered: true, modifiedAfterSigning: false, trusted: false, problems: [] });
    expect(untrusted.signatures[0]).toMatchObject({
      fieldName: 'Signature1',
      subFilter: 'ETSI.CAdES.detached',
      pades: true,
      intact: true,
      reason: 'Assessment report',
      location: 'Dhaka',
      signer: { commonName: 'Nasrin Akter', organisation: 'NSDA Accreditation Unit', selfSigned: false },
      chain: ['CN=TVET Test Accreditation CA, O=Test Accrediting Body, C=BD'],
    });
    const roots = new TrustedRoots(dataDir);
    roots.add(ca.certificate.toString());
    const trusted = verifyPdf(signed, { trustedRoots: roots.certificates() });
    expect(trusted).toMatchObject({ valid: true, trusted: true });
    expect(trusted.signatures[0]?.trustedRoot).toBe('CN=TVET Test Accreditation CA, O=Test Accrediting Body, C=BD');
    // A different CA with the same name does not make it trusted.
    const impostor = makeTestCa();
    expect(verifyPdf(signed, { trustedRoots: [impostor.certificate] }).trusted).toBe(false);
  });

  it('tells whether this exact file was recorded on this machine (audit-trail hook)', () => {
    const known = verifyPdf(signed, {
      knownReportHashes: (sha) =>
        sha === verifyPdf(signed).sha256 ? { recordedAt: '2026-02-01T10:00:00.000Z', assessmentId: 'a1' } : null,
    });
    expect(known.recordedReport).toEqual({ recordedAt: '2026-02-01T10:00:00.000Z', assessmentId: 'a1' });
    expect(known.checks.find((c) => c.id === 'recorded')).toMatchObject({ passed: true, required: false });
    const other = verifyPdf(signed, { knownReportHashes: () => null });
    expect(other.recordedReport).toBeNull();
    expect(other.valid).toBe(true);
  });

  it.runIf(which('certutil'))('pdfsig trusts the certificate once the test CA is in an NSS database', () => {
    const nss = path.join(work, 'nssdb');
    fs.mkdirSync(nss);
    fs.writeFileSync(path.join(work, 'ca.pem'), ca.certificate.toString());
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    // pdfsig checks the signer for e-mail/document signing, so the CA needs the second trust flag: "C,," (TLS only) is not enough.
    execFileSync('certutil', ['-A', '-n', 'testca', '-t', 'C,C,', '-i', path.join(work, 'ca.pem'), '-d', `sql:${nss}`]);
    const out = pdfsig(signed, nss);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Certificate is Trusted.');
  });

  it('the command line reports a valid signature with exit 0, listing each check', async () => {
    const text = await cliVerify(signed);
    expect(text.code).toBe(0);
    expect(text.out).toContain('✓ The SHA-256 digest of the signed bytes matches the signature.');
    expect(text.out).toContain('✓ Nothing was added after the last signature.');
    expect(text.out).toContain('VALID');
    const json = await cliVerify(signed, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ valid: true, trusted: true, signatures: [{ signer: { commonName: 'Nasrin Akter' } }] });
  });

  describe('tampering is caught by pdfsig and by our verify (exit 1)', () => {
    it('a flipped byte inside the signed range', async () => {
      const tampered = Buffer.from(signed);
      const at = tampered.indexOf('Skia/PDF');
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThan(byteRangeOf(signed)[1] ?? 0);
      tampered[at] = 'T'.charCodeAt(0);
      const out = pdfsig(tampered);
      expect(out).not.toContain('Signature is Valid.');
      expect(out).toContain('Digest Mismatch.');
      const cli = await cliVerify(tampered);
      expect(cli.code).toBe(1);
      expect(cli.out).toContain('✗ Digest mismatch');
      expect(verifyPdf(tampered).valid).toBe(false);
    });

    it('an incremental update appended after signing', async () => {
      // A proper revision that rewrites the document information (title), as an editor would save it.
      const doc = new PdfStructure(signed);
      const info = doc.trailer.get('Info') as PdfRef;
      const object = `\n${info.num} 0 obj\n<</Title (Forged outcome) /Producer (Someone else)>>\nendobj\n`;
      const xrefAt = signed.length + Buffer.byteLength(object);
      const update = `${object}xref\n${info.num} 1\n${String(signed.length + 1).padStart(10, '0')} 00000 n\r\ntrailer\n<</Size ${doc.size} /Root ${doc.rootRef().num} 0 R /Info ${info.num} 0 R /Prev ${doc.lastXrefOffset}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
      const tampered = Buffer.concat([signed, Buffer.from(update, 'latin1')]);
      const out = pdfsig(tampered);
      expect(out).not.toMatch(/^\s*- Total document signed$/m);
      expect(out).toContain('Not total document signed');
      const result = verifyPdf(tampered);
      expect(result).toMatchObject({ valid: false, modifiedAfterSigning: true, wholeDocumentCovered: false });
      const cli = await cliVerify(tampered);
      expect(cli.code).toBe(1);
      expect(cli.out).toMatch(/✗ The file was changed after it was signed: \d+ byte\(s\) were added/);
    });

    it('bytes appended after %%EOF', async () => {
      const tampered = Buffer.concat([signed, Buffer.from('\n% a note added later\n')]);
      expect(pdfsig(tampered)).not.toMatch(/^\s*- Total document signed$/m);
      expect((await cliVerify(tampered)).code).toBe(1);
    });

    it('a signature taken from another document signed with another key', async () => {
      const otherStore = new IdentityStore(path.join(work, 'other'));
      const other = otherStore.createSelfSigned({ name: 'Mallory', role: 'Forger', organisation: 'Elsewhere', passphrase });
      const otherSigned = await otherStore.signPdf(other.id, passphrase, printed, { page: 1, rect: [0, 0, 10, 10] });
      const { cms } = extractSignature(otherSigned);
      const [, b = 0, c = 0] = byteRangeOf(signed);
      const hex = cms.toString('hex').padEnd(c - b - 2, '0');
      expect(hex.length).toBe(c - b - 2);
      const tampered = Buffer.concat([signed.subarray(0, b + 1), Buffer.from(hex, 'latin1'), signed.subarray(c - 1)]);
      const out = pdfsig(tampered);
      expect(out).not.toContain('Signature is Valid.');
      expect(out).toMatch(/Digest Mismatch|Signature is Invalid/);
      const result = verifyPdf(tampered);
      expect(result.valid).toBe(false);
      expect(result.signatures[0]?.signer?.commonName).toBe('Mallory');
      expect((await cliVerify(tampered)).code).toBe(1);
    });

    it('an unsigned PDF', async () => {
      const cli = await cliVerify(printed);
      expect(cli.code).toBe(1);
      expect(cli.out).toContain('The file has no digital signature.');
    });
  });
});
