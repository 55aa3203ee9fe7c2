import { describe, expect, it } from 'vitest';
import { testFramework } from '../framework/test-fixture';
import { canonicalJson } from '../util/canonical-json';
import { applicableItems } from './applicable-items';
import { classifyFinding } from './findings';
import type { AssessmentScope, RatingEntry } from './inputs';
import { scoreAssessment } from './score-assessment';
import { generator, pick, randomData, randomScope } from './test-helpers';

function shuffled<T>(random: () => number, values: readonly T[]): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const framework = testFramework();

function randomRatings(random: () => number, scope: AssessmentScope): RatingEntry[] {
  const entries: RatingEntry[] = [];
  for (const item of applicableItems(framework, scope)) {
    if (random() < 0.1) continue; // unanswered
    const data = randomData(random, item.criterionId);
    const entry: RatingEntry = {
      criterionId: item.criterionId,
      programmeId: item.programmeId,
      rating: pick(random, [0, 1, 2, 3, 3, 3, 'na', null] as const),
      ...(data === undefined ? {} : { data }),
    };
    entries.push(entry);
    if (random() < 0.05) entries.push({ ...entry }); // identical duplicate
    if (random() < 0.03) entries.push({ ...entry, rating: 0 }); // possibly conflicting duplicate
  }
  if (random() < 0.2) entries.push({ criterionId: 'ZZ-01', programmeId: null, rating: 3 });
  return entries;
}

describe('scoreAssessment is deterministic', () => {
  it('gives an identical result for the same ratings in any order (300 seeded cases)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = generator(seed);
      const scope = randomScope(random);
      const ratings = randomRatings(random, scope);
      const expected = canonicalJson(scoreAssessment(framework, scope, ratings));
      for (let round = 0; round < 3; round++) {
        const actual = canonicalJson(scoreAssessment(framework, scope, shuffled(random, ratings)));
        if (actual !== expected) throw new Error(`seed ${seed}, round ${round}: the result depends on rating order`);
      }
    }
  });

  it('keeps its invariants on random input', () => {
    for (let seed = 1000; seed < 1200; seed++) {
      const random = generator(seed);
      const scope = randomScope(random);
      const result = scoreAssessment(framework, scope, randomRatings(random, scope));
      const { counts } = result;
      expect(counts.answered + counts.unanswered).toBe(counts.total);
      expect(result.complete).toBe(counts.unanswered === 0);
      for (const p of [result.overall, ...result.groups]) {
        if (p.pct === null) expect(p.possible).toBe(0);
        else {
          expect(p.pct).toBeGreaterThanOrEqual(0);
          expect(p.pct).toBeLessThanOrEqual(100);
          expect(p.pctRounded).toBeLessThanOrEqual(p.pct);
          expect(p.pct - p.pctRounded!).toBeLessThan(0.1);
        }
      }
      for (const f of result.findings) expect(classifyFinding(f.rating, f.critical)).toBe(f.class);
      if (result.findings.some((f) => f.class === 'critical')) expect(result.outcome.decision).toBe('not-recommended');
      for (const notice of result.stopUseNotices) {
        expect(result.findings).toContainEqual(
          expect.objectContaining({ criterionId: notice.criterionId, programmeId: notice.programmeId, class: 'critical', safety: true }),
        );
      }
    }
  });
});
