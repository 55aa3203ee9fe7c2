import { describe, expect, it } from 'vitest';
import { submissionBlockers } from '../../../shared/assessments/rules';
import { scopeOf } from '../../../shared/assessments/scope';
import type { SampleAssessment } from '../../../shared/sample/contract';
import { bundledFrameworksDir, testClock } from '../assessments/test-fixtures';
import { createDispatcher } from '../dispatcher';
import { createHandlers } from '../handlers';
import { openTestServices } from '../test-support/services';
import { asReviewer } from '../test-support/reviewer';

/** A new user's data folder: the bundled framework installed and the welcome's profile made. */
function newUser(language: 'en' | 'bn' = 'en') {
  const s = openTestServices({ bundledFrameworksDir, clock: testClock('2026-03-12T06:00:00.000Z') });
  s.settings.update({ userName: 'Farhana Islam', organisation: 'BTEB', language });
  return s;
}

function sampleState(s: ReturnType<typeof newUser>, assessmentId: string) {
  const { assessment, ratings } = s.assessments.get(assessmentId);
  const framework = s.frameworks.get(assessment.frameworkVersionId).framework;
  const byUnit = new Map(
    ratings.map((r) => [`${r.criterionId}@${assessment.programmes.find((p) => p.id === r.programmeId)?.sector ?? 'institution'}`, r]),
  );
  return { assessment, ratings, framework, byUnit, programme: (sector: string) => assessment.programmes.find((p) => p.sector === sector)! };
}

