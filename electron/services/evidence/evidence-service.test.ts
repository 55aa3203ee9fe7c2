import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRefusal } from '../../../shared/evidence/refusals';
import { b64, evidenceSetUp, pdf, photo, refusal } from './test-fixtures';

const MB = 1024 * 1024;

describe('attaching evidence', () => {
  it('records type, caption, date taken, who attached it and the criteria it supports', async () => {
    const { s, assessment, attach, care } = evidenceSetUp();
    s.settings.update({ userName: 'Rahima Akter' });
    const fireExit = await photo({ takenAt: '2026:03:10 09:15:00' });
    const { items, deduplicated } = await attach({
      files: [{ name: 'fire exit.jpg', contentBase64: b64(fireExit) }],
      links: [
        { criterionId: 'IF-04', programmeId: null },
        { criterionId: 'CARE-02', programmeId: care.id },
        { criterionId: 'IF-04', programmeId: null },
      ],
      caption: 'Fire exit of the practice ward, kept clear',
    });
    expect(deduplicated).toBe(0);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      assessmentId: assessment.id,
      size: fireExit.length,
      mediaType: 'image/jpeg',
      originalName: 'fire exit.jpg',
      caption: 'Fire exit of the practice ward, kept clear',
      evidenceType: 'PHOTO',
      takenAt: '2026-03-10T09:15:00',
      attachedBy: 'Rahima Akter',
      // Links are listed by criterion id.
      links: [
        { criterionId: 'CARE-02', programmeId: care.id },
        { criterionId: 'IF-04', programmeId: null },
      ],
    });
    // What the report lists, and the change log entry written with it.
    expect(s.evidence.listForAssessment(assessment.id)).toEqual(items);
    const log = s.db.prepare("SELECT action, actor_name FROM change_log WHERE entity = 'evidence'").all();
    expect(log).toEqual([{ action: 'attach', actor_name: 'Rahima Akter' }]);
    // A PDF has no EXIF date: the attached date stands.
    const register = await attach({ files: [{ name: 'register.pdf', contentBase64: b64(pdf()) }], evidenceType: 'REC' });
    expect(register.items[0]).toMatchObject({ mediaType: 'application/pdf', takenAt: null, links: [] });
  });

  it('keeps the same bytes once, whichever criteria, items and assessments use them', async () => {
    const { s, assessment, attach, input, storedFiles, rows } = evidenceSetUp();
    const bytes = await photo();
    const first = await attach({
      files: [{ name: 'workshop.jpg', contentBase64: b64(bytes) }],
      links: [{ criterionId: 'IF-01', programmeId: null }],
    });
    // The same photo on another criterion, as another type: a second item, the same file.
    const second = await attach({
      files: [{ name: 'workshop-copy.jpg', contentBase64: b64(bytes) }],
      links: [{ criterionId: 'IF-05', programmeId: null }],
      evidenceType: 'OBS',
    });
    // The same photo and type again on a third criterion: the existing item gains the link.
    const third = await attach({
      files: [{ name: 'workshop.jpg', contentBase64: b64(bytes) }],
      links: [{ criterionId: 'IF-04', programmeId: null }],
    });
    // And in another assessment.
    const other = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] }));
    const elsewhere = await attach({ files: [{ name: 'ours.jpg', contentBase64: b64(bytes) }] }, other.id);

    expect([second.deduplicated, third.deduplicated, elsewhere.deduplicated]).toEqual([1, 1, 1]);
    expect(third.items[0]!.id).toBe(first.items[0]!.id);
    expect(third.items[0]!.links.map((l) => l.criterionId)).toEqual(['IF-01', 'IF-04']);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(new Set([first, second, third, elsewhere].map((r) => r.items[0]!.sha256)).size).toBe(1);
    expect(storedFiles()).toEqual([first.items[0]!.sha256]);
    expect([rows('evidence_files'), rows('evidence_items'), rows('evidence_links')]).toEqual([1, 3, 3]);
    // A file used three times counts once against the assessment's limit.
    expect(s.evidence.list(assessment.id).totalBytes).toBe(bytes.length);
  });

  it('takes big files in pieces (one attach carries at most 6 MB inline)', async () => {
    const { s, attach } = evidenceSetUp();
    const big = Buffer.concat([pdf(), Buffer.alloc(9 * MB, 0x20)]);
    let upload = s.evidence.uploadChunk(null, 0, b64(big.subarray(0, 4 * MB)));
    upload = s.evidence.uploadChunk(upload.uploadId, 4 * MB, b64(big.subarray(4 * MB, 8 * MB)));
    expect(() => s.evidence.uploadChunk(upload.uploadId, 4 * MB, b64(big.subarray(8 * MB)))).toThrow(/out of order/);
    upload = s.evidence.uploadChunk(null, 0, b64(big.subarray(0, 4 * MB)));
    upload = s.evidence.uploadChunk(upload.uploadId, 4 * MB, b64(big.subarray(4 * MB, 8 * MB)));
    upload = s.evidence.uploadChunk(upload.uploadId, 8 * MB, b64(big.subarray(8 * MB)));
    expect(upload.received).toBe(big.length);
    const { items } = await attach({ files: [{ name: 'workshop manual.pdf', uploadId: upload.uploadId }], evidenceType: 'DOC' });
    expect(items[0]).toMatchObject({ size: big.length, mediaType: 'application/pdf' });
    // An upload is handed over once.
    const again = await refusal(attach({ files: [{ name: 'workshop manual.pdf', uploadId: upload.uploadId }], evidenceType: 'DOC' }));
    expect(parseRefusal(again.issues![0]!.message)).toMatchObject({ key: 'uploadMissing', params: { name: 'workshop manual.pdf' } });
  });
});

