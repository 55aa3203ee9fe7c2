import { useCallback, useMemo, useRef } from 'react';
import { ratingFromMaturity } from '../../../../../shared/assessments/rules';
import type { RatingPatch } from '../../../../../shared/assessments/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import { scoredFromFigures } from '../../../../../shared/scoring';
import type { RatingStore } from '../model/rating-store';
import type { SaveQueue } from '../model/save-queue';
import { stepFor, type UndoHistory } from '../model/undo-history';
import type { Unit, WorkspaceModel } from '../model/units';
import type { WorkspaceActions } from '../model/workspace-context';

/**
 * Every change, an undo too, goes the same way: the store (which re-renders the unit's card, and the
 * score's followers when the score moves), then autosave (and its journal). A unit changed while a
 * filter is on stays listed.
 */
export function useApplyChange(
  store: RatingStore,
  queue: SaveQueue,
  filtered: boolean,
  keep: (key: string) => void,
): (key: string, patch: RatingPatch, delayMs: number) => void {
  const latest = useRef({ filtered, keep });
  latest.current = { filtered, keep };
  return useCallback(
    (key: string, patch: RatingPatch, delayMs: number) => {
      store.update(key, patch);
      queue.enqueue(key, patch, delayMs);
      if (latest.current.filtered && (patch.rating !== undefined || patch.data !== undefined)) latest.current.keep(key);
    },
    [store, queue],
  );
}

interface RatingActionsOptions {
  store: RatingStore;
  queue: SaveQueue;
  model: WorkspaceModel;
  framework: Framework;
  history: UndoHistory;
  readOnly: boolean;
  apply: (key: string, patch: RatingPatch, delayMs: number) => void;
  /** Says aloud that N/A is not allowed on a critical criterion. */
  refuseNa: () => void;
  makeCurrent: (key: string) => void;
  /** Gives the N/A reason focus once it is shown. */
  focusNaReason: (unit: Unit) => void;
}

/** What a card can do: change, rate, set a maturity level, save now, become current. Stable for the session. */
export function useRatingActions(options: RatingActionsOptions): WorkspaceActions {
  const { store, queue, model, framework, history, apply, makeCurrent } = options;
  const latest = useRef(options);
  latest.current = options;
  return useMemo(() => {
    const change = (key: string, patch: RatingPatch, delayMs: number) => {
      if (latest.current.readOnly) return;
      // Typing in a note, an N/A reason or the data becomes one undo step when the field is left.
      if (patch.note !== undefined || patch.naReason !== undefined || patch.data !== undefined) history.beginEdit(key, store.get(key));
      apply(key, patch, delayMs);
    };
    /** A rating chosen is one undo step. */
    const changeRating = (key: string, patch: RatingPatch) => {
      const before = store.get(key);
      change(key, patch, 0);
      history.record(stepFor(key, 'rating', before, store.get(key)));
    };
    return {
      change,
      rate(key, value) {
        const unit = model.unitByKey.get(key);
        if (latest.current.readOnly || unit === undefined || !unit.applicable) return;
        if (value === 'na' && unit.critical) return latest.current.refuseNa();
        // Scored from its figures: a typed 0–3 would not count (the services refuse it too).
        if (typeof value === 'number' && scoredFromFigures(unit.criterion)) return;
        const patch: RatingPatch = { rating: value };
        const maturity = store.get(key).maturity;
        // The services clear a maturity level that no longer matches the rating; do the same on screen.
        if (maturity !== null && ratingFromMaturity(framework, maturity) !== value) patch.maturity = null;
        changeRating(key, patch);
        if (value === 'na' && store.get(key).naReason.trim() === '') latest.current.focusNaReason(unit);
      },
      setMaturity(key, level) {
        const rating = ratingFromMaturity(framework, level);
        if (rating !== null) changeRating(key, { maturity: level, rating });
      },
      flush(key) {
        history.endEdit(key, store.get(key));
        queue.flush(key);
      },
      setCurrent: makeCurrent,
    };
  }, [store, queue, model, framework, history, apply, makeCurrent]);
}
