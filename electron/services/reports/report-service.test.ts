import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result';
import type { SignedReportFile } from '../../../shared/reports/schema';
import type { AppServices } from '../app-services';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { signatureRect } from './page-geometry';
import { banglaNote, reportScenario, scriptNote } from './test-fixtures';
import { toBengaliDigits } from '../../../shared/validation/digits';

const artifacts = path.resolve(import.meta.dirname, '..', '..', '..', 'e2e', 'artifacts');
const passphrase = 'trial passphrase 2025';

let work: string;
let s: AppServices;
let scenario: Awaited<ReturnType<typeof reportScenario>>;
let identityId: string;
const signed: Partial<Record<'en' | 'bn', { file: SignedReportFile; bytes: Buffer; path: string; text: string; ms: number }>> = {};

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
}

function pageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
}

describe('the signed accreditation report of a full inspection (real SQLite, real Chromium)', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-report-'));
    scenario = await reportScenario({ dataDir: path.join(work, 'data') });
    s = scenario.s;
    identityId = s.identities.createSelfSigned({
      name: 'Farida Yasmin',
      role: 'Lead inspector',
      organisation: 'NSDA Accreditation Unit',
      passphrase,
    }).id;
    for (const language of ['en', 'bn'] as const) {
      const started = performance.now();
      const file = await s.reports.sign({ assessmentId: scenario.inspection.id, language, identityId, passphrase });
      const ms = Math.round(performance.now() - started);
      const bytes = Buffer.from(file.pdfBase64, 'base64');
      const out = path.join(work, `report-${language}.pdf`);
      fs.writeFileSync(out, bytes);
      signed[language] = { file, bytes, path: out, text: execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }), ms };
    }
    // Reported, not asserted: the time depends on the machine (issue 7 keeps the figures).
    console.info(`generate + sign, ${scenario.units.length} units: en ${signed.en?.ms} ms, bn ${signed.bn?.ms} ms`);
  }, 180_000);
  afterAll(() => {
    s?.close();
    if (process.env.KEEP_REPORTS) fs.cpSync(work, process.env.KEEP_REPORTS, { recursive: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('covers the whole framework scope: 105 units of a welding mobility programme and a care programme', () => {
    expect(scenario.units).toHaveLength(105);
  });

  it('finalised the submitted assessment when it was signed, and the assessment is locked', () => {
    const { assessment } = s.assessments.get(scenario.inspection.id);
    expect(assessment.status).toBe('finalised');
    expect(assessment.score?.decision).toBe('recommended-with-conditions');
    let refusal: unknown = null;
    try {
      s.ratings.save({ assessmentId: assessment.id, criterionId: 'GQ-01', programmeId: null, patch: { rating: 0 } });
    } catch (error) {
      refusal = error;
    }
    expect((refusal as AppError | null)?.code).toBe('locked');
    // Finalising raised one corrective action per non-conformity; the report lists them with owner and due date.
    expect(
      s.correctiveActions
        .list({ assessmentId: assessment.id })
        .map((a) => a.criterionId)
        .sort(),
    ).toEqual(['CON-03', 'IF-05', 'TA-04']);
  });

  it('refuses to sign a draft, with a message the screen translates, and changes nothing', async () => {
    const draft = s.assessments.create({
      kind: 'inspection',
      institutionId: scenario.institution.id,
      programmeIds: [scenario.welding.id],
      frameworkVersionId: scenario.inspection.frameworkVersionId,
      team: [{ name: 'Farida Yasmin', role: 'lead-inspector' }],
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    });
    const error = await s.reports.sign({ assessmentId: draft.id, language: 'en', identityId, passphrase }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues?.[0]?.message).toBe('reports.errors.draft');
    expect(s.assessments.get(draft.id).assessment.status).toBe('draft');
    expect(s.reports.list(draft.id)).toEqual([]);
  });

  it('refuses a wrong passphrase before finalising anything', async () => {
    const other = await reportScenario({ dataDir: path.join(work, 'other') });
    const id = other.s.identities.createSelfSigned({ name: 'A B', role: 'Inspector', organisation: 'X', passphrase }).id;
    const error = await other.s.reports
      .sign({ assessmentId: other.inspection.id, language: 'en', identityId: id, passphrase: 'not the passphrase' })
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('validation');
    expect((error as AppError).issues).toEqual([{ path: ['passphrase'], message: 'reports.errors.wrongPassphrase' }]);
    expect(other.s.assessments.get(other.inspection.id).assessment.status).toBe('submitted');
    other.s.close();
  });

  it('carries a signature poppler calls valid, over the whole document', () => {
    for (const language of ['en', 'bn'] as const) {
      const out = run('pdfsig', [signed[language]!.path]);
      expect(out, language).toContain('Signature is Valid.');
      expect(out, language).toMatch(/^\s*- Total document signed$/m);
      expect(out, language).toContain('Signer Certificate Common Name: Farida Yasmin');
      expect(out, language).toContain('Signature Type: ETSI.CAdES.detached');
    }
  });

  it('is a tagged PDF with an outline of its sections', () => {
    const info = execFileSync('pdfinfo', [signed.en!.path], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const outline = run('pdfinfo', ['-struct', signed.en!.path]);
    expect(outline.length).toBeGreaterThan(0);
    // Chromium writes the outline from the h1/h2 headings.
    expect(signed.en!.bytes.toString('latin1')).toContain('/Outlines');
  });

  it('lists every criterion id, the names in both scripts and key Bangla phrases intact (pdftotext)', () => {
    const ids = [...new Set(s.assessments.score(scenario.inspection.id).items.map((i) => i.criterionId))];
    expect(ids.length).toBeGreaterThan(60);
    for (const language of ['en', 'bn'] as const) {
      const text = signed[language]!.text;
      for (const id of ids) expect(text, `${language} ${id}`).toContain(id);
      expect(text).toContain('Chattogram Technical Training Centre');
      expect(text).toContain('চট্টগ্রাম কারিগরি প্রশিক্ষণ কেন্দ্র');
      expect(text).not.toMatch(/EU[- ]recogni[sz]ed/i);
    }
    const bn = signed.bn!.text;
    // Strictly intact: the institution's name, the running header, the section title.
    for (const phrase of ['চট্টগ্রাম কারিগরি প্রশিক্ষণ কেন্দ্র', 'পরিদর্শন প্রতিবেদন', 'সকল মানদণ্ড', 'সামঞ্জস্যপূর্ণ'])
      expect(bn, phrase).toContain(phrase);
    // Every character intact and in order. pdftotext's word-gap guess puts a space inside some words after
    // a mark positioned inside its base (কৃ, ভূ, র্ত with Noto Sans Bengali 2.x), although the PDF's
    // ActualText spans and the drawn glyphs are right; so whitespace between Bangla letters is ignored here.
    const joined = (t: string) => t.replace(/(?<=[\u0980-\u09FF])\s+(?=[\u0980-\u09FF])/g, '');
    for (const phrase of [
      'শর্তসাপেক্ষে সুপারিশকৃত',
      'স্ব-স্বাক্ষরিত — পরীক্ষামূলক ব্যবহারের জন্য',
      'প্রতিষ্ঠানের প্রশিক্ষণ কাঠামোর সঙ্গে সামঞ্জস্যপূর্ণ',
      // The inspector's note, up to where the table cell wraps it.
      banglaNote.split(',')[0]!,
    ])
      expect(joined(bn), phrase).toContain(joined(phrase));
    const en = signed.en!.text;
    expect(en).toContain('Recommended with conditions');
    expect(en).toContain('aligned with the framework');
    expect(en).toContain('Self-signed — for trial use');
    expect(en).toContain('thresholds in this report are defaults');
    // The evidence index gives each file's SHA-256.
    for (const item of s.evidence.listForAssessment(scenario.inspection.id)) expect(en).toContain(item.sha256.slice(0, 40));
  });

  it('shows user text as text: a <script> in a note is printed, not run', () => {
    // The note wraps inside its table cell, so its two halves are looked for apart.
    expect(signed.en!.text).toContain('<script>alert("report")');
    expect(signed.en!.text).toContain('</script> & “quotes”');
    expect(scriptNote).toContain('<script>');
  });

  it('runs its header and page numbers on every page after the cover, in Bangla too', () => {
    const file = signed.bn!.path;
    const pages = pageCount(file);
    expect(pages).toBeGreaterThan(10);
    // A Bangla report numbers its pages in Bengali digits (issue 14).
    expect(pageText(file, 1)).toContain(`পৃষ্ঠা ১ / ${toBengaliDigits(String(pages))}`);
    const second = pageText(file, 2);
    expect(second).toContain('চট্টগ্রাম কারিগরি প্রশিক্ষণ কেন্দ্র');
    expect(second).toContain('পরিদর্শন প্রতিবেদন');
    expect(pageText(signed.en!.path, 3)).toContain(`Page 3 of ${pageCount(signed.en!.path)}`);
  });

  it('puts the signature widget on the box reserved on the last page', () => {
    const file = signed.en!.path;
    const pages = pageCount(file);
    expect(pageText(file, pages)).toContain('Digitally signed by Farida Yasmin');
    const [x1, y1, x2, y2] = signatureRect();
    const rect = /\/Rect \[([\d. ]+)\]/.exec(signed.en!.bytes.toString('latin1').slice(-20_000))?.[1]?.split(' ').map(Number);
    expect(rect).toEqual([x1, y1, x2, y2]);
    // The box's printed label lies inside the widget: the layout and the rectangle agree.
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(pages), '-l', String(pages), file, '-'], { encoding: 'utf8' });
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Digitally<\/word>/.exec(bbox);
    expect(word).not.toBeNull();
    const [wx1, wy1, wx2, wy2] = word!.slice(1).map(Number) as [number, number, number, number];
    const pageHeight = 841.89;
    expect(wx1).toBeGreaterThan(x1);
    expect(wx2).toBeLessThan(x2);
    expect(pageHeight - wy2).toBeGreaterThan(y1);
    expect(pageHeight - wy1).toBeLessThan(y2);
  });

  it('records each report’s hash in the change log and keeps the file', () => {
    const rows = s.db
      .prepare<[], { entity_id: string; payload: string }>(
        "SELECT entity_id, payload FROM change_log WHERE entity = 'report' AND action = 'signed'",
      )
      .all();
    expect(rows.map((r) => r.entity_id).sort()).toEqual([signed.en!.file.sha256, signed.bn!.file.sha256].sort());
    const payload = JSON.parse(rows[0]!.payload) as Record<string, string>;
    expect(Object.keys(payload).sort()).toEqual(['assessmentId', 'changeLog', 'language', 'sha256', 'signerFingerprint']);
    // The head it records is an entry of this log, at that position, and the signature page prints it.
    const head = (JSON.parse(rows[0]!.payload) as { changeLog: { count: number; hash: string } }).changeLog;
    const atPosition = s.db
      .prepare<[number], string>('SELECT hash FROM change_log ORDER BY seq LIMIT 1 OFFSET ?')
      .pluck()
      .get(head.count - 1);
    expect(atPosition).toBe(head.hash);
    const language = rows[0]!.entity_id === signed.en!.file.sha256 ? 'en' : 'bn';
    expect(signed[language]!.text.replace(/\s+/g, '')).toContain(head.hash);
    expect(signed.en!.text.replace(/\s+/g, '')).toMatch(/changelog:\d+entries,head[0-9a-f]{64}/);
    const list = s.reports.list(scenario.inspection.id);
    expect(list.map((r) => r.language)).toEqual(['bn', 'en']);
    expect(list.every((r) => r.stored)).toBe(true);
    expect(list[0]?.fileName).toMatch(/^chattogram-technical-training-centre-inspection-\d{4}-\d{2}-\d{2}-bn\.pdf$/);
    expect(fs.readFileSync(s.reports.pathOf(signed.bn!.file.sha256))).toEqual(signed.bn!.bytes);
    expect(Buffer.from(s.reports.file(signed.en!.file.sha256).pdfBase64, 'base64')).toEqual(signed.en!.bytes);
  });

  it('verifies as valid and made on this machine; a changed copy is neither', async () => {
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    const result = await dispatch('reports:verify', { pdfBase64: signed.bn!.file.pdfBase64 });
    expect(result.ok).toBe(true);
    const value = (result as { value: ReturnType<AppServices['reports']['verify']> }).value;
    expect(value.valid).toBe(true);
    expect(value.wholeDocumentCovered).toBe(true);
    expect(value.recordedReport?.assessmentId).toBe(scenario.inspection.id);
    expect(value.checks.find((c) => c.id === 'recorded')).toMatchObject({ passed: true });
    expect(value.checks.find((c) => c.id === 'recorded')?.detail).toContain('made on this machine');
    expect(value.recordedReport?.changeLog).toMatchObject({ inChain: true });
    expect(value.checks.find((c) => c.id === 'changeLogHead')).toMatchObject({ passed: true });

    // One bit flipped inside the signed bytes (the first revision, as Chromium wrote it).
    const tampered = Buffer.from(signed.bn!.bytes);
    const at = Math.floor(tampered.length / 4);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const changed = s.reports.verify(tampered);
    expect(changed.valid).toBe(false);
    expect(changed.recordedReport).toBeNull();
  });

  it('keeps page images of the cover and a criteria page in both languages for people to look at', () => {
    fs.mkdirSync(artifacts, { recursive: true });
    for (const language of ['en', 'bn'] as const) {
      const file = signed[language]!.path;
      const heading = language === 'en' ? 'Every criterion' : 'সকল মানদণ্ড';
      const pages = pageCount(file);
      const criteriaPage = Array.from({ length: pages }, (_, i) => i + 1).find((p) => pageText(file, p).includes(heading))!;
      for (const [name, page] of [
        ['cover', 1],
        ['criteria', criteriaPage],
      ] as const) {
        const target = path.join(artifacts, `report-${language}-${name}`);
        execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', file, target]);
        expect(fs.statSync(`${target}.png`).size).toBeGreaterThan(10_000);
      }
    }
  });
});
