import { useMemo, useSyncExternalStore } from 'react';
import { itemsForUnit } from '../../../../../shared/evidence/coverage';
import type { EvidenceItem, EvidenceLimits, EvidenceLink } from '../../../../../shared/evidence/schema';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { invoke } from '../../../api/client';
import { parseRoute } from '../../../router';

export interface EvidenceSnapshot {
  status: 'loading' | 'ready' | 'error';
  items: readonly EvidenceItem[];
  totalBytes: number;
  limits: EvidenceLimits | null;
  error: AppErrorData | null;
}

const initial: EvidenceSnapshot = { status: 'loading', items: [], totalBytes: 0, limits: null, error: null };

/**
 * One assessment's evidence list, loaded once and shared by every criterion card and the assessment's
 * evidence screen: a card shows its own items from it, and any change reloads it for all of them.
 */
class AssessmentEvidence {
  private snapshot: EvidenceSnapshot = initial;
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;

  constructor(readonly assessmentId: string) {}

  get = () => this.snapshot;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    if (this.snapshot.status === 'loading' && this.loading === null) void this.reload();
    return () => this.listeners.delete(listener);
  };

  reload(): Promise<void> {
    const run = invoke('evidence:list', { assessmentId: this.assessmentId }).then((r) => {
      this.snapshot = r.ok
        ? { status: 'ready', items: r.value.items, totalBytes: r.value.totalBytes, limits: r.value.limits, error: null }
        : { ...this.snapshot, status: 'error', error: r.error };
      if (this.loading === run) this.loading = null;
      for (const l of this.listeners) l();
    });
    this.loading = run;
    return run;
  }
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
