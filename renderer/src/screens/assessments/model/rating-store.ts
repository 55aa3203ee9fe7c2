import type { Rating, RatingPatch } from '../../../../../shared/assessments/schema';
import { unitEvidence } from '../../../../../shared/scoring';
import type { DataValues, RatingEntry } from '../../../../../shared/scoring';
import { unitKey } from './units';

/** What the assessor entered for one unit, as the workspace holds it. */
export interface UnitState {
  rating: Rating['rating'];
  naReason: string;
  note: string;
  data: DataValues;
  maturity: number | null;
  evidenceSeen: string[];
  /** Why a critical "Met" stands without observation or record evidence (§7.1). */
  overrideReason: string;
}

export const emptyUnit: UnitState = Object.freeze({
  rating: null,
  naReason: '',
  note: '',
  data: Object.freeze({}) as DataValues,
  maturity: null,
  evidenceSeen: Object.freeze([]) as unknown as string[],
  overrideReason: '',
});

type Listener = () => void;
/** Told which unit's score may have moved. */
type ScoreListener = (key: string) => void;

/**
 * The ratings of one open assessment, outside React state so that a keystroke in one note re-renders
 * that one note field and nothing else (with 1,000 criteria a re-render of the whole list per
 * keystroke would be felt). Cards and their fields subscribe to their own unit; the live score
 * subscribes to score changes, told which unit moved, when something that changes the score changes
 * (a rating, figures, evidence ticked or a file attached or removed), and `scoreVersion` moves.
 */
export class RatingStore {
  private readonly units = new Map<string, UnitState>();
  private readonly unitListeners = new Map<string, Set<Listener>>();
  private readonly scoreListeners = new Set<ScoreListener>();
  private version = 0;
  /** The types of the files attached to each unit (by unit key), from the evidence store. */
  private attached: ReadonlyMap<string, readonly string[]> = new Map();

  constructor(ratings: readonly Rating[]) {
    for (const r of ratings) {
      this.units.set(unitKey(r.criterionId, r.programmeId), {
        rating: r.rating,
        naReason: r.naReason,
        note: r.note,
        data: r.data,
        maturity: r.maturity,
        evidenceSeen: r.evidenceSeen,
        overrideReason: r.overrideReason ?? '',
      });
    }
  }

  get(key: string): UnitState {
    return this.units.get(key) ?? emptyUnit;
  }

  get scoreVersion(): number {
    return this.version;
  }

  update(key: string, patch: RatingPatch): void {
    const before = this.get(key);
    const next: UnitState = { ...before };
    if (patch.rating !== undefined) next.rating = patch.rating;
    if (patch.naReason !== undefined) next.naReason = patch.naReason;
    if (patch.note !== undefined) next.note = patch.note;
    if (patch.data !== undefined) next.data = patch.data;
    if (patch.maturity !== undefined) next.maturity = patch.maturity;
    if (patch.evidenceSeen !== undefined) next.evidenceSeen = patch.evidenceSeen;
    if (patch.overrideReason !== undefined) next.overrideReason = patch.overrideReason;
    this.units.set(key, next);
    for (const listener of this.unitListeners.get(key) ?? []) listener();
    // Notes and reasons do not move the score; evidence does (§7.1: interview-only caps at 2).
    if (patch.rating !== undefined || patch.data !== undefined || patch.evidenceSeen !== undefined) this.scoreMoved(key);
  }

  /**
   * The types of the files attached to each unit, whenever the evidence list changes: a file attached
   * or removed counts as evidence seen (or no longer), so the score of that unit moves (§7.1).
   */
  setAttached(attached: ReadonlyMap<string, readonly string[]>): void {
    const before = this.attached;
    this.attached = attached;
    const same = (key: string) => (before.get(key) ?? []).join(' ') === (attached.get(key) ?? []).join(' ');
    const moved = new Set<string>();
    for (const key of before.keys()) if (!same(key)) moved.add(key);
    for (const key of attached.keys()) if (!same(key)) moved.add(key);
    for (const key of moved) this.scoreMoved(key);
  }

  private scoreMoved(key: string): void {
    this.version += 1;
    for (const listener of this.scoreListeners) listener(key);
  }

  subscribeUnit = (key: string, listener: Listener): (() => void) => {
    let set = this.unitListeners.get(key);
    if (set === undefined) {
      set = new Set();
      this.unitListeners.set(key, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  };

  subscribeScore = (listener: ScoreListener): (() => void) => {
    this.scoreListeners.add(listener);
    return () => this.scoreListeners.delete(listener);
  };

  /** The answers with their N/A reasons and evidence, for the submission checks. */
  rows(): (RatingEntry & { data: DataValues; naReason: string; evidenceSeen: string[]; overrideReason: string })[] {
    return this.entries().map((e) => {
      const state = this.get(unitKey(e.criterionId, e.programmeId));
      return { ...e, data: state.data, naReason: state.naReason, evidenceSeen: state.evidenceSeen, overrideReason: state.overrideReason };
    });
  }

  /**
   * The answers in the shape the scoring functions take, with the evidence seen (ticked, and the types
   * of files attached) so the §7.1 evidence rules apply as in the services.
   */
  entries(): RatingEntry[] {
    const entries: RatingEntry[] = [];
    for (const key of this.units.keys()) entries.push(this.entry(key)!);
    return entries;
  }

  /** One unit's answer as the scoring functions take it; undefined when nothing was ever entered. */
  entry(key: string): RatingEntry | undefined {
    const state = this.units.get(key);
    if (state === undefined) return undefined;
    const at = key.indexOf('@');
    const programmeId = key.slice(at + 1);
    return {
      criterionId: key.slice(0, at),
      programmeId: programmeId === '' ? null : programmeId,
      rating: state.rating,
      data: state.data,
      evidence: unitEvidence(state.evidenceSeen, this.attached.get(key)),
    };
  }
}
