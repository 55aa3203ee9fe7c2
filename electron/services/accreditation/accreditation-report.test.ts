import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../app-services';
import { rateAll, setUp, testClock } from '../assessments/test-fixtures';
import { actingAs, asReviewer, testCountersigner } from '../test-support/reviewer';
import { tempDir } from '../test-support/temp-dir';

const passphrase = 'trial passphrase 2026';
const artifacts = path.resolve(import.meta.dirname, '..', '..', '..', 'e2e', 'artifacts');
const flat = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

let s: AppServices;
const text: Record<'en' | 'bn', string> = { en: '', bn: '' };

describe('the signed report of a countersigned "not recommended" inspection (real SQLite, real Chromium, pdftotext)', () => {
  beforeAll(async () => {
    const fixture = setUp({ clock: testClock('2026-01-31T06:00:00.000Z') });
    s = fixture.s;
    s.settings.update({ userName: 'Farida Yasmin', role: 'inspector', organisation: 'NSDA Accreditation Unit', onboarded: true });
    const a = s.assessments.create(fixture.input());
    rateAll(s, a.id, (unit) =>
      unit.criterionId === 'GQ-01' ? { rating: 0, evidenceSeen: ['DOC', 'OBS'], note: 'No registration.' } : undefined,
    );
    const submitted = s.workflow.submit(a.id, a.revision);
    actingAs(s, testCountersigner, () =>
      s.accreditation.countersign({
        assessmentId: a.id,
        revision: submitted.revision,
        comment: 'Registration lapsed in 2024; confirmed with NSDA.',
      }),
    );
    asReviewer(s, () => s.workflow.finalise(a.id, s.assessments.get(a.id).assessment.revision));
    const identityId = s.identities.createSelfSigned({ name: 'Shirin Akhter', role: 'Reviewer', organisation: 'NSDA', passphrase }).id;
    const work = tempDir();
    fs.mkdirSync(artifacts, { recursive: true });
    for (const language of ['en', 'bn'] as const) {
      const file = await asReviewer(s, () =>
        s.reports.sign({ assessmentId: a.id, language, identityId, passphrase, bengaliDigits: language === 'bn' }),
      );
      const pdf = path.join(work, `report-${language}.pdf`);
      fs.writeFileSync(pdf, Buffer.from(file.pdfBase64, 'base64'));
      fs.copyFileSync(pdf, path.join(artifacts, `accreditation-countersigned-report-${language}.pdf`));
      text[language] = flat(pdf);
    }
  }, 240_000);
  afterAll(() => s?.close());

  it('prints the countersignature (name, role, date, comment) and the next due date, without validity, in English', () => {
    expect(text.en).toContain(`Countersignature: Countersigned by ${testCountersigner.userName} (Head office) on 31 January 2026`);
    expect(text.en).toContain('Registration lapsed in 2024; confirmed with NSDA.');
    expect(text.en).toContain('No validity: a “Not recommended” outcome is not aligned');
    // The critical corrective action is due in 30 days: the next inspection with it.
    expect(text.en).toContain('Next inspection due 2 March 2026');
  });

  it('prints them in Bangla with Bengali digits', () => {
    expect(text.bn).toContain('প্রতিস্বাক্ষর: ৩১ জানুয়ারি, ২০২৬');
    expect(text.bn).toContain('কোনো মেয়াদ নেই');
    expect(text.bn).toContain(testCountersigner.userName);
    expect(text.bn).toMatch(/পরবর্তী পরিদর্শনের নির্ধারিত তারিখ ২ মার্চ, ২০২৬/);
  });
});
