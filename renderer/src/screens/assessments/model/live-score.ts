import { unitKey } from '../../../../../shared/assessments/scope';
import type { Framework } from '../../../../../shared/framework/schema';
import { classifyFinding, scoreAssessment } from '../../../../../shared/scoring';
import type { AssessmentScope, RatingAnswer, ScoreResult, ScoredItem } from '../../../../../shared/scoring';
import type { RatingStore } from './rating-store';
import { sectionStats, type SectionStat } from './section-stats';
import type { Unit, WorkspaceModel } from './units';

interface Computed {
  version: number;
  score: ScoreResult;
  scored: Map<string, ScoredItem>;
  stats: Map<string, SectionStat>;
}

/**
 * The live score of an open assessment, computed at most once per change of the ratings and shared
 * by everything that shows it (score panel, section navigator, filter counts). Only those parts
 * subscribe to it, so a rating re-renders its card, the navigator entry and the score panel, never the
 * whole workspace; the score is computed in the click's own frame (≈ 2 ms at 1,000 criteria).
 */
export class LiveScore {
  private computed: Computed | null = null;

  constructor(
    readonly framework: Framework,
    readonly scope: AssessmentScope,
    readonly store: RatingStore,
    readonly model: WorkspaceModel,
  ) {}

  private current(): Computed {
    const version = this.store.scoreVersion;
    if (this.computed?.version !== version) {
      const score = scoreAssessment(this.framework, this.scope, this.store.entries());
      this.computed = {
        version,
        score,
        scored: new Map(score.items.map((i) => [unitKey(i.criterionId, i.programmeId), i])),
        stats: sectionStats(this.model, score),
      };
    }
    return this.computed;
  }

  /** For useSyncExternalStore: a new value exactly when the score may have changed. */
  subscribe = (listener: () => void): (() => void) => this.store.subscribeScore(listener);
  getScore = (): ScoreResult => this.current().score;
  stats = (): ReadonlyMap<string, SectionStat> => this.current().stats;
  scored = (key: string): ScoredItem | undefined => this.current().scored.get(key);

  isUnanswered = (u: Unit): boolean => u.applicable && this.scored(u.key)?.status === 'unanswered';

  isNonConformity = (u: Unit): boolean => {
    const item = this.scored(u.key);
    if (item?.status !== 'rated' || item.rating === null) return false;
    const c = classifyFinding(item.rating, u.critical);
    return c === 'critical' || c === 'major' || c === 'minor';
  };

  /** The inspector's answer differs from the institution's own (both answered). */
  isChanged = (u: Unit, selfAnswers: ReadonlyMap<string, RatingAnswer> | null): boolean => {
    const self = selfAnswers?.get(u.key) ?? null;
    const item = this.scored(u.key);
    const mine = item === undefined ? null : item.status === 'rated' ? item.rating : item.status === 'na' ? 'na' : null;
    return self !== null && mine !== null && self !== mine;
  };

  /** The first unanswered applicable unit of a list, else its first applicable one. */
  firstToDo = (units: readonly Unit[]): Unit | null => units.find(this.isUnanswered) ?? units.find((u) => u.applicable) ?? null;
}
