import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyChangeLog } from '../audit/verify-change-log';
import type { AppServices } from '../app-services';
import { bundledFrameworksDir } from '../assessments/test-fixtures';
import { reportScenario } from '../reports/test-fixtures';
import { makeTestCa } from '../signing/test-fixtures/test-pki';
import { institutionInput, openTestServices } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';

const passphrase = 'correct horse battery';

/** Exports from one data folder and imports into another, through the same services the screens use. */
async function exportFrom(s: AppServices, scope: Parameters<AppServices['exchange']['exports']['run']>[0]['scope']) {
  const identityId =
    s.identities.list()[0]?.id ??
    s.identities.createSelfSigned({ name: 'Farida Yasmin', role: 'Lead inspector', organisation: 'NSDA', passphrase }).id;
  return s.exchange.exports.run({ scope, identityId, passphrase });
}

function receiver(): AppServices {
  const s = openTestServices({ bundledFrameworksDir });
  s.settings.update({ userName: 'Head Office Analyst', organisation: 'NSDA HQ', onboarded: true });
  return s;
}

function institutionCount(s: AppServices): number {
  return (s.db.prepare('SELECT count(*) AS n FROM institutions').get() as { n: number }).n;
}

function changeLogCount(s: AppServices): number {
  return (s.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

describe('assessment packages: export → import into a fresh data folder', () => {
  it(
    'reproduces every assessment exactly, keeps the report verifiable, and a second import changes nothing',
    { timeout: 120_000 },
    async () => {
      const { s: a, institution, self, inspection } = await reportScenario();
      const identityId = a.identities.createSelfSigned({
        name: 'Farida Yasmin',
        role: 'Lead inspector',
        organisation: 'NSDA',
        passphrase,
      }).id;
      const signed = await a.reports.sign({ assessmentId: inspection.id, language: 'bn', identityId, passphrase });
      const exported = await a.exchange.exports.run({
        scope: { kind: 'institution', institutionId: institution.id },
        identityId,
        passphrase,
      });
      expect(exported.fileName).toMatch(/^tvet-chattogram-technical-training-centre-.*\.tvetpkg$/);

      const b = receiver();
      const { uploadId } = b.exchange.staging.register(exported.path);
      const preview = await b.exchange.imports.preview(uploadId);
      expect(preview.signer).toMatchObject({ name: 'Farida Yasmin', trust: 'self-signed' });
      expect(preview.contents).toMatchObject({ institutions: 1, programmes: 2, assessments: 2, reports: 1, evidenceFiles: 2 });
      expect(preview.alreadyImported).toBe(false);
      expect(preview.conflicts).toEqual([]);
      expect(preview.changes.filter((c) => c.entity !== 'framework').every((c) => c.action === 'add')).toBe(true);
      // The preview wrote nothing.
      expect(institutionCount(b)).toBe(0);

      const outcome = await b.exchange.imports.apply(uploadId, []);
      expect(outcome).toMatchObject({ status: 'imported', conflictsResolved: 0 });
      expect(outcome.assessmentIds.sort()).toEqual([self.id, inspection.id].sort());

      for (const id of [self.id, inspection.id]) {
        const here = a.assessments.get(id);
        const there = b.assessments.get(id);
        expect(there.assessment.status).toBe(here.assessment.status);
        expect(there.assessment.score).toEqual(here.assessment.score);
        expect(there.ratings).toEqual(here.ratings);
        // Scored again on the receiving machine from its own copy of the framework: the same result.
        expect(b.assessments.score(id)).toEqual(a.assessments.score(id));
      }
      expect(b.assessments.get(inspection.id).assessment.status).toBe('finalised');
      // Head office's dashboard summary arrives in the same transaction, without waiting for a restart.
      expect(b.db.prepare('SELECT assessment_id FROM assessment_facts ORDER BY assessment_id').all()).toEqual(
        [self.id, inspection.id].sort().map((id) => ({ assessment_id: id })),
      );
      const evidence = await b.evidence.verifyAll(null);
      expect(evidence.problems).toEqual([]);
      expect(evidence.files).toBe(2);
      expect(
        b.evidence
          .list(inspection.id)
          .items.map((i) => i.sha256)
          .sort(),
      ).toEqual(
        a.evidence
          .list(inspection.id)
          .items.map((i) => i.sha256)
          .sort(),
      );

      const report = b.reports.verify(Buffer.from(signed.pdfBase64, 'base64'));
      expect(report.valid).toBe(true);
      expect(b.reports.list(inspection.id).map((r) => r.sha256)).toEqual([signed.sha256]);
      expect(verifyChangeLog(b.db).intact).toBe(true);

      // The same file again: recognised, nothing written.
      const before = changeLogCount(b);
      const again = b.exchange.staging.register(exported.path);
      expect((await b.exchange.imports.preview(again.uploadId)).alreadyImported).toBe(true);
      expect(await b.exchange.imports.apply(again.uploadId, [])).toMatchObject({ status: 'already-imported', added: 0 });
      expect(changeLogCount(b)).toBe(before);
      expect(b.exchange.imports.history()).toHaveLength(1);
    },
  );

  it('keeps both versions of a record changed on both machines until a person chooses, field by field', { timeout: 60_000 }, async () => {
    const { s: a, institution } = await reportScenario();
    const first = await exportFrom(a, { kind: 'institution', institutionId: institution.id });
    const b = receiver();
    await b.exchange.imports.apply(b.exchange.staging.register(first.path).uploadId, []);

    // Head office changes nothing; A edits: the next package brings the change without asking.
    const onA = a.institutions.get(institution.id).institution;
    a.institutions.update(institution.id, onA.revision, { ...onA, headName: 'Ms. Shirin Akter' });
    const second = await exportFrom(a, { kind: 'institution', institutionId: institution.id });
    const upload2 = b.exchange.staging.register(second.path).uploadId;
    const preview2 = await b.exchange.imports.preview(upload2);
    expect(preview2.conflicts).toEqual([]);
    expect(preview2.changes.find((c) => c.entity === 'institution')?.action).toBe('update');
    await b.exchange.imports.apply(upload2, []);
    expect(b.institutions.get(institution.id).institution.headName).toBe('Ms. Shirin Akter');

    // Now both edit the address differently.
    const a2 = a.institutions.get(institution.id).institution;
    a.institutions.update(institution.id, a2.revision, { ...a2, address: 'Kalurghat, Chattogram' });
    const b2 = b.institutions.get(institution.id).institution;
    b.institutions.update(institution.id, b2.revision, { ...b2, address: 'Kalurghat Heavy Industrial Area', contactPhone: '031-123456' });
    const third = await exportFrom(a, { kind: 'institution', institutionId: institution.id });
    const upload3 = b.exchange.staging.register(third.path).uploadId;
    const preview3 = await b.exchange.imports.preview(upload3);
    const conflict = preview3.conflicts.find((c) => c.entity === 'institution');
    expect(conflict?.fields.map((f) => f.field).sort()).toEqual(['address', 'contact_phone']);
    expect(conflict?.fields.find((f) => f.field === 'address')).toEqual({
      field: 'address',
      here: JSON.stringify('Kalurghat Heavy Industrial Area'),
      incoming: JSON.stringify('Kalurghat, Chattogram'),
    });

    // Without a choice nothing is written.
    const before = changeLogCount(b);
    await expect(b.exchange.imports.apply(upload3, [])).rejects.toMatchObject({ code: 'validation' });
    expect(changeLogCount(b)).toBe(before);
    expect(b.institutions.get(institution.id).institution.address).toBe('Kalurghat Heavy Industrial Area');

    const outcome = await b.exchange.imports.apply(upload3, [
      { entity: 'institution', id: institution.id, field: 'address', keep: 'incoming' },
      { entity: 'institution', id: institution.id, field: 'contact_phone', keep: 'here' },
    ]);
    expect(outcome.conflictsResolved).toBe(2);
    const merged = b.institutions.get(institution.id).institution;
    expect(merged.address).toBe('Kalurghat, Chattogram');
    expect(merged.contactPhone).toBe('031-123456');
    const logged = b.db
      .prepare(`SELECT payload FROM change_log WHERE entity = 'institution' AND entity_id = ? AND action = 'resolve-conflict'`)
      .get(institution.id) as { payload: string };
    expect(JSON.parse(logged.payload)).toMatchObject({ kept: { address: 'incoming', contact_phone: 'here' } });
    expect(verifyChangeLog(b.db).intact).toBe(true);
  });

  it(
    'merges two drafts of one assessment criterion by criterion and asks only where both changed the same one',
    { timeout: 60_000 },
    async () => {
      const { s: a, institution, welding, care } = await reportScenario();
      const version = a.frameworks.list().find((v) => v.frameworkId === 'bd-eu-tvet' && v.version === '1.0.0')!;
      const draft = a.assessments.create({
        kind: 'inspection',
        institutionId: institution.id,
        programmeIds: [welding.id, care.id],
        frameworkVersionId: version.id,
        team: [{ name: 'Farida Yasmin', role: 'lead-inspector' }],
        plannedStart: '',
        plannedEnd: '',
        siteVisitDate: '',
        followsAssessmentId: null,
      });
      const save = (s: AppServices, criterionId: string, rating: 0 | 1 | 2 | 3) =>
        s.ratings.save({ assessmentId: draft.id, criterionId, programmeId: null, patch: { rating, evidenceSeen: ['DOC'] } });
      save(a, 'GQ-01', 3);
      const first = await exportFrom(a, { kind: 'assessments', assessmentIds: [draft.id] });
      const b = receiver();
      await b.exchange.imports.apply(b.exchange.staging.register(first.path).uploadId, []);

      save(a, 'GQ-02', 3); // only A
      save(b, 'GQ-03', 2); // only B
      save(a, 'GQ-04', 3); // both, differently
      save(b, 'GQ-04', 1);
      const second = await exportFrom(a, { kind: 'assessments', assessmentIds: [draft.id] });
      const upload = b.exchange.staging.register(second.path).uploadId;
      const preview = await b.exchange.imports.preview(upload);
      expect(preview.conflicts.map((c) => [c.entity, c.criterionId])).toEqual([['rating', 'GQ-04']]);
      expect(preview.conflicts[0]?.fields.find((f) => f.field === 'rating')).toEqual({ field: 'rating', here: '1', incoming: '3' });

      await b.exchange.imports.apply(upload, [{ entity: 'rating', id: draft.id, criterionId: 'GQ-04', programmeId: null, keep: 'here' }]);
      const rating = (id: string) =>
        b.assessments.get(draft.id).ratings.find((r) => r.criterionId === id && r.programmeId === null)?.rating;
      expect([rating('GQ-01'), rating('GQ-02'), rating('GQ-03'), rating('GQ-04')]).toEqual([3, 3, 2, 1]);
      // Progress is counted again after the merge: A's four units plus B's GQ-03.
      const answered = (s: AppServices) =>
        (s.db.prepare('SELECT units_answered AS n FROM assessments WHERE id = ?').get(draft.id) as { n: number }).n;
      expect(answered(a)).toBe(3);
      expect(answered(b)).toBe(4);
    },
  );
});

describe('finalised assessments', () => {
  it('are never changed by an import; a reopened one arrives as a new revision beside the old', { timeout: 60_000 }, async () => {
    const { s: a, institution, self } = await reportScenario();
    const first = await exportFrom(a, { kind: 'institution', institutionId: institution.id });
    const b = receiver();
    await b.exchange.imports.apply(b.exchange.staging.register(first.path).uploadId, []);
    const finalisedOnB = b.assessments.get(self.id);

    const reopened = a.workflow.reopen(self.id, 'The fee schedule was corrected after the visit.');
    a.ratings.save({
      assessmentId: reopened.id,
      criterionId: 'IF-05',
      programmeId: null,
      patch: { rating: 3, evidenceSeen: ['DOC'] },
    });
    const second = await exportFrom(a, { kind: 'assessments', assessmentIds: [reopened.id] });
    const upload = b.exchange.staging.register(second.path).uploadId;
    const preview = await b.exchange.imports.preview(upload);
    expect(preview.changes.filter((c) => c.entity === 'assessment').map((c) => [c.id, c.action])).toEqual([
      [self.id, 'unchanged'],
      [reopened.id, 'add'],
    ]);
    await b.exchange.imports.apply(upload, []);
    expect(b.assessments.get(self.id)).toEqual(finalisedOnB);
    const r2 = b.assessments.get(reopened.id).assessment;
    expect([r2.status, r2.revisionNumber, r2.previousRevisionId]).toEqual(['draft', 2, self.id]);
    // The database itself still refuses any change to the finalised revision.
    expect(() => b.db.prepare(`UPDATE assessments SET reopen_reason = 'x' WHERE id = ?`).run(self.id)).toThrow(/finalised and locked/);
  });
});

describe('a reference package', () => {
  it(
    'carries frameworks, the registry of one division and the trusted roots, and says which roots it adds',
    { timeout: 60_000 },
    async () => {
      const { s: a, institution } = await reportScenario();
      a.institutions.create(
        institutionInput({ nameEn: 'Sylhet TTC', division: 'sylhet', district: 'Sylhet', registrationNumber: 'NSDA-9' }),
      );
      const root = makeTestCa().certificate;
      a.trustedRoots.add(root.toString());
      const exported = await exportFrom(a, { kind: 'reference', division: 'chattogram' });
      const b = receiver();
      const upload = b.exchange.staging.register(exported.path).uploadId;
      const preview = await b.exchange.imports.preview(upload);
      expect(preview.kind).toBe('reference');
      expect(preview.contents).toMatchObject({ institutions: 1, programmes: 2, assessments: 0, trustedRoots: 1 });
      expect(preview.changes.find((c) => c.entity === 'trusted-root')).toMatchObject({ id: root.fingerprint256, action: 'add' });
      await b.exchange.imports.apply(upload, []);
      expect(b.trustedRoots.certificates().map((c) => c.fingerprint256)).toEqual([root.fingerprint256]);
      expect(b.institutions.get(institution.id).programmes).toHaveLength(2);
      expect(institutionCount(b)).toBe(1);
    },
  );
});

describe('a damaged package', () => {
  it('is refused whole when any byte is flipped, with nothing written', { timeout: 120_000 }, async () => {
    const { s: a, institution } = await reportScenario();
    const exported = await exportFrom(a, { kind: 'institution', institutionId: institution.id });
    const bytes = fs.readFileSync(exported.path);
    const b = receiver();
    const before = changeLogCount(b);
    // Everything around the receiver's data folder, not only its database.
    const treeBefore = tree(b.options.dataDir);
    const dir = tempDir();
    for (const at of [40, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 300, bytes.length - 30]) {
      const damaged = Buffer.from(bytes);
      damaged[at] = (damaged[at] ?? 0) ^ 0x01;
      const file = path.join(dir, `damaged-${at}.tvetpkg`);
      fs.writeFileSync(file, damaged);
      const { uploadId } = b.exchange.staging.register(file);
      await expect(b.exchange.imports.preview(uploadId)).rejects.toMatchObject({ code: 'validation' });
      await expect(b.exchange.imports.apply(uploadId, [])).rejects.toMatchObject({ code: 'validation' });
    }
    expect(changeLogCount(b)).toBe(before);
    expect(institutionCount(b)).toBe(0);
    expect(tree(b.options.dataDir)).toEqual(treeBefore);
  });
});

/** Every file under a folder with its size, except SQLite's own write-ahead files (their sizes move with any read). */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile() && !/\.db-(wal|shm)$/.test(e.name))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return `${path.relative(dir, file)} ${fs.statSync(file).size}`;
    })
    .sort();
}
