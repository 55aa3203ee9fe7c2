import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportScenario } from '../electron/services/reports/test-fixtures';
import { measureAsync, type Measurement } from './measure';

/**
 * The accreditation report of a 106-criterion inspection of two programmes, with evidence and a gap
 * table: rendered for preview, and printed by headless Chromium and signed (PAdES B-B), in each language.
 * Signing a finalised assessment again is allowed, so every run makes and keeps a new signed file.
 */
export async function reportBenchmarks(): Promise<Measurement[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-bench-report-'));
  const { s, inspection } = await reportScenario({ dataDir });
  try {
    const identity = s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA',
      passphrase: 'benchmark passphrase',
    });
    const sign = (language: 'en' | 'bn') => () =>
      s.reports.sign({ assessmentId: inspection.id, language, identityId: identity.id, passphrase: 'benchmark passphrase' });
    const note = (language: string) => `${language}; launches Chromium, prints, signs, keeps the file`;
    return [
      await measureAsync('report: preview HTML, 106 criteria × 2 programmes (en)', 10, async () =>
        s.reports.preview(inspection.id, 'en', identity.id),
      ),
      await measureAsync('report: generate + sign PDF (en)', 5, sign('en'), note('English')),
      await measureAsync('report: generate + sign PDF (bn)', 5, sign('bn'), note('Bangla')),
    ];
  } finally {
    s.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
