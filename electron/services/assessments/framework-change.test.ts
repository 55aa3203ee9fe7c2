import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/framework';
import { testFramework } from '../../../shared/framework/test-fixture';
import { AppError } from '../../../shared/ipc/result';
import type { AppServices } from '../app-services';
import { setUp } from './test-fixtures';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** A hand-made next version (1.9.0; 1.1.0 is bundled) of the default framework: GQ-07 removed, GQ-02 reworded, GQ-08 added. */
function importNextVersion(s: AppServices, baseId: string): string {
  const next = structuredClone(s.frameworks.get(baseId).framework) as Framework;
  next.version = '1.9.0';
  const gq = next.groups.find((g) => g.id === 'GQ')!;
  const removed = gq.criteria.findIndex((c) => c.id === 'GQ-07');
  const template = gq.criteria[removed]!;
  gq.criteria.splice(removed, 1);
  for (const phase of next.eqavet.phases) phase.criteria = phase.criteria.filter((id) => id !== 'GQ-07');
  for (const indicator of next.eqavet.indicators) indicator.criteria = indicator.criteria.filter((id) => id !== 'GQ-07');
  gq.criteria.find((c) => c.id === 'GQ-02')!.title = {
    en: 'Published mission, vision and quality policy',
    bn: 'প্রকাশিত লক্ষ্য, রূপকল্প ও মাননীতি',
  };
  gq.criteria.push({ ...template, id: 'GQ-08', title: { en: 'Whistle-blowing channel', bn: 'অভিযোগ জানানোর গোপন মাধ্যম' } });
  const outcome = s.frameworks.importFramework(next, 'import:json');
  expect(outcome.status).toBe('imported');
  return outcome.summary.id;
}

describe('moving a draft to another framework version', () => {
  it('previews the move without changing anything, then applies it: ratings follow their criterion id', () => {
    const { s, care, version, input } = setUp();
    const nextId = importNextVersion(s, version.id);
    const a = s.assessments.create(input());
    for (const [criterionId, programmeId, rating] of [
      ['GQ-02', null, 2],
      ['GQ-07', null, 3],
      ['CU-01', care.id, 1],
    ] as const) {
      s.ratings.save({ assessmentId: a.id, criterionId, programmeId, patch: { rating, note: `${criterionId} note` } });
    }
    const before = s.assessments.get(a.id);

    const preview = s.frameworkChange.change({ id: a.id, revision: a.revision, frameworkVersionId: nextId, apply: false });
    expect(preview).toEqual({
      added: ['GQ-08'],
      removed: ['GQ-07'],
      reworded: ['GQ-02'],
      changed: [],
      droppedRatings: 1,
      notes: [],
      assessment: null,
    });
    expect(s.assessments.get(a.id)).toEqual(before);

    const applied = s.frameworkChange.change({ id: a.id, revision: a.revision, frameworkVersionId: nextId, apply: true });
    expect(applied.droppedRatings).toBe(1);
    const next = s.frameworks.get(nextId).summary;
    expect(applied.assessment).toMatchObject({
      frameworkVersionId: nextId,
      frameworkVersion: '1.9.0',
      frameworkContentHash: next.contentHash,
      revision: a.revision + 1,
    });
    expect(next.contentHash).not.toBe(a.frameworkContentHash);
    const after = s.assessments.get(a.id).ratings;
    expect(after.map((r) => [r.criterionId, r.rating, r.note])).toEqual([
      ['CU-01', 1, 'CU-01 note'],
      ['GQ-02', 2, 'GQ-02 note'],
    ]);
    expect(s.assessments.list({})[0]).toMatchObject({ frameworkVersion: '1.9.0', answered: 2, total: 106 });
    // The new criterion can be rated; the removed one cannot.
    s.ratings.save({ assessmentId: a.id, criterionId: 'GQ-08', programmeId: null, patch: { rating: 2 } });
    expect(
      refusal(() => s.ratings.save({ assessmentId: a.id, criterionId: 'GQ-07', programmeId: null, patch: { rating: 2 } })).issues,
    ).toEqual([{ path: ['criterionId'], message: 'assessments.errors.unknownCriterion' }]);
    const log = s.db
      .prepare("SELECT payload FROM change_log WHERE entity = 'assessment' AND entity_id = ? AND action = 'change-framework'")
      .pluck()
      .get(a.id) as string;
    expect(JSON.parse(log)).toMatchObject({ from: { version: '1.0.0' }, to: { version: '1.9.0' }, droppedRatings: ['GQ-07@'] });
    s.close();
  });

  it('refuses a stale revision, another framework, the same version, and anything but a draft', () => {
    const { s, version, input } = setUp();
    const nextId = importNextVersion(s, version.id);
    const otherFamily = s.frameworks.importFramework(testFramework(), 'import:json').summary.id;
    const a = s.assessments.create(input());
    const move = (frameworkVersionId: string, revision = a.revision) =>
      refusal(() => s.frameworkChange.change({ id: a.id, revision, frameworkVersionId, apply: false }));
    expect(move(otherFamily).issues).toEqual([{ path: ['frameworkVersionId'], message: 'assessments.errors.frameworkOtherFamily' }]);
    expect(move(version.id).issues).toEqual([{ path: ['frameworkVersionId'], message: 'assessments.errors.frameworkSameVersion' }]);
    expect(move('00000000-0000-4000-8000-00000000dead').issues).toEqual([
      { path: ['frameworkVersionId'], message: 'assessments.errors.frameworkNotFound' },
    ]);
    expect(move(nextId, a.revision + 7).code).toBe('conflict');
    s.close();
  });
});
