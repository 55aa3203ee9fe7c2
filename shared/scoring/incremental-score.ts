import type { Criterion, Framework } from '../framework/schema';
import { applicableItems, uniqueProgrammes } from './applicable-items';
import type { ApplicableItem } from './applicable-items';
import type { AssessmentScope, RatingEntry, ScopeProgramme } from './inputs';
import { addToTally, emptyTally } from './percentage';
import type { Tally } from './percentage';
import { compareProblems, scoreUnit } from './resolve-ratings';
import type { Finding, RequiredAction, ScoreCounts, ScoredItem, ScoreResult, ScoringProblem, StopUseNotice } from './result';
import {
  assembleScore,
  countItem,
  duplicateProgrammeProblems,
  findingOf,
  getOrCreate,
  requiredActionOf,
  stopUseOf,
  type GroupTally,
} from './score-assessment';

/**
 * The score of an assessment kept up to date one unit at a time, for the live score of the workspace:
 * changing one unit re-scores that unit (`scoreUnit`, as `resolveRatings` does) and moves its part of
 * the sums, counts and findings in and out, instead of scoring every unit again. The result is then
 * assembled by the same function as `scoreAssessment`'s (`assembleScore`): group and overall
 * percentages, the outcome and the programmes' results. Weights and ratings are small integers, so the
 * sums are exact and taking a unit out restores them exactly.
 *
 * The result equals `scoreAssessment(framework, scope, entries)` for the entries set so far (one per
 * unit: a unit set again replaces its entry; see incremental-score.test.ts), except that the `items`,
 * `findings` and problem lists are copies made when the result is read.
 */
export class IncrementalScore {
  private readonly programmes: ScopeProgramme[];
  private readonly criteria = new Map<string, Criterion>();
  private readonly units: ApplicableItem[];
  /** criterion id → programme id (null at institution level) → unit index. */
  private readonly index = new Map<string, Map<string | null, number>>();
  private readonly items: ScoredItem[];
  private readonly counts: ScoreCounts = {
    total: 0,
    answered: 0,
    unanswered: 0,
    na: 0,
    conditionNotMet: 0,
    reportOnly: 0,
    insufficientData: 0,
  };
  private readonly groupTallies: Map<string, GroupTally>;
  private readonly overall = emptyTally();
  private readonly sectorTallies = new Map<string, Tally>();
  private readonly sectorItems = new Map<string, ScoredItem[]>();
  private readonly itemsByCriterion = new Map<string, ScoredItem[]>();
  /** Each unit's place in its criterion's list and (sector units) in its programme's sector list. */
  private readonly criterionPlace: number[] = [];
  private readonly sectorPlace: number[] = [];
  private readonly findings = new ByUnit<Finding>();
  private readonly stopUseNotices = new ByUnit<StopUseNotice>();
  private readonly requiredActions = new ByUnit<RequiredAction>();
  private readonly unitProblems = new Map<number, ScoringProblem>();
  /** Entries for units outside the scope, by "criterion@programme". */
  private readonly outside = new Map<string, ScoringProblem>();
  private readonly fixedProblems: ScoringProblem[];
  private problems: ScoringProblem[] | null = null;
  private result: ScoreResult | null = null;

  constructor(
    private readonly framework: Framework,
    scope: AssessmentScope,
    entries: Iterable<RatingEntry> = [],
  ) {
    this.programmes = uniqueProgrammes(scope);
    this.fixedProblems = duplicateProgrammeProblems(scope);
    for (const group of framework.groups) for (const c of group.criteria) this.criteria.set(c.id, c);
    this.groupTallies = new Map(framework.groups.map((g) => [g.id, { tally: emptyTally(), unanswered: 0, excluded: 0 }]));
    this.units = applicableItems(framework, scope);
    this.units.forEach((u, i) => getOrCreate(this.index, u.criterionId, () => new Map<string | null, number>()).set(u.programmeId, i));
    this.items = new Array<ScoredItem>(this.units.length);
    const given = new Map<number, RatingEntry>();
    for (const entry of entries) {
      const at = this.placeOf(entry.criterionId, entry.programmeId);
      if (at === undefined) this.outside.set(outsideKey(entry), outsideProblem(entry));
      else given.set(at, entry);
    }
    this.units.forEach((unit, i) => {
      const scored = this.scoreAt(i, given.get(i));
      const list = getOrCreate(this.itemsByCriterion, unit.criterionId, () => []);
      this.criterionPlace[i] = list.push(scored) - 1;
      if (unit.groupKind === 'sector' && unit.programmeId !== null) {
        this.sectorPlace[i] = getOrCreate(this.sectorItems, unit.programmeId, () => []).push(scored) - 1;
      } else this.sectorPlace[i] = -1;
      this.items[i] = scored;
      this.count(scored, i, 1);
    });
  }

