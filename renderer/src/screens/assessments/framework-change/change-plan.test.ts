import { describe, expect, it } from 'vitest';
import type { Rating } from '../../../../../shared/assessments/schema';
import type { FrameworkVersionSummary } from '../../../../../shared/framework/contract';
import { diffFrameworks } from '../../../../../shared/framework/diff';
import { makeCriterion, testFramework, text } from '../../../../../shared/framework/test-fixture';
import { programme } from '../model/test-programmes';
import { changedAspects, newerVersions, planChange } from './change-plan';

const weldingId = 'a0000000-0000-4000-8000-000000000001';
const programmes = [programme(weldingId, { activities: ['welding-cutting'] })];

function rating(criterionId: string, programmeId: string | null, value: Rating['rating'], note = ''): Rating {
  return {
    criterionId,
    programmeId,
    rating: value,
    naReason: value === 'na' ? 'Does not apply' : '',
    note,
    data: {},
    maturity: null,
    evidenceSeen: [],
    updatedAt: '2026-03-10T09:00:00.000Z',
    updatedBy: 'Rahima Akter',
  };
}

/** 1.1.0 of the test framework: GQ-02 removed, GQ-03 reworded, CON-02 weight 2 → 3 and always critical, GQ-04 added. */
function nextVersion() {
  const next = testFramework();
  next.version = '1.1.0';
  const gq = next.groups.find((g) => g.id === 'GQ')!;
  gq.criteria = gq.criteria.filter((c) => c.id !== 'GQ-02');
  gq.criteria.find((c) => c.id === 'GQ-03')!.title = text('Reworded GQ-03');
  gq.criteria.push(makeCriterion('GQ-04'));
  const con = next.groups.find((g) => g.id === 'CON')!;
  const con2 = con.criteria.find((c) => c.id === 'CON-02')!;
  con2.weight = 3;
  con2.critical = { mode: 'always' };
  return next;
}

describe('the review of a move to another framework version', () => {
  const current = testFramework();
  const target = nextVersion();
  const diff = diffFrameworks(current, target);

  it('drops ratings whose unit is gone, keeps the rest in the new order, and says what changed about each', () => {
    const ratings = [
      rating('CON-02', weldingId, 'na', 'kept, but N/A is no longer allowed'),
      rating('GQ-02', null, 2, 'Plan seen in the principal’s office'),
      rating('GQ-03', null, 3),
      rating('GQ-01', null, 1),
    ];
    const plan = planChange(programmes, ratings, current, target, diff);
    expect(plan.dropped.map((d) => [d.key, d.criterion.title.en, d.rating.note])).toEqual([
      ['GQ-02@', 'Title GQ-02', 'Plan seen in the principal’s office'],
    ]);
    expect(plan.carried.map((c) => [c.key, c.changes, c.reset])).toEqual([
      ['GQ-01@', [], null],
      ['GQ-03@', ['reworded'], null],
      [`CON-02@${weldingId}`, ['changed'], 'naNotAllowed'],
    ]);
    // The carried criterion is shown as the new version words it.
    expect(plan.carried[1]!.criterion.title.en).toBe('Reworded GQ-03');
    expect(plan.carried[2]!.programme?.id).toBe(weldingId);
  });

  it('says when a carried rating goes back to unanswered because the criterion no longer applies', () => {
    const narrower = nextVersion();
    narrower.groups.find((g) => g.id === 'CON')!.criteria.find((c) => c.id === 'CON-02')!.appliesWhen = 'mobility-track';
    const plan = planChange(programmes, [rating('CON-02', weldingId, 2)], current, narrower, diffFrameworks(current, narrower));
    expect(plan.carried.map((c) => [c.key, c.reset])).toEqual([[`CON-02@${weldingId}`, 'notApplicable']]);
    expect(plan.dropped).toEqual([]);
  });

  it('drops nothing and changes nothing when there is nothing rated', () => {
    expect(planChange(programmes, [], current, target, diff)).toEqual({ dropped: [], carried: [] });
  });

  it('names the rules that changed', () => {
    const con2 = (f: typeof current) => ({
      criterion: f.groups.find((g) => g.id === 'CON')!.criteria.find((c) => c.id === 'CON-02')!,
      groupId: 'CON',
    });
    expect(changedAspects(con2(current), con2(target))).toEqual(['weight', 'critical']);
    expect(changedAspects(con2(current), con2(current))).toEqual([]);
  });

  it('offers only higher versions of the same framework, newest first', () => {
    const summary = (frameworkId: string, version: string): FrameworkVersionSummary => ({
      id: `${frameworkId}-${version}`,
      frameworkId,
      version,
      titleEn: frameworkId,
      titleBn: '',
      contentHash: version,
      criteria: 1,
      source: 'import:json',
      importedAt: '2026-01-01T00:00:00.000Z',
      importedBy: 'Head office',
    });
    const items = [
      summary('bd-eu-tvet', '1.0.0'),
      summary('bd-eu-tvet', '1.1.0'),
      summary('bd-eu-tvet', '1.10.0'),
      summary('bd-eu-tvet', '0.9.0'),
      summary('other', '2.0.0'),
    ];
    expect(newerVersions(items, { frameworkId: 'bd-eu-tvet', version: '1.0.0' }).map((v) => v.version)).toEqual(['1.10.0', '1.1.0']);
    expect(newerVersions(items, { frameworkId: 'bd-eu-tvet', version: '1.10.0' })).toEqual([]);
  });
});
