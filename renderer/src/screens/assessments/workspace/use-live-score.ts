import { useSyncExternalStore } from 'react';
import type { ScoreResult } from '../../../../../shared/scoring';
import type { LiveScore } from '../model/live-score';

const never = () => () => undefined;
const still = () => 0;

/** The live score; the calling component (and only it) re-renders when the score changes. */
export function useScore(live: LiveScore): ScoreResult {
  return useSyncExternalStore(live.subscribe, live.getScore);
}

/**
 * The score's version while `follow` is on, 0 otherwise: a list that depends on ratings only under
 * some filters follows the score only while one of them is on.
 */
export function useScoreVersion(live: LiveScore, follow: boolean): number {
  return useSyncExternalStore(follow ? live.subscribe : never, follow ? () => live.store.scoreVersion : still);
}

/**
 * One figure of the live score, chosen by `select` (a number, or an object the live score keeps while
 * it does not change): the calling component re-renders only when that figure changes, so a rating
 * re-renders the one navigator entry, filter count or score line it moves, not every follower.
 */
export function useLive<T>(live: LiveScore, select: (live: LiveScore) => T): T {
  return useSyncExternalStore(live.subscribe, () => select(live));
}
