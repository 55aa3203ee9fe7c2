import { useMemo, useSyncExternalStore } from 'react';
import { itemsForUnit } from '../../../../../shared/evidence/coverage';
import type { EvidenceItem, EvidenceLimits, EvidenceLink } from '../../../../../shared/evidence/schema';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import type { ResponseOf } from '../../../../../shared/ipc/contract';
import { invoke } from '../../../api/client';
import { LoadTracker, type LoadSnapshot } from '../../../data/load-tracker';
import { parseRoute } from '../../../router';

export interface EvidenceSnapshot {
  status: 'loading' | 'ready' | 'error';
  items: readonly EvidenceItem[];
  totalBytes: number;
  limits: EvidenceLimits | null;
  error: AppErrorData | null;
}

type EvidenceList = ResponseOf<'evidence:list'>;

/**
 * One assessment's evidence list, loaded once and shared by every criterion card and the assessment's
 * evidence screen: a card shows its own items from it, and any change reloads it for all of them. The
 * loading is the renderer's one (data/load-tracker.ts): a reload keeps the list on screen until the
 * fresh one comes, and an answer overtaken by a newer reload is dropped.
 */
class AssessmentEvidence {
  private readonly tracker = new LoadTracker<EvidenceList>();
  private started = false;
  private shown: { from: LoadSnapshot<EvidenceList>; snapshot: EvidenceSnapshot } | null = null;

  constructor(readonly assessmentId: string) {}

  /** The same object while nothing changed, as useSyncExternalStore needs. */
  get = (): EvidenceSnapshot => {
    const from = this.tracker.getSnapshot();
    if (this.shown?.from !== from) this.shown = { from, snapshot: snapshotOf(from) };
    return this.shown.snapshot;
  };

  subscribe = (listener: () => void) => {
    const stop = this.tracker.subscribe(listener);
    if (!this.started) void this.reload();
    return stop;
  };

  reload(): Promise<void> {
    this.started = true;
    return this.tracker.start(() => invoke('evidence:list', { assessmentId: this.assessmentId }), true);
  }
}

function snapshotOf({ value, error }: LoadSnapshot<EvidenceList>): EvidenceSnapshot {
  const status = error !== null ? 'error' : value !== null ? 'ready' : 'loading';
  return { status, items: value?.items ?? [], totalBytes: value?.totalBytes ?? 0, limits: value?.limits ?? null, error };
}

const stores = new Map<string, AssessmentEvidence>();

export function evidenceOf(assessmentId: string): AssessmentEvidence {
  let store = stores.get(assessmentId);
  if (store === undefined) stores.set(assessmentId, (store = new AssessmentEvidence(assessmentId)));
  return store;
}

export function useEvidence(assessmentId: string): EvidenceSnapshot {
  const store = evidenceOf(assessmentId);
  return useSyncExternalStore(store.subscribe, store.get);
}

/** After a change: every view of this assessment's evidence shows the new list. */
export function reloadEvidence(assessmentId: string): Promise<void> {
  return evidenceOf(assessmentId).reload();
}

/**
 * The types of the files attached to one unit, in the order attached. Read as one string, so a
 * criterion card re-renders when its own attachments change, not whenever any card's do.
 */
export function useAttachedTypes(assessmentId: string, link: EvidenceLink): readonly string[] {
  const store = evidenceOf(assessmentId);
  const key = useSyncExternalStore(store.subscribe, () =>
    itemsForUnit(store.get().items, link)
      .map((i) => i.evidenceType)
      .join(' '),
  );
  return useMemo(() => (key === '' ? [] : key.split(' ')), [key]);
}

// Cards live on the assessment's own address, so the id is there when the card is not told it.
export function routeAssessmentId(): string {
  const route = parseRoute(window.location.hash);
  return route.name === 'assessment' || route.name === 'assessment-prepare' || route.name === 'assessment-evidence' ? route.id : '';
}
