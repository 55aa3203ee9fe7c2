import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ManifestEntry, PackageHeader } from '../../../../../shared/exchange/manifest';
import { AppError } from '../../../../../shared/ipc/result';
import { buildPadesCms, type CmsSigner } from '../../../signing/cms-sign';
import { issueSigner, makeTestCa, type TestCa } from '../../../signing/test-fixtures/test-pki';
import type { RawEntry } from './raw-zip';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A signer issued by a throwaway test CA, with the CA certificate carried in the chain. */
export function caSigner(ca: TestCa = makeTestCa()): CmsSigner & { ca: TestCa } {
  const s = issueSigner(ca, { commonName: 'Rahima Khatun', organisation: 'NSDA Quality Unit', title: 'Lead inspector' });
  return { key: s.key, certificate: s.certificate, chain: [ca.certificate], ca };
}

export function header(signer: { certificate: { fingerprint256: string } }, createdAt = new Date().toISOString()): PackageHeader {
  return {
    kind: 'assessments',
    appVersion: '0.1.0',
    createdAt,
    creator: {
      name: 'Rahima Khatun',
      organisation: 'NSDA Quality Unit',
      role: 'Lead inspector',
      certificateFingerprint: signer.certificate.fingerprint256,
    },
    changeLog: { headHash: 'ab'.repeat(32), count: 42 },
    contents: {
      frameworks: 1,
      institutions: 1,
      programmes: 0,
      assessments: 1,
      evidenceFiles: 1,
      evidenceBytes: 4096,
      reports: 1,
      trustedRoots: 1,
    },
  };
}

export interface PackageFile {
  path: string;
  data: Buffer;
  method?: number;
}

/** One file of each kind: JSON records, a framework, a photo, a report and a root certificate. */
export function sampleFiles(ca: TestCa): PackageFile[] {
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(4092)]);
  const report = Buffer.from(`%PDF-1.7\n% a report\n${randomBytes(512).toString('hex')}\n%%EOF\n`);
  const root = Buffer.from(ca.certificate.toString());
  return [
    { path: 'data/assessments.json', data: Buffer.from(JSON.stringify([{ id: 'a1', status: 'finalised', notes: 'x'.repeat(300) }])) },
    { path: 'frameworks/0b0e8a8c-3c1f-4b0e-9d6a-1f2e3d4c5b6a.json', data: Buffer.from(JSON.stringify({ id: 'f', criteria: [] })) },
    { path: `evidence/${sha256(photo)}`, data: photo },
    { path: `reports/${sha256(report)}.pdf`, data: report },
    { path: `trusted-roots/${sha256(Buffer.from(ca.certificate.raw))}.pem`, data: root },
  ];
}

/**
 * A signed package as raw zip entries (files, then manifest, then signature), for rawZip after the
 * test has changed whatever it wants. `listed` replaces the manifest's entry list; `manifest` edits
 * the manifest object before it is signed.
 */
export function signedEntries(
  signer: CmsSigner,
  files: PackageFile[],
  options: { listed?: ManifestEntry[]; manifest?: (m: Record<string, unknown>) => Record<string, unknown>; createdAt?: string } = {},
): RawEntry[] {
  const entries = options.listed ?? files.map((f) => ({ path: f.path, size: f.data.length, sha256: sha256(f.data) }));
  let manifest: Record<string, unknown> = { format: 'tvetpkg', formatVersion: 1, ...header(signer, options.createdAt), entries };
  if (options.manifest) manifest = options.manifest(manifest);
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  return [
    ...files.map((f) => ({ name: f.path, data: f.data, method: f.method ?? (/^(evidence|reports)\//.test(f.path) ? 0 : 8) })),
    { name: 'manifest.json', data: bytes, method: 8 },
    { name: 'manifest.json.p7s', data: buildPadesCms(bytes, signer) },
  ];
}

/** Every file and folder under `dir` with its size: compared before and after, it shows nothing was written. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      const stat = fs.lstatSync(full);
      out.push(`${path.relative(dir, full)}${stat.isDirectory() ? '/' : ` ${stat.size}`}`);
      if (stat.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}

/** Awaits a refusal with this key; returns its values for further checks. */
export async function expectRefused(work: Promise<unknown> | (() => Promise<unknown>), key: string): Promise<Record<string, string>> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe('validation');
    const issue = e.issues?.[0]?.message ?? '';
    expect(issue.split(':')[0], e.message).toBe(`exchange.refused.${key}`);
    expect(e.message).not.toMatch(/\{\{/);
    return Object.fromEntries(
      issue
        .split(':')
        .slice(1)
        .map((p) => [p.slice(0, p.indexOf('=')), decodeURIComponent(p.slice(p.indexOf('=') + 1))]),
    );
  }
  return expect.fail(`expected the package to be refused with ${key}`);
}
