import { describe, expect, it } from 'vitest';
import { diffFrameworks, mapRatingsToVersion } from './diff';
import { makeCriterion, testFramework } from './test-fixture';

describe('diffFrameworks', () => {
  it('finds nothing between identical versions', () => {
    expect(diffFrameworks(testFramework(), testFramework())).toEqual({ added: [], removed: [], reworded: [], changed: [] });
  });

  it('classifies added, removed, reworded and changed criteria by id', () => {
    const older = testFramework();
    const newer = testFramework();
    newer.version = '1.1.0';
    const gq = newer.groups[0]!;
    gq.criteria = gq.criteria.filter((c) => c.id !== 'GQ-02');
    gq.criteria.push(makeCriterion('GQ-04'));
    gq.criteria[0]!.title = { en: 'Legal status', bn: 'আইনগত অবস্থা' };
    newer.groups[1]!.criteria[0]!.guidance.bn = 'নতুন নির্দেশনা';
    newer.groups[1]!.criteria[2]!.weight = 3;
    newer.groups[2]!.criteria[1]!.critical = { mode: 'always' };
    newer.groups[2]!.criteria[2]!.evidence = ['OBS'];
    gq.criteria[1]!.level = 'programme'; // GQ-03
    // Reworded and changed at once.
    newer.groups[2]!.criteria[0]!.title.en = 'Site safety';
    newer.groups[2]!.criteria[0]!.weight = 2;

    expect(diffFrameworks(older, newer)).toEqual({
      added: ['GQ-04'],
      removed: ['GQ-02'],
      reworded: ['GQ-01', 'OI-01', 'CON-01'],
      changed: ['GQ-03', 'OI-03', 'CON-01', 'CON-02', 'CON-03'],
    });
  });

  it('counts a benchmark change and a move to another group as changes', () => {
    const older = testFramework();
    const newer = testFramework();
    newer.groups[1]!.criteria[2]!.outcome!.green = 85;
    const moved = newer.groups[0]!.criteria.pop()!;
    newer.groups[1]!.criteria.push(moved);
    expect(diffFrameworks(older, newer).changed).toEqual(['OI-03', 'GQ-03']);
  });
});

describe('mapRatingsToVersion', () => {
  it('keeps ratings of criteria that still exist and lists the rest as dropped', () => {
    const newer = testFramework();
    newer.groups[0]!.criteria.splice(1, 1); // drop GQ-02
    const ratings = { 'GQ-01': 3, 'GQ-02': 1, 'OI-03': 2, 'ZZ-01': 0 };
    expect(mapRatingsToVersion(ratings, newer)).toEqual({ kept: { 'GQ-01': 3, 'OI-03': 2 }, dropped: ['GQ-02', 'ZZ-01'] });
  });

  it('never assigns a hostile key', () => {
    const ratings = JSON.parse('{"__proto__": {"polluted": true}, "GQ-01": 1}') as Record<string, unknown>;
    const { kept, dropped } = mapRatingsToVersion(ratings, testFramework());
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(kept).toEqual({ 'GQ-01': 1 });
    expect(dropped).toEqual(['__proto__']);
  });
});
