import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AssessmentKind, ProgrammeSnapshot, RatingPatch } from '../../../../../shared/assessments/schema';
import type { Framework, LocalizedText } from '../../../../../shared/framework/schema';
import type { RatingAnswer } from '../../../../../shared/scoring';
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
  return useSyncExternalStore(
    (listener) => store.subscribeUnit(key, listener),
    () => store.get(key),
  );
}
