import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppServices } from '../app-services';
import { bundledFrameworksDir } from '../assessments/test-fixtures';
import { institutionInput, programmeInput } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';
import type { FileDialogs, SystemViewer } from './host-adapters';
import { b64, evidenceSetUp, pdf, photo, refusal } from './test-fixtures';

describe('thumbnails', () => {
  it('makes a 256-pixel WebP preview of a real JPEG and PNG once, and caches it by the file’s hash', async () => {
    const { s, attach, evidenceDir } = evidenceSetUp();
    const jpeg = (await attach({ files: [{ name: 'wide.jpg', contentBase64: b64(await photo({ width: 1600, height: 900 })) }] })).items[0]!;
    const png = (
      await attach({ files: [{ name: 'tall.png', contentBase64: b64(await photo({ width: 300, height: 1200, format: 'png' })) }] })
    ).items[0]!;
    const small = (
      await attach({ files: [{ name: 'icon.png', contentBase64: b64(await photo({ width: 40, height: 30, format: 'png' })) }] })
    ).items[0]!;
    const doc = (await attach({ files: [{ name: 'a.pdf', contentBase64: b64(pdf()) }], evidenceType: 'DOC' })).items[0]!;

    const sizeOf = async (itemId: string) => {
      const { thumbnail } = await s.evidence.thumbnail(itemId);
      expect(thumbnail?.mediaType).toBe('image/webp');
      const meta = await sharp(Buffer.from(thumbnail!.contentBase64, 'base64')).metadata();
      expect(meta.format).toBe('webp');
      return [meta.width, meta.height];
    };
    expect(await sizeOf(jpeg.id)).toEqual([256, 144]);
    expect(await sizeOf(png.id)).toEqual([64, 256]);
    expect(await sizeOf(small.id)).toEqual([40, 30]); // never enlarged
    expect((await s.evidence.thumbnail(doc.id)).thumbnail).toBeNull();
    const cached = path.join(evidenceDir, 'thumbs', `${jpeg.sha256}.webp`);
    expect(fs.existsSync(cached)).toBe(true);
    // Served from the cache from now on, even if the original were slow to read.
    const before = fs.statSync(cached).mtimeMs;
    await s.evidence.thumbnail(jpeg.id);
    expect(fs.statSync(cached).mtimeMs).toBe(before);
    // Removing the last use removes the preview with the file.
    await s.evidence.remove(jpeg.id, jpeg.revision, null);
    expect(fs.existsSync(cached)).toBe(false);
  });

  it('shows no preview of an altered photo', async () => {
    const { s, attach, evidenceDir } = evidenceSetUp();
    const item = (await attach({ files: [{ name: 'a.jpg', contentBase64: b64(await photo()) }] })).items[0]!;
    expect((await s.evidence.thumbnail(item.id)).thumbnail).not.toBeNull();
    fs.rmSync(path.join(evidenceDir, 'thumbs', `${item.sha256}.webp`), { force: true });
    const object = path.join(evidenceDir, 'objects', item.sha256.slice(0, 2), item.sha256);
    fs.appendFileSync(object, Buffer.from('tampered'));
    expect((await s.evidence.thumbnail(item.id)).thumbnail).toBeNull();
  });

  it('makes the report-sized JPEG copies of a photo once (1200 px for the annex, 480 px beside a finding) and drops them with the file', async () => {
    const { s, attach, evidenceDir } = evidenceSetUp();
    const big = (await attach({ files: [{ name: 'site.jpg', contentBase64: b64(await photo({ width: 2400, height: 1800 })) }] })).items[0]!;
    const small = (
      await attach({ files: [{ name: 'small.png', contentBase64: b64(await photo({ width: 300, height: 200, format: 'png' })) }] })
    ).items[0]!;
    const copies = (await s.evidence.reportImages(big.sha256, big.mediaType))!;
    const meta = async (bytes: Buffer) => {
      const m = await sharp(bytes).metadata();
      return [m.format, m.width, m.height];
    };
    expect(await meta(copies.annex)).toEqual(['jpeg', 1200, 900]);
    expect(await meta(copies.finding)).toEqual(['jpeg', 480, 360]);
    // A small PNG is never enlarged, and prints as a JPEG on white.
    const fromPng = (await s.evidence.reportImages(small.sha256, small.mediaType))!;
    expect(await meta(fromPng.annex)).toEqual(['jpeg', 300, 200]);
    // Kept by hash and read back from the cache, not made again.
    const annex = path.join(evidenceDir, 'thumbs', `${big.sha256}.annex1200.jpg`);
    const before = fs.statSync(annex).mtimeMs;
    expect((await s.evidence.reportImages(big.sha256, big.mediaType))?.annex.equals(copies.annex)).toBe(true);
    expect(fs.statSync(annex).mtimeMs).toBe(before);
    // The printer gets the same cached files by path.
    expect(await s.evidence.reportImageFiles(big.sha256, big.mediaType)).toEqual({
      annex,
      finding: path.join(evidenceDir, 'thumbs', `${big.sha256}.finding480.jpg`),
    });
    expect(await s.evidence.reportImages(big.sha256, 'application/pdf')).toBeNull();
    await s.evidence.remove(big.id, big.revision, null);
    expect(fs.existsSync(annex)).toBe(false);
    expect(fs.existsSync(path.join(evidenceDir, 'thumbs', `${big.sha256}.finding480.jpg`))).toBe(false);
  });

  it('makes no report copy of an altered photo', async () => {
    const { s, attach, evidenceDir } = evidenceSetUp();
    const item = (await attach({ files: [{ name: 'a.jpg', contentBase64: b64(await photo()) }] })).items[0]!;
    await s.evidence.reportImages(item.sha256, item.mediaType);
    for (const size of ['annex1200', 'finding480']) {
      const copy = path.join(evidenceDir, 'thumbs', `${item.sha256}.${size}.jpg`);
      expect(fs.existsSync(copy)).toBe(true);
      fs.rmSync(copy);
    }
    fs.appendFileSync(path.join(evidenceDir, 'objects', item.sha256.slice(0, 2), item.sha256), Buffer.from('tampered'));
    expect(await s.evidence.reportImages(item.sha256, item.mediaType)).toBeNull();
    expect(await s.evidence.reportImageFiles(item.sha256, item.mediaType)).toBeNull();
  });

  it("drops copies an older version made at another size when the store opens, and makes them again at today's size", async () => {
    const { s, attach, evidenceDir } = evidenceSetUp();
    const item = (await attach({ files: [{ name: 'old.jpg', contentBase64: b64(await photo({ width: 2400, height: 1800 })) }] })).items[0]!;
    const thumbs = path.join(evidenceDir, 'thumbs');
    // As kept by the version that printed 1600 px annex copies under `<sha256>.annex.jpg`.
    const legacy = path.join(thumbs, `${item.sha256}.annex.jpg`);
    fs.writeFileSync(legacy, await photo({ width: 1600, height: 1200 }));
    s.close();
    const reopen = () => new AppServices({ ...s.options });
    const reopened = reopen();
    let annex: string;
    try {
      expect(fs.existsSync(legacy)).toBe(false);
      annex = (await reopened.evidence.reportImageFiles(item.sha256, item.mediaType))!.annex;
      expect((await sharp(annex).metadata()).width).toBe(1200);
    } finally {
      reopened.close();
    }
    // Today's copies survive the next opening.
    reopen().close();
    expect(fs.existsSync(annex)).toBe(true);
  });
});

