import { useEffect, useState } from 'react';
import type { Assessment, Rating, RatingPatch } from '../../../../../shared/assessments/schema';
import { invoke } from '../../../api/client';
import { LocalJournal } from '../model/journal';
import { RatingStore } from '../model/rating-store';
import { attachedTypesByUnit } from '../model/attached-types';
import { evidenceOf } from '../evidence/evidence-store';
import { SaveQueue } from '../model/save-queue';
import { afterPaint } from '../model/after-paint';
import type { WorkspaceModel } from '../model/units';

export interface Autosave {
  store: RatingStore;
  queue: SaveQueue;
  /** Changes recovered from an earlier session (typed, never confirmed), now sent again. */
  recovered: number;
  /** Sends everything queued and waits: true once all of it is confirmed, false on a refusal or after 15 s. */
  settle: () => Promise<boolean>;
}

/**
 * The ratings of an open assessment and their autosave: one store, one save queue, the local journal
 * of unconfirmed changes, and the moments queued changes are sent without waiting for their pause
 * (the window hidden, closed or left for another screen).
 */
export function useAutosave(initial: Assessment, ratings: readonly Rating[], model: WorkspaceModel): Autosave {
  // Changes typed in an earlier session that never reached the services are put back first.
  const [boot] = useState(() => {
    const journal = new LocalJournal(initial.id);
    const store = new RatingStore(ratings);
    // Attached files count as evidence seen for the §7.1 rules in the live score, as in the services.
    store.setAttached(attachedTypesByUnit(evidenceOf(initial.id).get().items));
    const recovered = initial.status === 'draft' ? journal.read() : new Map<string, RatingPatch>();
    if (initial.status !== 'draft') journal.clear();
    for (const [key, patch] of recovered) if (model.unitByKey.has(key)) store.update(key, patch);
    const queue = new SaveQueue(
      (key, patch) => {
        const at = key.indexOf('@');
        const programmeId = key.slice(at + 1);
        return invoke('assessments:save-rating', {
          assessmentId: initial.id,
          criterionId: key.slice(0, at),
          programmeId: programmeId === '' ? null : programmeId,
          patch,
        });
        // The journal, sending a choice and the indicator wait until the change is painted.
      },
      journal,
      afterPaint,
    );
    return { store, queue, recovered };
  });
  const { store, queue, recovered } = boot;

  // A file attached or removed moves the score of its unit at once (interviews alone cap at 2; a
  // critical "Met" needs an observation or a record), as a tick does.
  useEffect(() => {
    const evidence = evidenceOf(initial.id);
    const follow = () => store.setAttached(attachedTypesByUnit(evidence.get().items));
    follow();
    const stop = evidence.subscribe(follow);
    return () => void stop();
  }, [initial.id, store]);

  // Autosave never waits for a Save button: queued changes go out when the window is hidden or left.
  useEffect(() => {
    for (const [key, patch] of recovered) queue.enqueue(key, patch, 0);
    const flush = () => queue.flushAll();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('hashchange', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('hashchange', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [recovered, queue]);

  const settle = () =>
    new Promise<boolean>((resolve) => {
      queue.flushAll();
      const check = () => {
        const kind = queue.getState().kind;
        if (kind === 'saving') return false;
        resolve(kind === 'saved');
        return true;
      };
      if (check()) return;
      const timer = setTimeout(() => (stop(), resolve(false)), 15_000);
      const stop = queue.subscribe(() => check() && (stop(), clearTimeout(timer)));
    });

  return { store, queue, recovered: recovered.size, settle };
}
