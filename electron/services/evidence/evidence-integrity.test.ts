import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { b64, evidenceSetUp, pdf, photo } from './test-fixtures';

describe('evidence integrity check', () => {
  it('finds a flipped byte and a deleted file, and names the assessments and criteria affected', async () => {
    const { s, assessment, attach, input, care, evidenceDir } = evidenceSetUp();
    const workshop = (
      await attach({
        files: [{ name: 'workshop.jpg', contentBase64: b64(await photo()) }],
        links: [
          { criterionId: 'IF-01', programmeId: null },
          { criterionId: 'CARE-02', programmeId: care.id },
        ],
      })
    ).items[0]!;
    const register = (await attach({ files: [{ name: 'register.pdf', contentBase64: b64(pdf()) }], evidenceType: 'REC' })).items[0]!;
    const fine = (await attach({ files: [{ name: 'policy.pdf', contentBase64: b64(pdf('Safety policy')) }], evidenceType: 'DOC' }))
      .items[0]!;
    // The register is also evidence in the institution's self-assessment.
    const self = s.assessments.create(input({ kind: 'self-assessment', team: [{ name: 'Nasima Begum', role: 'administrator' }] }));
    await attach(
      {
        files: [{ name: 'our register.pdf', contentBase64: b64(pdf()) }],
        evidenceType: 'REC',
        links: [{ criterionId: 'GQ-05', programmeId: null }],
      },
      self.id,
    );

    expect(await s.evidence.verifyAll(null)).toMatchObject({ files: 3, intact: 3, problems: [] });

    const object = (hash: string) => path.join(evidenceDir, 'objects', hash.slice(0, 2), hash);
    const bytes = fs.readFileSync(object(workshop.sha256));
    bytes[bytes.length >> 1]! ^= 0x01;
    fs.writeFileSync(object(workshop.sha256), bytes);
    fs.rmSync(object(register.sha256));

    const report = await s.evidence.verifyAll(null);
    expect(report).toMatchObject({ assessmentId: null, files: 3, intact: 1 });
    const byState = Object.fromEntries(report.problems.map((p) => [p.state, p]));
    expect(byState.altered).toMatchObject({
      sha256: workshop.sha256,
      uses: [
        {
          assessmentId: assessment.id,
          institutionNameEn: 'Dhaka Polytechnic Institute',
          kind: 'inspection',
          itemId: workshop.id,
          originalName: 'workshop.jpg',
          links: [
            { criterionId: 'CARE-02', programmeId: care.id },
            { criterionId: 'IF-01', programmeId: null },
          ],
        },
      ],
    });
    expect(byState.missing).toMatchObject({ sha256: register.sha256, mediaType: 'application/pdf' });
    expect(byState.missing!.uses.map((u) => [u.assessmentId, u.links.map((l) => l.criterionId)])).toEqual([
      [assessment.id, []],
      [self.id, ['GQ-05']],
    ]);
    expect(report.problems.some((p) => p.sha256 === fine.sha256)).toBe(false);

    // One assessment's files only (the button on the assessment).
    const selfReport = await s.evidence.verifyAll(self.id);
    expect(selfReport).toMatchObject({ assessmentId: self.id, files: 1, intact: 0 });
    expect(selfReport.problems.map((p) => p.state)).toEqual(['missing']);

    // The viewer warns too: altered content is shown as altered, a missing file is reported missing.
    expect((await s.evidence.content(workshop.id)).state).toBe('altered');
    await expect(s.evidence.content(register.id)).rejects.toThrow(/missing from the evidence store/);
    expect((await s.evidence.content(fine.id)).state).toBe('intact');
  });
});
