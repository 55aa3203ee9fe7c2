import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveScore } from '../model/live-score';
import { unitDomId } from '../model/units';
import type { Unit, WorkspaceModel } from '../model/units';

export type FocusField = 'note' | 'na';

export interface WorkspaceNavigation {
  current: string | null;
  /** The current unit as the keyboard sees it: two key presses can arrive before React renders. */
  currentRef: { readonly current: string | null };
  sectionId: string | null;
  setSectionId: (id: string) => void;
  /** Makes a unit current (it received focus). */
  makeCurrent: (key: string) => void;
  /** Makes a unit current, shows its section and gives it (or one of its fields) focus once rendered. */
  goTo: (unit: Unit, field?: FocusField) => void;
  /** Focuses a field of a unit that is already shown, after this frame's rendering. */
  focusSoon: (unit: Unit, field?: FocusField) => void;
  /** The section's first criterion to do becomes current; the section is shown either way. */
  openSection: (sectionId: string) => void;
}

/** Which unit is current, which section is shown, and where focus goes after a move. */
export function useWorkspaceNavigation(model: WorkspaceModel, live: LiveScore): WorkspaceNavigation {
  const [current, setCurrent] = useState<string | null>(() => live.firstToDo(model.units)?.key ?? null);
  const [sectionId, setSectionId] = useState<string | null>(() =>
    current === null ? (model.sections[0]?.id ?? null) : model.unitByKey.get(current)!.sectionId,
  );
  const currentRef = useRef(current);
  currentRef.current = current;
  const focusRequest = useRef<{ key: string; field?: FocusField } | null>(null);
  // Bumped with every focus request, so the focus effect runs even when the unit was already current.
  const [, setFocusTick] = useState(0);

  const makeCurrent = useCallback(
    (key: string) => {
      currentRef.current = key;
      setCurrent(key);
      const unit = model.unitByKey.get(key);
      if (unit !== undefined) setSectionId(unit.sectionId);
    },
    [model],
  );
  const goTo = useCallback((unit: Unit, field?: FocusField) => {
    currentRef.current = unit.key;
    setSectionId(unit.sectionId);
    setCurrent(unit.key);
    focusRequest.current = { key: unit.key, field };
    setFocusTick((n) => n + 1);
  }, []);
  const openSection = useCallback(
    (id: string) => {
      const target = model.sectionById.get(id);
      if (target === undefined) return;
      const unit = live.firstToDo(target.units);
      if (unit !== null) goTo(unit);
      else setSectionId(id);
    },
    [model, live, goTo],
  );
  // A field that appears on the card just changed (the N/A reason) takes focus before the next paint,
  // without a render of the workspace and without forcing a layout in the middle of React's commit.
  const focusSoon = useCallback((unit: Unit, field?: FocusField) => {
    requestAnimationFrame(() => {
      const el = document.getElementById(`${unitDomId(unit)}${field ? `-${field}` : ''}`);
      if (el === null) return;
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest' });
    });
  }, []);

  // Focus follows the keyboard: after a move, the new current criterion (or one of its fields) has focus.
  useEffect(() => {
    const request = focusRequest.current;
    if (request === null) return;
    const unit = model.unitByKey.get(request.key);
    const el = unit === undefined ? null : document.getElementById(`${unitDomId(unit)}${request.field ? `-${request.field}` : ''}`);
    if (el !== null) {
      focusRequest.current = null;
      el.focus();
    }
  });

  return { current, currentRef, sectionId, setSectionId, makeCurrent, goTo, focusSoon, openSection };
}
