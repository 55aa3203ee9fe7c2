import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../../../../shared/assessments/scope';
import { testFramework } from '../../../../../shared/framework/test-fixture';
import { scoreAssessment } from '../../../../../shared/scoring';
import { PAGE, shownRanges } from './list-window';
import { LiveScore } from './live-score';
import { RatingStore } from './rating-store';
import { programme } from './test-programmes';
import { buildModel } from './units';

describe('the live score of the open assessment', () => {
  const framework = testFramework();
  const programmes = [programme('a0000000-0000-4000-8000-000000000001', { activities: ['welding-cutting'] })];
  const scope = scopeOf(programmes);
  const model = buildModel(framework, scope, programmes);
  const rateable = model.units.filter((u) => u.applicable && u.criterion.outcome === undefined);

  it('is the services’ score of what is on screen, and follows every rating', () => {
    const store = new RatingStore([]);
    const live = new LiveScore(framework, scope, store, model);
    expect(live.getScore().counts.answered).toBe(0);
    store.update(rateable[0]!.key, { rating: 1 });
    store.update(rateable[1]!.key, { rating: 3 });
    expect(live.getScore()).toEqual(scoreAssessment(framework, scope, store.entries()));
    expect(live.getScore().counts.answered).toBe(2);
    expect(live.stats().get(rateable[0]!.sectionId)!.answered).toBeGreaterThanOrEqual(1);
    expect(live.isNonConformity(rateable[0]!)).toBe(true);
    expect(live.isNonConformity(rateable[1]!)).toBe(false);
    expect(live.isUnanswered(rateable[1]!)).toBe(false);
  });

  it('is computed once per change, so every part that shows it within a frame shares one result', () => {
    const store = new RatingStore([]);
    const live = new LiveScore(framework, scope, store, model);
    const first = live.getScore();
    expect(live.getScore()).toBe(first);
    // A note does not move the score: nothing is recomputed and no follower re-renders.
    store.update(rateable[0]!.key, { note: 'seen the register' });
    expect(live.getScore()).toBe(first);
    store.update(rateable[0]!.key, { rating: 2 });
    expect(live.getScore()).not.toBe(first);
  });

  it('points at the first criterion still to do, and says when the inspector differs from the institution', () => {
    const store = new RatingStore([]);
    const live = new LiveScore(framework, scope, store, model);
    expect(live.firstToDo(model.units)?.key).toBe(model.units.find((u) => u.applicable)!.key);
    store.update(rateable[0]!.key, { rating: 2 });
    expect(live.firstToDo([rateable[0]!, rateable[1]!])?.key).toBe(rateable[1]!.key);
    const self = new Map([[rateable[0]!.key, 3 as const]]);
    expect(live.isChanged(rateable[0]!, self)).toBe(true);
    expect(live.isChanged(rateable[1]!, self)).toBe(false);
  });
});

describe('the live score kept unit by unit', () => {
  const framework = testFramework();
  const programmes = [programme('a0000000-0000-4000-8000-000000000001', { activities: ['welding-cutting'] })];
  const scope = scopeOf(programmes);
  const model = buildModel(framework, scope, programmes);
  const rateable = model.units.filter((u) => u.applicable && u.criterion.outcome === undefined);
  const critical = rateable.find((u) => u.critical)!;
  const plain = rateable.find((u) => !u.critical)!;

  it('equals the full score after every change, and moves only the section that changed', () => {
    const store = new RatingStore([]);
    const live = new LiveScore(framework, scope, store, model);
    const ratings = [3, 2, 1, 0, 'na', null] as const;
    rateable.forEach((u, i) => {
      const before = new Map(live.stats());
      store.update(u.key, { rating: ratings[i % ratings.length]!, evidenceSeen: i % 3 === 0 ? ['INT-M'] : ['OBS'] });
      expect(live.getScore()).toEqual(scoreAssessment(framework, scope, store.entries()));
      for (const [id, stat] of live.stats()) if (id !== u.sectionId) expect(stat).toBe(before.get(id));
    });
    const full = scoreAssessment(framework, scope, store.entries());
    expect(live.nonConformityCount()).toBe(full.findings.filter((f) => f.class !== 'observation').length);
    for (const s of model.sections) {
      const units = s.units.filter((u) => u.applicable);
      const items = units.map((u) => live.scored(u.key)!);
      expect(live.sectionStat(s.id)).toMatchObject({
        total: units.length,
        answered: items.filter((i) => i.status !== 'unanswered').length,
      });
    }
  });

  it('follows files attached and removed: interviews alone count a "Met" as 2, an observation lifts the cap', () => {
    const store = new RatingStore([]);
    const live = new LiveScore(framework, scope, store, model);
    store.update(plain.key, { rating: 3, evidenceSeen: ['INT-M'] });
    const capped = live.getScore();
    expect(live.counted(plain.key)).toBe(2);
    expect(live.scored(plain.key)).toMatchObject({ rating: 2, typed: 3, capped: 'interview-only' });
    let told = 0;
    live.subscribe(() => told++);
    store.setAttached(new Map([[plain.key, ['OBS']]]));
    expect(told).toBe(1);
    expect(live.counted(plain.key)).toBe(3);
    expect(live.getScore()).not.toBe(capped);
    expect(live.getScore()).toEqual(scoreAssessment(framework, scope, store.entries()));
    // A critical "Met" without observation or record is flagged until a record is attached.
    store.update(critical.key, { rating: 3 });
    expect(live.scored(critical.key)?.criticalMetWithoutObsOrRec).toBe(true);
    store.setAttached(
      new Map([
        [plain.key, ['OBS']],
        [critical.key, ['REC']],
      ]),
    );
    expect(live.scored(critical.key)?.criticalMetWithoutObsOrRec).toBeUndefined();
    store.setAttached(new Map());
    expect(live.counted(plain.key)).toBe(2);
  });

  it('counts the answers that differ from the institution’s own by what they count as', () => {
    const store = new RatingStore([]);
    const self = new Map([[plain.key, 3 as const]]);
    const live = new LiveScore(framework, scope, store, model, self);
    store.update(plain.key, { rating: 3, evidenceSeen: ['INT-M'] });
    expect(live.changedCount()).toBe(1);
    store.update(plain.key, { evidenceSeen: ['INT-M', 'OBS'] });
    expect(live.changedCount()).toBe(0);
  });
});

describe('the cards a long list renders', () => {
  it('grows from the top down to a current criterion near it', () => {
    expect(shownRanges(967, -1, PAGE, 0)).toEqual({ head: PAGE, from: PAGE, to: PAGE });
    expect(shownRanges(967, 45, PAGE, 0)).toEqual({ head: 56, from: 56, to: 56 });
    expect(shownRanges(967, 45, PAGE, PAGE)).toEqual({ head: 96, from: 96, to: 96 });
    expect(shownRanges(12, 5, PAGE, 0)).toEqual({ head: 12, from: 12, to: 12 });
  });

  it('gives a current criterion 800 places down a window of its own: about sixty cards, not eight hundred', () => {
    const r = shownRanges(967, 820, PAGE, 0);
    expect(r).toEqual({ head: PAGE, from: 810, to: 831 });
    expect(r.head + (r.to - r.from)).toBeLessThanOrEqual(70);
    // "Show more" below the window adds cards after it; the list's end is never passed.
    expect(shownRanges(967, 820, PAGE, 200).to).toBe(967);
    // The first page grown up to the window joins it.
    expect(shownRanges(967, 820, 800, 0)).toEqual({ head: 831, from: 831, to: 831 });
  });
});