describe('the guided sample assessment', () => {
  it('makes a clearly labelled demo institution with an ICT mobility programme and a welding programme', async () => {
    const s = newUser();
    const sample = await s.sample.create();
    const { institution, programmes } = s.institutions.get(sample.institutionId);
    expect(institution).toMatchObject({ nameEn: 'Demo Polytechnic Institute (sample)', nameBn: 'ডেমো পলিটেকনিক ইনস্টিটিউট (নমুনা)' });
    expect(institution.address).toContain('not a real institution');
    expect(programmes.map((p) => [p.sector, p.mobilityTrack, p.activities])).toEqual([
      ['ict', true, []],
      ['construction', false, ['welding-cutting']],
    ]);
    // Recorded under the user's name, who leads the inspection team.
    expect(institution.createdBy).toBe('Farhana Islam');
    const { assessment } = s.assessments.get(sample.assessmentId);
    expect(assessment).toMatchObject({ kind: 'inspection', status: 'draft', frameworkId: 'bd-eu-tvet', frameworkVersion: '1.0.0' });
    expect(assessment.team[0]).toEqual({ name: 'Farhana Islam', role: 'lead-inspector' });
    expect([assessment.plannedStart, assessment.siteVisitDate, assessment.plannedEnd]).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
  });

  it('leaves four non-critical criteria for the user and nothing else in the way of submitting', async () => {
    const s = newUser();
    const sample = await s.sample.create();
    expect(sample).toMatchObject({ created: true, toRate: 4 });
    const { assessment, ratings, framework } = sampleState(s, sample.assessmentId);
    const blockers = submissionBlockers(framework, scopeOf(assessment.programmes), ratings);
    const ict = assessment.programmes.find((p) => p.sector === 'ict')!.id;
    expect(blockers).toEqual([
      { criterionId: 'GQ-06', programmeId: null, code: 'unanswered' },
      { criterionId: 'TA-06', programmeId: null, code: 'unanswered' },
      { criterionId: 'IF-06', programmeId: null, code: 'unanswered' },
      { criterionId: 'ICT-06', programmeId: ict, code: 'unanswered' },
    ]);
    expect(s.assessments.list({}).find((a) => a.id === sample.assessmentId)).toMatchObject({ answered: 99, total: 103 });
  });

  it('tells a realistic story: every rating, N/A with reasons, figures, findings and a conditional outcome', async () => {
    const s = newUser();
    const sample = await s.sample.create();
    const { ratings, byUnit } = sampleState(s, sample.assessmentId);
    const counts = new Map<unknown, number>();
    for (const r of ratings) counts.set(r.rating, (counts.get(r.rating) ?? 0) + 1);
    for (const value of [0, 1, 2, 3, 'na']) expect(counts.get(value), String(value)).toBeGreaterThan(0);
    expect(byUnit.get('AS-05@ict')).toMatchObject({ rating: 'na', naReason: expect.stringContaining('RPL is not offered') });
    expect(byUnit.get('LS-03@construction')).toMatchObject({ rating: 'na', naReason: expect.stringContaining('Not on a mobility track') });
    expect(byUnit.get('TA-05@institution')).toMatchObject({ rating: 2, data: { learners_per_trainer_practical: 18 } });
    // Every rated unit carries a note, and Met on a critical criterion rests on records or observation.
    expect(ratings.filter((r) => r.rating !== 'na' && r.note === '').map((r) => r.criterionId)).toEqual(['OI-04', 'OI-08']);
    expect(byUnit.get('ICT-02@ict')?.evidenceSeen).toEqual(['OBS', 'REC']);

    const score = s.assessments.score(sample.assessmentId);
    const findings = (c: string) => score.findings.filter((f) => f.class === c).map((f) => f.criterionId);
    expect(findings('critical')).toEqual([]);
    expect(findings('major').sort()).toEqual(['AS-03', 'MR-06', 'QC-06']);
    expect(findings('minor')).toHaveLength(9);
    expect(score.outcome.decision).toBe('recommended-with-conditions');
    const light = (id: string, sector: string) =>
      score.items.find((i) => i.criterionId === id && i.programmeId === sampleState(s, sample.assessmentId).programme(sector).id)?.outcome;
    expect(light('OI-03', 'ict')?.light).toBe('green');
    expect(light('LS-03', 'ict')?.light).toBe('amber');
    expect(light('OI-07', 'ict')?.light).toBe('red');
    expect(light('OI-05', 'construction')?.status).toBe('insufficient-data');
    // The ICT programme is on a mobility track but its ESCO link is missing: not mobility-ready yet.
    expect(score.programmes.find((p) => p.mobilityReady !== null)?.mobilityReady?.ready).toBe(false);
  });

  it('writes the notes and captions in the language the user chose', async () => {
    const s = newUser('bn');
    const sample = await s.sample.create();
    const { byUnit } = sampleState(s, sample.assessmentId);
    expect(byUnit.get('QC-06@institution')?.note).toBe(
      'সর্বশেষ স্ব-মূল্যায়নের পর কোনো উন্নয়ন পরিকল্পনা প্রকাশ করা হয়নি; শিক্ষার্থীদের মতামত ফরম সংগ্রহ করা হয় কিন্তু বিশ্লেষণ করা হয় না।',
    );
    expect(byUnit.get('GQ-02@institution')?.note).toMatch(/[\u0980-\u09FF]/);
    // The district is stored as its code from the closed list; a Bangla screen shows গাজীপুর.
    expect(s.institutions.get(sample.institutionId).institution.district).toBe('gazipur');
    expect(s.evidence.list(sample.assessmentId).items.map((i) => i.caption)).toEqual([
      'অগ্নি-মহড়ার রেজিস্টার, ফেব্রুয়ারি (নমুনা নথি)',
      'ওয়েল্ডিং বুথ ও ধোঁয়া নিষ্কাশন হুড (নমুনা ছবি)',
    ]);
  });

  it('attaches a document and a photo taken on the site-visit day', async () => {
    const s = newUser();
    const sample = await s.sample.create();
    const welding = sampleState(s, sample.assessmentId).programme('construction').id;
    const items = s.evidence.list(sample.assessmentId).items;
    expect(items.map((i) => [i.mediaType, i.evidenceType, i.links, i.takenAt])).toEqual([
      ['application/pdf', 'DOC', [{ criterionId: 'IF-04', programmeId: null }], null],
      ['image/jpeg', 'PHOTO', [{ criterionId: 'CON-03', programmeId: welding }], '2026-03-10T10:20:00'],
    ]);
    expect((await s.evidence.verifyAll(sample.assessmentId)).problems).toEqual([]);
  });

  it('is made once: asking again returns the same sample, also after restarting', async () => {
    const s = newUser();
    const first = await s.sample.create();
    const again = await s.sample.create();
    expect(again).toEqual({ ...first, created: false });
    const dataDir = s.options.dataDir;
    s.close();
    const reopened = openTestServices({ dataDir, bundledFrameworksDir });
    expect(await reopened.sample.create()).toEqual({ ...first, created: false });
    expect(reopened.institutions.list({ search: '', sort: 'name', includeArchived: true, limit: 100, offset: 0 }).total).toBe(1);
    expect(reopened.assessments.list({})).toHaveLength(1);
    expect(reopened.db.prepare("SELECT action FROM change_log WHERE entity = 'sample'").all()).toEqual([{ action: 'create' }]);
    reopened.close();
  });

  it('makes an institution administrator’s sample a self-assessment they lead, which they may finalise themselves', async () => {
    const s = newUser();
    s.settings.update({ role: 'institution-administrator' });
    const sample = await s.sample.create();
    const { assessment } = s.assessments.get(sample.assessmentId);
    expect(assessment).toMatchObject({ kind: 'self-assessment', team: [{ name: 'Farhana Islam', role: 'administrator' }] });
    // Four eyes does not apply to a self-assessment: the administrator rates the rest, submits and finalises.
    for (const [criterionId, programmeId] of [
      ['GQ-06', null],
      ['TA-06', null],
      ['IF-06', null],
      ['ICT-06', assessment.programmes.find((p) => p.sector === 'ict')!.id],
    ] as const) {
      s.ratings.save({ assessmentId: sample.assessmentId, criterionId, programmeId, patch: { rating: 3 } });
    }
    const submitted = s.workflow.submit(sample.assessmentId, s.assessments.get(sample.assessmentId).assessment.revision);
    expect(s.workflow.finalise(submitted.id, submitted.revision).finalisedBy).toBe('Farhana Islam');
  });

  it('counts what is left to rate when returned again', async () => {
    const s = newUser();
    const sample = await s.sample.create();
    s.ratings.save({ assessmentId: sample.assessmentId, criterionId: 'GQ-06', programmeId: null, patch: { rating: 3 } });
    expect((await s.sample.create()).toRate).toBe(3);
  });

  it('goes all the way to a finalised inspection with corrective actions once the user has rated the rest', async () => {
    const s = newUser();
    const sample = await s.sample.create();
    const { assessment } = sampleState(s, sample.assessmentId);
    const ict = assessment.programmes.find((p) => p.sector === 'ict')!.id;
    for (const [criterionId, programmeId, rating] of [
      ['GQ-06', null, 3],
      ['TA-06', null, 2],
      ['IF-06', null, 1],
      ['ICT-06', ict, 3],
    ] as const) {
      s.ratings.save({ assessmentId: sample.assessmentId, criterionId, programmeId, patch: { rating } });
    }
    const submitted = s.workflow.submit(sample.assessmentId, s.assessments.get(sample.assessmentId).assessment.revision);
    const finalised = asReviewer(s, () => s.workflow.finalise(submitted.id, submitted.revision));
    expect(finalised.score).toMatchObject({ decision: 'recommended-with-conditions', complete: true });
    const actions = s.correctiveActions.list({ assessmentId: sample.assessmentId });
    expect(actions.filter((a) => a.findingClass === 'major')).toHaveLength(3);
    expect(actions.filter((a) => a.findingClass === 'minor')).toHaveLength(10);
    expect(new Set(actions.map((a) => a.owner))).toEqual(new Set(['Engr. Farzana Haque']));
  });

  it('answers on its channel the same sample twice, and refuses a request with extra fields', async () => {
    const s = newUser();
    const dispatch = createDispatcher(createHandlers(s, 'browser'));
    const first = await dispatch('sample:create', {});
    expect(first).toMatchObject({ ok: true, value: { created: true, toRate: 4 } });
    const second = await dispatch('sample:create', {});
    expect(second).toMatchObject({ ok: true, value: { created: false, toRate: 4 } });
    const idOf = (r: typeof first) => (r.ok ? (r.value as SampleAssessment).assessmentId : null);
    expect(idOf(second)).toBe(idOf(first));
    expect(await dispatch('sample:create', { copies: 2 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('is refused without the default framework, and leaves nothing behind', async () => {
    const s = openTestServices();
    s.settings.update({ userName: 'Farhana Islam' });
    await expect(s.sample.create()).rejects.toMatchObject({ code: 'not-found' });
    expect(s.institutions.list({ search: '', sort: 'name', includeArchived: true, limit: 100, offset: 0 }).total).toBe(0);
  });
});
