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