describe('viewing and opening evidence', () => {
  it('serves a file by item id only, with its media type and integrity', async () => {
    const { s, attach } = evidenceSetUp();
    const bytes = pdf();
    const item = (await attach({ files: [{ name: 'register.pdf', contentBase64: b64(bytes) }], evidenceType: 'REC' })).items[0]!;
    const got = await s.evidence.content(item.id);
    expect(got).toMatchObject({ state: 'intact', item: { id: item.id, mediaType: 'application/pdf' } });
    expect(Buffer.from(got.contentBase64, 'base64').equals(bytes)).toBe(true);
    expect((await refusal(s.evidence.content('00000000-0000-4000-8000-000000000000'))).code).toBe('not-found');
  });

  function desktopServices(dialogs: FileDialogs, viewer: SystemViewer) {
    const s = new AppServices({
      dataDir: tempDir(),
      host: 'electron',
      appVersion: '0.0.0-test',
      bundledFrameworksDir,
      fileDialogs: dialogs,
      systemViewer: viewer,
      evidenceLimits: { maxFileBytes: 200_000 },
    });
    const institution = s.institutions.create(institutionInput());
    const programme = s.institutions.createProgramme(institution.id, programmeInput());
    const version = s.frameworks.list()[0]!;
    const assessment = s.assessments.create({
      kind: 'inspection',
      institutionId: institution.id,
      programmeIds: [programme.id],
      frameworkVersionId: version.id,
      team: [{ name: 'Rahima Akter', role: 'lead-inspector' }],
      plannedStart: '',
      plannedEnd: '',
      siteVisitDate: '',
      followsAssessmentId: null,
    });
    return { s, assessment };
  }

  it('in the desktop app, attaches files chosen in the system dialog and opens a typed, read-only copy with the system viewer', async () => {
    const folder = tempDir();
    const chosen = path.join(folder, 'scan.exe'); // a PDF with a misleading name
    fs.writeFileSync(chosen, pdf());
    const big = path.join(folder, 'video.mp4');
    fs.writeFileSync(big, Buffer.alloc(300_000));
    let answer: string[] | null = [chosen];
    let asked: Parameters<FileDialogs['chooseFiles']>[0] | undefined;
    const opened: string[] = [];
    const { s, assessment } = desktopServices(
      {
        chooseFiles: (o) => {
          asked = o;
          return Promise.resolve(answer);
        },
      },
      { open: (file) => (opened.push(file), Promise.resolve()) },
    );
    s.settings.update({ language: 'bn' });
    const details = { assessmentId: assessment.id, links: [{ criterionId: 'GQ-01', programmeId: null }], evidenceType: 'DOC', caption: '' };
    const result = await s.evidence.attachFromDialog(details);
    expect(asked).toMatchObject({ title: 'প্রমাণ সংযুক্ত করুন', extensions: expect.arrayContaining(['pdf', 'jpg']) });
    expect(result).toMatchObject({ cancelled: false, items: [{ originalName: 'scan.exe', mediaType: 'application/pdf' }] });

    await s.evidence.openExternal(result.items[0]!.id);
    expect(path.basename(opened[0]!)).toBe('scan.pdf');
    expect(fs.readFileSync(opened[0]!).equals(pdf())).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(opened[0]!).mode & 0o222).toBe(0);

    answer = null;
    expect(await s.evidence.attachFromDialog(details)).toEqual({ cancelled: true, items: [], deduplicated: 0 });
    // Too big: refused from its size alone, before it is read.
    answer = [big, path.join(folder, 'gone.pdf'), folder];
    const error = await refusal(s.evidence.attachFromDialog(details));
    expect(error.message).toMatch(/“video\.mp4” is 0\.3 MB; the limit per file is 0\.2 MB\. “gone\.pdf” could not be read\./);
    expect(error.message).toMatch(/is not a file that can be attached/);
  });

  it('in the browser host and the command line, refuses the dialog and the system viewer', async () => {
    const { s, assessment, attach } = evidenceSetUp();
    const item = (await attach({ files: [{ name: 'a.pdf', contentBase64: b64(pdf()) }], evidenceType: 'DOC' })).items[0]!;
    const details = { assessmentId: assessment.id, links: [], evidenceType: 'DOC', caption: '' };
    expect((await refusal(s.evidence.attachFromDialog(details))).message).toMatch(/desktop app only/);
    expect((await refusal(s.evidence.openExternal(item.id))).message).toMatch(/desktop app only/);
  });
});