  /** Sets one unit's entry (undefined: nothing entered for it). The next `score()` reflects it. */
  set(criterionId: string, programmeId: string | null, entry: RatingEntry | undefined): void {
    this.result = null;
    const at = this.placeOf(criterionId, programmeId);
    if (at === undefined) {
      const key = outsideKey({ criterionId, programmeId });
      if (entry === undefined) this.outside.delete(key);
      else this.outside.set(key, outsideProblem({ criterionId, programmeId }));
      this.problems = null;
      return;
    }
    const before = this.items[at]!;
    this.count(before, at, -1);
    const scored = this.scoreAt(at, entry);
    this.items[at] = scored;
    this.itemsByCriterion.get(scored.criterionId)![this.criterionPlace[at]!] = scored;
    if (this.sectorPlace[at]! >= 0) this.sectorItems.get(scored.programmeId!)![this.sectorPlace[at]!] = scored;
    this.count(scored, at, 1);
  }

  /** One unit's scored item as it stands (undefined outside the scope). */
  item(criterionId: string, programmeId: string | null): ScoredItem | undefined {
    const at = this.placeOf(criterionId, programmeId);
    return at === undefined ? undefined : this.items[at];
  }

  /** The score of everything set so far; the same object until something is set again. */
  score(): ScoreResult {
    if (this.result !== null) return this.result;
    this.problems ??= [...this.fixedProblems, ...[...this.unitProblems.values(), ...this.outside.values()].sort(compareProblems)];
    this.result = assembleScore(this.framework, this.programmes, {
      counts: { ...this.counts },
      groupTallies: this.groupTallies,
      overall: this.overall,
      sectorTallies: this.sectorTallies,
      sectorItems: this.sectorItems,
      itemsByCriterion: this.itemsByCriterion,
      items: this.items.slice(),
      findings: this.findings.values(),
      stopUseNotices: this.stopUseNotices.values(),
      requiredActions: this.requiredActions.values(),
      problems: this.problems,
    });
    return this.result;
  }

  private placeOf(criterionId: string, programmeId: string | null): number | undefined {
    return this.index.get(criterionId)?.get(programmeId);
  }

  private scoreAt(at: number, entry: RatingEntry | undefined): ScoredItem {
    const unit = this.units[at]!;
    const scored = scoreUnit(unit, entry, false, this.criteria, this.framework.rules);
    const had = this.unitProblems.delete(at);
    if (scored.problem !== undefined)
      this.unitProblems.set(at, { code: scored.problem, criterionId: unit.criterionId, programmeId: unit.programmeId });
    if (had || scored.problem !== undefined) this.problems = null;
    return scored.item;
  }

  /** Moves one unit's part of the counts, sums and findings in (`sign` 1) or out (-1). */
  private count(item: ScoredItem, at: number, sign: 1 | -1): void {
    countItem(this.counts, item, sign);
    const group = this.groupTallies.get(item.groupId)!;
    if (item.status === 'unanswered') group.unanswered += sign;
    else if (item.status !== 'rated') group.excluded += sign;
    if (item.status !== 'rated' || item.rating === null) return;
    const move = (tally: Tally) =>
      sign === 1 ? addToTally(tally, item.weight, item.rating!) : takeFromTally(tally, item.weight, item.rating!);
    move(group.tally);
    if (item.groupKind === 'core') move(this.overall);
    else if (item.programmeId !== null) move(getOrCreate(this.sectorTallies, item.programmeId, emptyTally));
    const rules = this.framework.rules;
    const finding = findingOf(item, rules);
    const action = requiredActionOf(item, rules);
    if (finding !== null) {
      this.findings.set(at, sign === 1 ? finding : null);
      const notice = stopUseOf(finding);
      if (notice !== null) this.stopUseNotices.set(at, sign === 1 ? notice : null);
    }
    if (action !== null) this.requiredActions.set(at, sign === 1 ? action : null);
  }
}

function takeFromTally(tally: Tally, weight: number, rating: number): void {
  tally.earned -= weight * rating;
  tally.possible -= weight * 3;
  tally.rated -= 1;
}

const outsideKey = (unit: Pick<RatingEntry, 'criterionId' | 'programmeId'>) => `${unit.criterionId}@${unit.programmeId ?? ''}`;
const outsideProblem = (unit: Pick<RatingEntry, 'criterionId' | 'programmeId'>): ScoringProblem => ({
  code: 'rating-outside-scope',
  criterionId: unit.criterionId,
  programmeId: unit.programmeId,
});

/** Values held by unit index and listed in unit order, as `scoreAssessment` pushes them. */
class ByUnit<T> {
  private readonly at: number[] = [];
  private readonly held: T[] = [];
  private list: T[] | null = null;

  set(index: number, value: T | null): void {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    const present = this.at[lo] === index;
    if (value === null) {
      if (!present) return;
      this.at.splice(lo, 1);
      this.held.splice(lo, 1);
    } else if (present) this.held[lo] = value;
    else {
      this.at.splice(lo, 0, index);
      this.held.splice(lo, 0, value);
    }
    this.list = null;
  }

  /** The values in unit order: the same array until one changes. */
  values(): T[] {
    this.list ??= this.held.slice();
    return this.list;
  }
}
