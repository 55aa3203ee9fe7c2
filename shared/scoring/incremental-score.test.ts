import { describe, expect, it } from 'vitest';
import { testFramework } from '../framework/test-fixture';
import { applicableItems } from './applicable-items';
import { IncrementalScore } from './incremental-score';
import type { RatingEntry } from './inputs';
import { scoreAssessment } from './score-assessment';
import { generator, pick, randomData, randomScope, twoProgrammes } from './test-helpers';

const framework = testFramework();

const evidenceChoices = [undefined, [], ['INT-M'], ['INT-M', 'INT-T'], ['OBS'], ['INT-M', 'REC'], ['DOC']] as const;

function randomEntry(random: () => number, unit: { criterionId: string; programmeId: string | null }): RatingEntry {
  const data = randomData(random, unit.criterionId);
  const evidence = pick(random, evidenceChoices);
  return {
    criterionId: unit.criterionId,
    programmeId: unit.programmeId,
    rating: pick(random, [0, 1, 2, 3, 3, 3, 'na', null] as const),
    ...(data === undefined ? {} : { data }),
    ...(evidence === undefined ? {} : { evidence: [...evidence] }),
  };
}

const key = (e: { criterionId: string; programmeId: string | null }) => `${e.criterionId}@${e.programmeId ?? ''}`;

describe('IncrementalScore', () => {
  it('equals scoreAssessment after every change of a random sequence (120 seeded cases)', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const random = generator(seed);
      const scope = randomScope(random);
      const units = applicableItems(framework, scope);
      const entries = new Map<string, RatingEntry>();
      for (const u of units) if (random() < 0.5) entries.set(key(u), randomEntry(random, u));
      if (random() < 0.3) entries.set('ZZ-01@', { criterionId: 'ZZ-01', programmeId: null, rating: 3 });
      const live = new IncrementalScore(framework, scope, entries.values());
      expect(live.score()).toEqual(scoreAssessment(framework, scope, [...entries.values()]));
      for (let step = 0; step < 25; step++) {
        const outside = random() < 0.05;
        const unit = outside ? { criterionId: 'ZZ-02', programmeId: null } : pick(random, units);
        const entry = random() < 0.15 ? undefined : randomEntry(random, unit);
        if (entry === undefined) entries.delete(key(unit));
        else entries.set(key(unit), entry);
        live.set(unit.criterionId, unit.programmeId, entry);
        const expected = scoreAssessment(framework, scope, [...entries.values()]);
        const actual = live.score();
        // Same values and the same key order (results are fingerprinted as JSON elsewhere).
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          expect(actual).toEqual(expected);
          throw new Error(`seed ${seed}, step ${step}: key order differs`);
        }
      }
    }
  });

  it('keeps one result until something is set, and reads one unit', () => {
    const live = new IncrementalScore(framework, twoProgrammes);
    const first = live.score();
    expect(live.score()).toBe(first);
    const unit = applicableItems(framework, twoProgrammes).find((u) => u.applicable && u.groupKind === 'core')!;
    live.set(unit.criterionId, unit.programmeId, { ...unit, rating: 3, evidence: ['INT-M'] });
    const second = live.score();
    expect(second).not.toBe(first);
    expect(second.counts.answered).toBe(first.counts.answered + 1);
    // Interviews alone cap a 3 at 2 (§7.1); an observation lifts the cap.
    expect(live.item(unit.criterionId, unit.programmeId)).toMatchObject({ rating: 2, typed: 3, capped: 'interview-only' });
    live.set(unit.criterionId, unit.programmeId, { ...unit, rating: 3, evidence: ['INT-M', 'OBS'] });
    expect(live.item(unit.criterionId, unit.programmeId)).toMatchObject({ rating: 3 });
    expect(live.item(unit.criterionId, unit.programmeId)?.capped).toBeUndefined();
    expect(live.item('ZZ-99', null)).toBeUndefined();
  });
});