describe('refusing evidence', () => {
  it('refuses empty, oversized and disallowed files with clear messages, and stores nothing on disk or in the database', async () => {
    const { s, attach, storedFiles, rows, evidenceDir } = evidenceSetUp();
    s.evidence.setLimits({ maxFileBytes: 1 * MB });
    const exe = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(100)]);
    const tooBig = await photo({ width: 2400, height: 2400, format: 'png', colour: '#ffffff' }).then((p) =>
      Buffer.concat([p, Buffer.alloc(MB)]),
    );
    const error = await refusal(
      attach({
        files: [
          { name: 'ok.jpg', contentBase64: b64(await photo()) },
          { name: 'scan.pdf', contentBase64: b64(exe) },
          { name: 'huge.png', contentBase64: b64(tooBig) },
          { name: 'empty.txt', contentBase64: '' },
          { name: 'page.html', contentBase64: b64(Buffer.from('<script>alert(1)</script>')) },
        ],
      }),
    );
    expect(error.code).toBe('validation');
    expect(error.issues?.map((i) => [i.path, parseRefusal(i.message)?.key])).toEqual([
      [['files', 1], 'notAllowed'],
      [['files', 2], 'fileTooLarge'],
      [['files', 3], 'empty'],
      [['files', 4], 'notAllowed'],
    ]);
    expect(error.message).toContain('“scan.pdf” is not an allowed evidence type');
    expect(error.message).toMatch(/“huge\.png” is 1\.\d MB; the limit per file is 1 MB\./);
    // The acceptable file in the same request was not stored either: the request is refused as a whole.
    expect(storedFiles()).toEqual([]);
    expect(fs.readdirSync(path.join(evidenceDir, 'tmp'))).toEqual([]);
    expect([rows('evidence_files'), rows('evidence_items'), rows('evidence_links')]).toEqual([0, 0, 0]);
  });

  it('refuses files that would take an assessment past its limit, counting each distinct file once', async () => {
    const { s, attach, storedFiles, rows, input } = evidenceSetUp();
    const a = await photo({ colour: '#111111' });
    const b = await photo({ colour: '#222222' });
    s.evidence.setLimits({ maxAssessmentBytes: a.length + b.length - 1 });
    await attach({ files: [{ name: 'a.jpg', contentBase64: b64(a) }] });
    // The same file again costs nothing.
    await attach({ files: [{ name: 'a again.jpg', contentBase64: b64(a) }], links: [{ criterionId: 'IF-01', programmeId: null }] });
    const error = await refusal(attach({ files: [{ name: 'b.jpg', contentBase64: b64(b) }] }));
    expect(parseRefusal(error.issues![0]!.message)?.key).toBe('assessmentFull');
    expect(error.message).toMatch(/limit per assessment is/);
    expect(storedFiles()).toHaveLength(1);
    expect(rows('evidence_files')).toBe(1);
    // The limit is per assessment: another assessment still has room.
    const other = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] }));
    await attach({ files: [{ name: 'b.jpg', contentBase64: b64(b) }] }, other.id);
    expect(storedFiles()).toHaveLength(2);
  });

  it('keeps untrusted file names out of storage paths and shows them made safe', async () => {
    const { attach, storedFiles, evidenceDir } = evidenceSetUp();
    const names = ['../../../etc/passwd.pdf', 'C:\\Windows\\evil\u202egpj.pdf', 'CON.pdf', 'rep\u0000ort. . .pdf'];
    const stored: string[] = [];
    for (const [i, name] of names.entries()) {
      const { items } = await attach({ files: [{ name, contentBase64: b64(pdf(`Document ${i}`)) }], evidenceType: 'DOC' });
      stored.push(items[0]!.originalName);
    }
    expect(stored).toEqual(['_._.._.._etc_passwd.pdf', 'C__Windows_evilgpj.pdf', '_CON.pdf', 'report. . .pdf']);
    // Files are named by their hash alone, inside the store.
    for (const f of storedFiles()) expect(f).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(path.resolve(evidenceDir, '..', '..', 'etc'))).toBe(false);
  });

  it('refuses evidence types the framework does not have and units that are not part of the assessment', async () => {
    const { attach, care, rows } = evidenceSetUp();
    const error = await refusal(
      attach({
        files: [{ name: 'a.pdf', contentBase64: b64(pdf()) }],
        evidenceType: 'VIDEO',
        links: [
          { criterionId: 'IF-04', programmeId: care.id }, // institution-level criterion with a programme
          { criterionId: 'ZZ-01', programmeId: null },
          { criterionId: 'CON-01', programmeId: care.id }, // a construction criterion for a care programme
        ],
      }),
    );
    expect(error.issues?.map((i) => [i.path, parseRefusal(i.message)?.key])).toEqual([
      [['evidenceType'], 'unknownType'],
      [['links', 0], 'unitNotInScope'],
      [['links', 1], 'unitNotInScope'],
      [['links', 2], 'unitNotInScope'],
    ]);
    expect(rows('evidence_items')).toBe(0);
  });
});

