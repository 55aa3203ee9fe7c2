import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { RatingAnswer } from '../../../../../shared/scoring';
import type { LiveScore } from '../model/live-score';
import type { Unit, WorkspaceModel } from '../model/units';
import { filtering, noFilters, type Filters } from './FilterBar';
import { normaliseSearch, searchIndex } from './search';
import { useScoreVersion } from './use-live-score';

export interface CriteriaFilter {
  /** What the filter bar shows: follows every keystroke. */
  filters: Filters;
  setFilters: (next: Filters) => void;
  /** Whether the list shows matches across sections (decided on the deferred filters, like the list). */
  filtered: boolean;
  /** The units listed: a section's, or the matches of the (deferred) filters. */
  visible: readonly Unit[];
  /** Names the list shown: the list's paging starts again when it changes, never on a rating. */
  listId: string;
  /** A unit changed while filtering stays listed until the filters change. */
  keep: (key: string) => void;
}

/**
 * A value that follows `value` once the frame showing the change has been painted (or after 100 ms
 * when no frame comes, in a hidden window), as a transition: what depends on it never delays that frame.
 */
function useAfterPaint<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    let timer = 0;
    const settle = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      startTransition(() => setSettled(value));
    };
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      timer = window.setTimeout(settle, 0);
    });
    timer = window.setTimeout(settle, 100);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, settled]);
  return settled;
}

/**
 * Filters and search across every section. The filter bar shows what is typed at once; the list,
 * the decision to list matches rather than a section, and the list's identity all follow the
 * *settled* filters — taken after the keystroke's frame is painted, and deferred — so a keystroke
 * never waits for the list, and the list is built once per settled value (not once for the typed
 * text and again for the deferred one).
 */
export function useCriteriaFilter(
  model: WorkspaceModel,
  live: LiveScore,
  sectionId: string | null,
  selfAnswers: ReadonlyMap<string, RatingAnswer> | null,
): CriteriaFilter {
  const [filters, setFiltersState] = useState<Filters>(noFilters);
  const [kept, setKept] = useState<string | null>(null);
  const setFilters = useCallback((next: Filters) => {
    setFiltersState(next);
    setKept(null);
  }, []);
  const keep = useCallback((key: string) => setKept(key), []);
  const shown = useDeferredValue(useAfterPaint(filters));
  const filtered = filtering(shown);
  const index = useMemo(() => searchIndex(model.units), [model]);
  // Only these filters depend on the ratings: the list follows the score only while one is on.
  const version = useScoreVersion(live, filtered && (shown.unanswered || shown.nonConformities || shown.changed));

  const visible: readonly Unit[] = useMemo(() => {
    void version;
    if (!filtered) return model.sectionById.get(sectionId ?? '')?.units ?? [];
    const q = normaliseSearch(shown.search);
    return model.units.filter((u) => {
      if (u.key === kept) return true;
      if (shown.unanswered && !live.isUnanswered(u)) return false;
      if (shown.critical && !(u.critical && u.applicable)) return false;
      if (shown.nonConformities && !live.isNonConformity(u)) return false;
      if (shown.changed && !live.isChanged(u, selfAnswers)) return false;
      return q === '' || (index.get(u.key) ?? '').includes(q);
    });
  }, [filtered, shown, model, sectionId, kept, live, index, selfAnswers, version]);

  const listId = filtered
    ? `filter:${shown.unanswered}${shown.critical}${shown.nonConformities}${shown.changed}:${normaliseSearch(shown.search)}`
    : `section:${sectionId}`;
  return { filters, setFilters, filtered, visible, listId, keep };
}
