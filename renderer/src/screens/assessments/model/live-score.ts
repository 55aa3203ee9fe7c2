import type { Framework } from '../../../../../shared/framework/schema';
import { IncrementalScore } from '../../../../../shared/scoring';
import type { AssessmentScope, RatingAnswer, ScoreResult, ScoredItem } from '../../../../../shared/scoring';
import type { RatingStore } from './rating-store';
import { emptySectionTally, sectionStat, tallyItem, type SectionStat, type SectionTally } from './section-stats';
import type { Unit, WorkspaceModel } from './units';

/** The answer a scored unit counts as: its rating after the evidence rules and figures, N/A, or none. */
export function countedAnswer(item: ScoredItem | undefined): RatingAnswer {
  if (item === undefined) return null;
  return item.status === 'rated' ? item.rating : item.status === 'na' ? 'na' : null;
}

const nonConformity = (item: ScoredItem | undefined): boolean => item?.status === 'rated' && item.rating !== null && item.rating <= 1;

/**
 * The live score of an open assessment, shared by everything that shows it (score panel, section
 * navigator, filter counts, each card's finding). It is kept incrementally: a change re-scores the one
 * unit that changed (`IncrementalScore`, the services' own scoring functions) and moves that unit's
 * part of its section's progress and of the filter counts, so a rating click costs the same at 106 and
 * at 1,000 criteria. Changes are taken when the score is next read, so several in one frame cost one
 * update. The store tells it which unit moved: a rating, figures, evidence ticked, or a file attached
 * or removed (§7.1: interviews alone cap a "Met" at 2).
 */
export class LiveScore {
  private readonly scorer: IncrementalScore;
  private readonly dirty = new Set<string>();
  private readonly tallies = new Map<string, SectionTally>();
  private readonly sectionStats = new Map<string, SectionStat>();
  private readonly listeners = new Set<() => void>();
  private result: ScoreResult;
  private nonConformities = 0;
  private changed = 0;
  /** Applicable critical units: the "Critical" filter's count (does not move with ratings). */
  readonly criticalCount: number;

  constructor(
    readonly framework: Framework,
    readonly scope: AssessmentScope,
    readonly store: RatingStore,
    readonly model: WorkspaceModel,
    /** The institution's own answers (an inspection compared with its self-assessment), or null. */
    private readonly selfAnswers: ReadonlyMap<string, RatingAnswer> | null = null,
  ) {
    this.scorer = new IncrementalScore(framework, scope, store.entries());
    this.result = this.scorer.score();
    for (const s of model.sections) this.tallies.set(s.id, emptySectionTally());
    for (const unit of model.units) this.count(unit, this.scorer.item(unit.criterion.id, unit.programmeId), 1);
    for (const [id, tally] of this.tallies) this.sectionStats.set(id, sectionStat(tally));
    this.criticalCount = model.units.filter((u) => u.critical && u.applicable).length;
    store.subscribeScore((key) => {
      this.dirty.add(key);
      for (const listener of this.listeners) listener();
    });
  }

  /** Re-scores the units changed since the last read, moving their part of the section and filter counts. */
  private current(): ScoreResult {
    if (this.dirty.size === 0) return this.result;
    for (const key of this.dirty) {
      const unit = this.model.unitByKey.get(key);
      const at = key.indexOf('@');
      const criterionId = unit?.criterion.id ?? key.slice(0, at);
      const programmeId = unit === undefined ? key.slice(at + 1) || null : unit.programmeId;
      const before = this.scorer.item(criterionId, programmeId);
      this.scorer.set(criterionId, programmeId, this.store.entry(key));
      if (unit === undefined) continue;
      const after = this.scorer.item(criterionId, programmeId);
      this.count(unit, before, -1);
      this.count(unit, after, 1);
      const stat = sectionStat(this.tallies.get(unit.sectionId)!);
      const shown = this.sectionStats.get(unit.sectionId);
      // A section whose figures did not move keeps its object, so its navigator entry does not re-render.
      if (shown === undefined || !sameStat(shown, stat)) this.sectionStats.set(unit.sectionId, stat);
    }
    this.dirty.clear();
    this.result = this.scorer.score();
    return this.result;
  }

  private count(unit: Unit, item: ScoredItem | undefined, sign: 1 | -1): void {
    if (item === undefined) return;
    const tally = this.tallies.get(unit.sectionId);
    if (tally !== undefined) tallyItem(tally, item, sign);
    if (nonConformity(item)) this.nonConformities += sign;
    if (this.differs(unit, item)) this.changed += sign;
  }

  private differs(unit: Unit, item: ScoredItem | undefined, selfAnswers = this.selfAnswers): boolean {
    const self = selfAnswers?.get(unit.key) ?? null;
    const mine = countedAnswer(item);
    return self !== null && mine !== null && self !== mine;
  }

  /** For useSyncExternalStore: notified whenever the score may have moved. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getScore = (): ScoreResult => this.current();
  /** Progress and % per navigator section; a section's object changes only when its figures do. */
  stats = (): ReadonlyMap<string, SectionStat> => (this.current(), this.sectionStats);
  sectionStat = (id: string): SectionStat | undefined => this.stats().get(id);
  scored = (key: string): ScoredItem | undefined => {
    this.current();
    const unit = this.model.unitByKey.get(key);
    return unit === undefined ? undefined : this.scorer.item(unit.criterion.id, unit.programmeId);
  };
  /** What a unit counts as in the score: the rating after the evidence rules and figures, N/A or none. */
  counted = (key: string): RatingAnswer => countedAnswer(this.scored(key));

  /** Units whose counted rating is a non-conformity (critical, major or minor). */
  nonConformityCount = (): number => (this.current(), this.nonConformities);
  /** Units whose counted answer differs from the institution's own (both answered). */
  changedCount = (): number => (this.current(), this.changed);

  isUnanswered = (u: Unit): boolean => u.applicable && this.scored(u.key)?.status === 'unanswered';

  isNonConformity = (u: Unit): boolean => nonConformity(this.scored(u.key));

  /** The inspector's answer differs from the institution's own (both answered). */
  isChanged = (u: Unit, selfAnswers: ReadonlyMap<string, RatingAnswer> | null): boolean => this.differs(u, this.scored(u.key), selfAnswers);

  /** The first unanswered applicable unit of a list, else its first applicable one. */
  firstToDo = (units: readonly Unit[]): Unit | null => units.find(this.isUnanswered) ?? units.find((u) => u.applicable) ?? null;
}

function sameStat(a: SectionStat, b: SectionStat): boolean {
  return a.answered === b.answered && a.total === b.total && a.pct === b.pct && a.nonConformities === b.nonConformities;
}
