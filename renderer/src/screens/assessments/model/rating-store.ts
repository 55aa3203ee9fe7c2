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

/**
 * The ratings of one open assessment, outside React state so that a keystroke in one note re-renders
 * that one criterion card and nothing else (with 1,000 criteria a re-render of the whole list per
 * keystroke would be felt). Cards subscribe to their own unit; the score and the navigator subscribe
 * to `scoreVersion`, which moves only when something that changes the score changes.
 */
export class RatingStore {
  private readonly units = new Map<string, UnitState>();
  private readonly unitListeners = new Map<string, Set<Listener>>();
  private readonly scoreListeners = new Set<Listener>();
  private version = 0;
  /** The types of the files attached to each unit (by unit key); autosave sets it from the evidence store. */
  attachedTypes: (() => ReadonlyMap<string, readonly string[]>) | undefined;

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
    if (patch.rating !== undefined || patch.data !== undefined || patch.evidenceSeen !== undefined) {
      this.version += 1;
      for (const listener of this.scoreListeners) listener();
    }
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

  subscribeScore = (listener: Listener): (() => void) => {
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
   * of files attached, from `attachedTypes` when set) so the §7.1 evidence rules apply as in the services.
   */
  entries(): RatingEntry[] {
    const entries: RatingEntry[] = [];
    const attached = this.attachedTypes?.();
    for (const [key, state] of this.units) {
      const at = key.indexOf('@');
      const programmeId = key.slice(at + 1);
      entries.push({
        criterionId: key.slice(0, at),
        programmeId: programmeId === '' ? null : programmeId,
        rating: state.rating,
        data: state.data,
        evidence: unitEvidence(state.evidenceSeen, attached?.get(key)),
      });
    }
    return entries;
  }
}