describe('removing evidence', () => {
  it('removes a file from one criterion and keeps it for the others; the file goes with its last use', async () => {
    const { s, attach, storedFiles } = evidenceSetUp();
    const { items } = await attach({
      files: [{ name: 'extinguisher.jpg', contentBase64: b64(await photo()) }],
      links: [
        { criterionId: 'IF-01', programmeId: null },
        { criterionId: 'IF-04', programmeId: null },
      ],
    });
    const item = items[0]!;
    const first = await s.evidence.remove(item.id, item.revision, { criterionId: 'IF-01', programmeId: null });
    expect(first).toEqual({ itemRemoved: false, fileRemoved: false });
    const [kept] = s.evidence.listForAssessment(item.assessmentId);
    expect(kept!.links).toEqual([{ criterionId: 'IF-04', programmeId: null }]);
    expect(storedFiles()).toEqual([item.sha256]);
    // A stale revision is refused rather than guessed at.
    expect((await refusal(s.evidence.remove(item.id, item.revision, { criterionId: 'IF-04', programmeId: null }))).code).toBe('conflict');
    expect(await s.evidence.remove(item.id, kept!.revision, { criterionId: 'IF-04', programmeId: null })).toEqual({
      itemRemoved: true,
      fileRemoved: true,
    });
    expect(storedFiles()).toEqual([]);
    expect(s.evidence.listForAssessment(item.assessmentId)).toEqual([]);
  });

  it('never deletes a file another item, another assessment or a finalised assessment still needs', async () => {
    const { s, assessment, attach, input, finalise, storedFiles } = evidenceSetUp();
    const bytes = await photo();
    const locked = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] }));
    await attach({ files: [{ name: 'shared.jpg', contentBase64: b64(bytes) }] }, locked.id);
    finalise(locked.id);
    const a = (
      await attach({ files: [{ name: 'shared.jpg', contentBase64: b64(bytes) }], links: [{ criterionId: 'IF-01', programmeId: null }] })
    ).items[0]!;
    const b = (await attach({ files: [{ name: 'shared.jpg', contentBase64: b64(bytes) }], evidenceType: 'OBS' })).items[0]!;
    expect(await s.evidence.remove(a.id, a.revision, null)).toEqual({ itemRemoved: true, fileRemoved: false });
    expect(await s.evidence.remove(b.id, b.revision, null)).toEqual({ itemRemoved: true, fileRemoved: false });
    expect(s.evidence.listForAssessment(assessment.id)).toEqual([]);
    // Only the finalised self-assessment uses it now, and it stays intact.
    expect(storedFiles()).toEqual([a.sha256]);
    expect((await s.evidence.verifyAll(locked.id)).problems).toEqual([]);
  });

  it('does not lose a file that an attach of the same bytes records while it is being removed', async () => {
    const { s, attach, storedFiles } = evidenceSetUp();
    const bytes = await photo();
    const item = (await attach({ files: [{ name: 'a.jpg', contentBase64: b64(bytes) }] })).items[0]!;
    // Both start together: whichever order they finish in, the new item's file must be on disk.
    const [, again] = await Promise.all([
      s.evidence.remove(item.id, item.revision, null),
      attach({ files: [{ name: 'b.jpg', contentBase64: b64(bytes) }], evidenceType: 'OBS' }),
    ]);
    expect(storedFiles()).toEqual([item.sha256]);
    expect((await s.evidence.verifyAll(null)).problems).toEqual([]);
    expect(again.items[0]!.sha256).toBe(item.sha256);
  });
});

