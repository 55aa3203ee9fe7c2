import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { b64, evidenceSetUp, pdf, photo } from '../../services/evidence/test-fixtures';
import { tempDir } from '../../services/test-support/temp-dir';
import { runForTest } from '../run-for-test';

const run = runForTest;

describe('evidence on the command line', () => {
  it('verify: exit 0 when every file is intact, 1 naming the assessment and criteria of a missing or altered file', async () => {
    const dataDir = tempDir();
    const { s, assessment, attach, evidenceDir } = evidenceSetUp({ dataDir });
    const workshop = (
      await attach({
        files: [{ name: 'workshop.jpg', contentBase64: b64(await photo()) }],
        links: [{ criterionId: 'IF-01', programmeId: null }],
      })
    ).items[0]!;
    await attach({ files: [{ name: 'register.pdf', contentBase64: b64(pdf()) }], evidenceType: 'REC' });
    s.close();

    const ok = await run(['evidence', 'verify', '--data-dir', dataDir]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('All 2 file(s) are intact.');

    fs.rmSync(path.join(evidenceDir, 'objects', workshop.sha256.slice(0, 2), workshop.sha256));
    const bad = await run(['evidence', 'verify', '--data-dir', dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`MISSING: ${workshop.sha256}`);
    expect(bad.out).toContain(
      `"workshop.jpg" (PHOTO) in inspection ${assessment.id} of Dhaka Polytechnic Institute, revision 1, draft: IF-01`,
    );

    const json = await run(['evidence', 'verify', '--json', '--data-dir', dataDir, '--assessment', assessment.id]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      assessmentId: assessment.id,
      files: 2,
      intact: 1,
      problems: [{ sha256: workshop.sha256, state: 'missing', uses: [{ assessmentId: assessment.id, links: [{ criterionId: 'IF-01' }] }] }],
    });
  });

  it('limits: shows and changes the size limits; bad input is a usage error', async () => {
    const dataDir = tempDir();
    expect((await run(['evidence', 'limits', '--data-dir', dataDir])).out).toBe('Per file: 25 MB. Per assessment: 500 MB.');
    const changed = await run([
      'evidence',
      'limits',
      '--per-file-mb',
      '50',
      '--per-assessment-mb',
      '2000',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(JSON.parse(changed.out)).toEqual({ maxFileBytes: 50 * 1024 * 1024, maxAssessmentBytes: 2000 * 1024 * 1024 });
    expect((await run(['evidence', 'limits', '--per-file-mb', 'lots', '--data-dir', dataDir])).code).toBe(2);
    expect((await run(['evidence', 'limits', '--per-file-mb', '900', '--data-dir', dataDir])).code).toBe(1);
    expect((await run(['evidence', 'shred', '--data-dir', dataDir])).code).toBe(2);
  });
});
