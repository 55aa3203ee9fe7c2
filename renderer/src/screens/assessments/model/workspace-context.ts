import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { AssessmentKind, ProgrammeSnapshot, RatingPatch } from '../../../../../shared/assessments/schema';
import type { Framework, LocalizedText } from '../../../../../shared/framework/schema';
import type { RatingAnswer } from '../../../../../shared/scoring';
import type { LiveScore } from './live-score';
import type { RatingStore, UnitState } from './rating-store';
import type { WorkspaceModel } from './units';

export interface WorkspaceActions {
  /** Stores a change and queues it for autosave; `delayMs` 0 for choices, a short pause for typing. */
  change(key: string, patch: RatingPatch, delayMs: number): void;
  /** Rates a unit (keyboard or click), refusing what the rules forbid with a spoken message. */
  rate(key: string, value: RatingAnswer): void;
  /** The 0–4 maturity lens of self-assessments; sets the rating it maps to. */
  setMaturity(key: string, level: number): void;
  /** Sends a unit's queued change now (a field lost focus). */
  flush(key: string): void;
  /** Makes a unit the current one (it received focus). */
  setCurrent(key: string): void;
}

/** Things that do not change while an assessment is open; cards read them without re-rendering. */
export interface WorkspaceContextValue {
  framework: Framework;
  model: WorkspaceModel;
  store: RatingStore;
  /** The live score: a card reads the rating its unit counts as (after the evidence rules) from it. */
  live: LiveScore;
  actions: WorkspaceActions;
  kind: AssessmentKind;
  /** The assessed institution: its programme records are linked from the facts a card takes from them. */
  institutionId: string;
  programmes: readonly ProgrammeSnapshot[];
  evidenceLabels: ReadonlyMap<string, LocalizedText>;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (value === null) throw new Error('useWorkspace outside the assessment workspace');
  return value;
}

/** One unit's answers, re-rendering only when that unit changes. */
export function useUnitState(store: RatingStore, key: string): UnitState {
  return useUnitView(store, key, (s) => s);
}

/**
 * A view of one unit's answers (a field, or the state itself), re-rendering only when `same` says the
 * view changed: a note field follows its note alone, and the card ignores typing in the note and the
 * override reason (its own fields follow them), so a keystroke re-renders one field, not the card.
 */
export function useUnitView<T>(
  store: RatingStore,
  key: string,
  select: (state: UnitState) => T,
  same: (a: T, b: T) => boolean = Object.is,
): T {
  const kept = useRef<{ state: UnitState; view: T } | null>(null);
  const subscribe = useCallback((listener: () => void) => store.subscribeUnit(key, listener), [store, key]);
  const read = () => {
    const state = store.get(key);
    const last = kept.current;
    if (last !== null && last.state === state) return last.view;
    const next = select(state);
    const view = last !== null && same(last.view, next) ? last.view : next;
    kept.current = { state, view };
    return view;
  };
  return useSyncExternalStore(subscribe, read);
}

/** The card's view of its unit: everything but the text typed in the note and the override reason. */
export function sameForCard(a: UnitState, b: UnitState): boolean {
  return (
    a.rating === b.rating &&
    a.data === b.data &&
    a.maturity === b.maturity &&
    a.evidenceSeen === b.evidenceSeen &&
    (a.naReason.trim() === '') === (b.naReason.trim() === '')
  );
}