describe('evidence of a finalised assessment', () => {
  it('is locked: the service refuses every change, and so does SQLite for hand-written SQL', async () => {
    const { s, assessment, attach, finalise, storedFiles } = evidenceSetUp();
    const item = (
      await attach({ files: [{ name: 'a.jpg', contentBase64: b64(await photo()) }], links: [{ criterionId: 'IF-01', programmeId: null }] })
    ).items[0]!;
    finalise(assessment.id);

    const tries = [
      () => attach({ files: [{ name: 'b.pdf', contentBase64: b64(pdf()) }] }),
      () => s.evidence.remove(item.id, item.revision, null),
      () => s.evidence.remove(item.id, item.revision, { criterionId: 'IF-01', programmeId: null }),
      () => s.evidence.update(item.id, item.revision, { caption: 'changed', evidenceType: 'OBS' }),
      () => s.evidence.link(item.id, item.revision, [{ criterionId: 'IF-04', programmeId: null }]),
    ];
    for (const attempt of tries) {
      const error = await refusal(attempt);
      expect(error.code).toBe('locked');
      expect(error.message).toMatch(/finalised and locked/);
    }
    const refused = /finalised and locked/;
    expect(() => s.db.prepare('DELETE FROM evidence_links WHERE evidence_item_id = ?').run(item.id)).toThrow(refused);
    expect(() => s.db.prepare("UPDATE evidence_items SET caption = 'x' WHERE id = ?").run(item.id)).toThrow(refused);
    expect(() => s.db.prepare('DELETE FROM evidence_items WHERE id = ?').run(item.id)).toThrow(refused);
    expect(s.evidence.listForAssessment(assessment.id)).toEqual([item]);
    expect(storedFiles()).toEqual([item.sha256]);
  });

  it('can be changed in a draft only: a submitted assessment refuses too', async () => {
    const { s, assessment, attach } = evidenceSetUp();
    const item = (await attach({ files: [{ name: 'a.pdf', contentBase64: b64(pdf()) }], evidenceType: 'DOC' })).items[0]!;
    const edited = s.evidence.update(item.id, item.revision, { caption: 'Quality manual, 2025 edition', evidenceType: 'DOC' });
    expect(edited).toMatchObject({ caption: 'Quality manual, 2025 edition', revision: item.revision + 1 });
    const { rateAll } = await import('../assessments/test-fixtures');
    rateAll(s, assessment.id);
    s.workflow.submit(assessment.id, s.assessments.get(assessment.id).assessment.revision);
    expect((await refusal(attach({ files: [{ name: 'b.pdf', contentBase64: b64(pdf('b')) }] }))).message).toMatch(/submitted for review/);
  });
});

describe('evidence of a reopened assessment', () => {
  it('carries forward into the new revision without copying files, and the finalised one keeps its own', async () => {
    const { s, assessment, attach, finalise, storedFiles } = evidenceSetUp();
    const photoItem = (
      await attach({ files: [{ name: 'a.jpg', contentBase64: b64(await photo()) }], links: [{ criterionId: 'IF-01', programmeId: null }] })
    ).items[0]!;
    await attach({ files: [{ name: 'b.pdf', contentBase64: b64(pdf()) }], evidenceType: 'DOC' });
    finalise(assessment.id);
    const next = s.workflow.reopen(assessment.id, 'The fire exit was cleared after the visit.');
    // Reopening itself carries the evidence forward, inside its own transaction.

    const carried = s.evidence.listForAssessment(next.id);
    expect(carried.map((i) => [i.originalName, i.links, i.attachedAt])).toEqual(
      s.evidence.listForAssessment(assessment.id).map((i) => [i.originalName, i.links, i.attachedAt]),
    );
    expect(storedFiles()).toHaveLength(2);
    // Removing it from the new revision leaves the finalised revision's evidence and file alone.
    const copy = carried.find((i) => i.sha256 === photoItem.sha256)!;
    expect(await s.evidence.remove(copy.id, copy.revision, null)).toEqual({ itemRemoved: true, fileRemoved: false });
    expect(s.evidence.listForAssessment(assessment.id)).toHaveLength(2);
    expect((await s.evidence.verifyAll(assessment.id)).problems).toEqual([]);
  });
});
