import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../../../../shared/assessments/scope';
import { testFramework } from '../../../../../shared/framework/test-fixture';
import { applicableItems } from '../../../../../shared/scoring';
import { compareVersions, newestFramework } from './framework-order';
import { RatingStore } from './rating-store';
import { buildModel } from './units';
import { programme } from './test-programmes';

describe('workspace model', () => {
  const framework = testFramework();
  const programmes = [
    programme('a0000000-0000-4000-8000-000000000001', { activities: ['welding-cutting'] }),
    programme('a0000000-0000-4000-8000-000000000002'),
  ];
  const model = buildModel(framework, scopeOf(programmes), programmes);

  it('walks the institution first, then each programme with its core groups and then its sector module', () => {
    expect(model.sections.map((s) => `${s.group.id}/${s.programme?.id.slice(-1) ?? '-'}`)).toEqual([
      'GQ/-',
      'OI/1',
      'CON/1',
      'OI/2',
      'CON/2',
    ]);
  });

  it('holds exactly the units the score counts, in walking order, conditional ones marked', () => {
    expect(model.units).toHaveLength(applicableItems(framework, scopeOf(programmes)).length);
    expect(model.units.map((u) => u.index)).toEqual(model.units.map((_, i) => i));
    const welding = model.unitByKey.get(`CON-03@${programmes[0]!.id}`)!;
    const noWelding = model.unitByKey.get(`CON-03@${programmes[1]!.id}`)!;
    expect([welding.applicable, welding.critical]).toEqual([true, true]);
    expect([noWelding.applicable, noWelding.critical]).toEqual([false, false]);
  });
});

describe('rating store', () => {
  it('moves the score version only for changes that move the score', () => {
    const store = new RatingStore([]);
    let unitCalls = 0;
    let scoreCalls = 0;
    store.subscribeUnit('GQ-01@', () => unitCalls++);
    const moved: string[] = [];
    store.subscribeScore((key) => (scoreCalls++, moved.push(key)));
    store.update('GQ-01@', { note: 'typed' });
    store.update('GQ-01@', { overrideReason: 'Register seen at the district office.' });
    expect([unitCalls, scoreCalls, store.scoreVersion]).toEqual([2, 0, 0]);
    // Evidence moves the score (§7.1: a "Met" on interviews alone counts as 2), as a rating does.
    store.update('GQ-01@', { evidenceSeen: ['INT-M'] });
    expect([unitCalls, scoreCalls, store.scoreVersion]).toEqual([3, 1, 1]);
    store.update('GQ-01@', { rating: 2 });
    expect([unitCalls, scoreCalls, store.scoreVersion]).toEqual([4, 2, 2]);
    expect(store.get('GQ-01@')).toMatchObject({ rating: 2, note: 'typed', evidenceSeen: ['INT-M'] });
    expect(store.entries()).toEqual([{ criterionId: 'GQ-01', programmeId: null, rating: 2, data: {}, evidence: ['INT-M'] }]);
    // Files attached to the unit count as evidence seen too, and move its score when they come or go.
    store.setAttached(
      new Map([
        ['GQ-01@', ['REC']],
        ['GQ-02@', ['OBS']],
      ]),
    );
    expect(store.entries()[0]?.evidence).toEqual(['INT-M', 'REC']);
    expect(moved.slice(2)).toEqual(['GQ-01@', 'GQ-02@']);
    store.setAttached(new Map([['GQ-01@', ['REC']]]));
    expect(moved.slice(4)).toEqual(['GQ-02@']);
    expect(store.entry('GQ-02@')).toBeUndefined();
  });
});

describe('framework versions', () => {
  it('orders versions by number, a pre-release before its release', () => {
    expect(['1.10.0', '1.9.0', '2.0.0-rc.1', '2.0.0', '1.0.0'].sort(compareVersions)).toEqual([
      '1.0.0',
      '1.9.0',
      '1.10.0',
      '2.0.0-rc.1',
      '2.0.0',
    ]);
  });

  it('starts new assessments on the newest version', () => {
    const v = (version: string, importedAt = '2026-01-01') =>
      ({
        id: version,
        frameworkId: 'f',
        version,
        titleEn: '',
        titleBn: '',
        contentHash: '',
        criteria: 1,
        source: '',
        importedAt,
        importedBy: '',
      }) as const;
    expect(newestFramework([v('1.2.0'), v('1.10.0'), v('1.9.9')])?.id).toBe('1.10.0');
    expect(newestFramework([])).toBeUndefined();
  });
});
