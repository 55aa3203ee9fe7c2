import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../app-services';
import { forgePkcs12, issueSigner, makeTestCa } from '../signing/test-fixtures/test-pki';
import { reportScenario } from './test-fixtures';

const passphrase = 'trial passphrase 2025';
const label = { en: 'Self-signed — for trial use', bn: 'স্ব-স্বাক্ষরিত — পরীক্ষামূলক ব্যবহারের জন্য' } as const;

let work: string;
let s: AppServices;
const pdfs: Record<string, string> = {};

function pageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
}

function pageTexts(file: string): string[] {
  return Array.from({ length: pageCount(file) }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }),
  );
}

/** Keep the rendered pages when asked (KEEP_REPORTS=<dir>), to look at them. */
function keepPages(file: string, name: string) {
  const keep = process.env.KEEP_REPORTS;
  if (!keep) return;
  fs.mkdirSync(keep, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(keep, name)]);
}

describe('the trial label of a report comes from the signing certificate and heads every page (real Chromium, poppler)', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-trial-label-'));
    const scenario = await reportScenario({ dataDir: path.join(work, 'data') });
    s = scenario.s;
    const assessmentId = scenario.inspection.id;

    // A trial identity whose metadata was edited to look CA-issued: the JSON is a plain file in the data folder.
    const trial = s.identities.createSelfSigned({ name: 'Farida Yasmin', role: 'Lead inspector', organisation: 'NSDA', passphrase });
    const json = path.join(work, 'data', 'identities', `${trial.id}.json`);
    const forged = { ...JSON.parse(fs.readFileSync(json, 'utf8')), selfSigned: false, issuer: 'CN=BTEB Accreditation CA, C=BD' };
    fs.writeFileSync(json, JSON.stringify(forged, null, 2));
    expect(s.identities.get(trial.id).selfSigned).toBe(false);

    const ca = makeTestCa();
    const issued = issueSigner(ca, { commonName: 'Karim Ahmed', organisation: 'BTEB Inspectorate' });
    const real = s.identities.importPkcs12(forgePkcs12(issued.key, [issued.certificate, ca.certificate], passphrase), passphrase, {
      role: 'Inspector',
    });

    const sign = async (name: string, identityId: string, language: 'en' | 'bn') => {
      const file = await s.reports.sign({ assessmentId, language, identityId, passphrase });
      pdfs[name] = path.join(work, `${name}.pdf`);
      fs.writeFileSync(pdfs[name], Buffer.from(file.pdfBase64, 'base64'));
      keepPages(pdfs[name], name);
    };
    await sign('trial-en', trial.id, 'en');
    await sign('trial-bn', trial.id, 'bn');
    await sign('issued-en', real.id, 'en');
  }, 300_000);
  afterAll(() => {
    s?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('prints "Self-signed — for trial use" at the top of every page, cover included, although the JSON says otherwise', () => {
    const pages = pageTexts(pdfs['trial-en']!);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(label.en);
      // In the running header: on the page's first line, above the body.
      expect(text.trimStart().split('\n')[0], `page ${i + 1}`).toContain(label.en);
    });
  });

  it('prints the Bangla label on every page of a Bangla report', () => {
    const pages = pageTexts(pdfs['trial-bn']!);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((text, i) => expect(text.replace(/\s+/g, ' '), `page ${i + 1}`).toContain(label.bn));
  });

  it('names the signer as the certificate does in the signature itself (pdfsig), not as the edited JSON claims', () => {
    const out = execFileSync('pdfsig', [pdfs['trial-en']!], { encoding: 'utf8' });
    expect(out).toContain('Signer Certificate Common Name: Farida Yasmin');
    const lastPage = pageTexts(pdfs['trial-en']!).at(-1) ?? '';
    expect(lastPage).not.toContain('BTEB Accreditation CA');
  });

  it('has no trial label when the certificate was issued by a certificate authority', () => {
    const pages = pageTexts(pdfs['issued-en']!);
    expect(pages.length).toBeGreaterThan(5);
    for (const text of pages) expect(text).not.toContain(label.en);
    expect(pages.at(-1)).toContain('TVET Test Accreditation CA');
  });
});
