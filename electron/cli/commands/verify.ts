import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/ipc/result';
import type { VerificationCheck, VerificationResult } from '../../../shared/signing/schema';
import { TrustedRoots } from '../../services/signing/trusted-roots';
import { openRecordedReports } from '../../services/reports/recorded-reports';
import { verifyPdf } from '../../services/signing/verify-pdf';
import { defaultDataDir } from '../../services/support/data-dir';
import { exitCodes, UsageError, type Output } from '../cli-context';

export const verifyUsage = `verify <file.pdf> [--json]     check a signed report: exit 0 valid, 1 invalid, modified or unsigned`;

/**
 * Checks a signed PDF against the data folder's trusted roots and, when the folder has a database, its
 * audit trail (read-only: was this exact file signed here?). Works without any database too.
 */
export function runVerify(args: string[], o: Output): number {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('verify needs exactly one PDF file.');
  const file = path.resolve(positionals[0] ?? '');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new AppError('not-found', `Cannot read ${file}.`);
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const roots = new TrustedRoots(dataDir);
  const recorded = openRecordedReports(dataDir);
  let result: VerificationResult;
  try {
    result = verifyPdf(bytes, { trustedRoots: roots.certificates(), ...(recorded ? { knownReportHashes: recorded.lookup } : {}) });
  } finally {
    recorded?.close();
  }
  if (o.json) o.out(JSON.stringify({ file, ...result }, null, 2));
  else printResult(file, result, o);
  return result.valid ? exitCodes.ok : exitCodes.failed;
}

function printResult(file: string, r: VerificationResult, o: Output) {
  const line = (c: VerificationCheck) => `${c.passed ? '✓' : '✗'} ${c.detail}${c.required || c.passed ? '' : '  (information)'}`;
  o.out(`File: ${file}`);
  o.out(`SHA-256: ${r.sha256}`);
  for (const s of r.signatures) {
    const who = s.signer ? `${s.signer.commonName}${s.signer.organisation ? ` (${s.signer.organisation})` : ''}` : 'unknown signer';
    o.out('');
    o.out(
      `Signature ${s.index + 1}${s.fieldName ? ` "${s.fieldName}"` : ''}: ${who}${s.signingTime ? `, signed ${s.signingTime} (time claimed by the signer)` : ''}`,
    );
    for (const c of s.checks) o.out(`  ${line(c)}`);
    if (s.signer) {
      o.out(`  Certificate: ${s.signer.subject}`);
      o.out(`  Issued by:   ${s.signer.issuer}${s.signer.selfSigned ? '  [SELF-SIGNED: trial identity]' : ''}`);
      o.out(`  Fingerprint: ${s.signer.fingerprintSha256}`);
      o.out(`  Valid:       ${s.signer.validFrom} – ${s.signer.validTo}`);
    }
  }
  o.out('');
  for (const c of r.checks) o.out(line(c));
  o.out('');
  if (r.valid)
    o.out(
      `VALID: the signature is intact and the document has not been changed since it was signed. ${r.trusted ? 'The signer is trusted.' : 'The signer is NOT vouched for by a trusted root on this machine.'}`,
    );
  else {
    o.out('INVALID: do not rely on this document.');
    for (const p of r.problems) o.out(`  - ${p}`);
  }
}
