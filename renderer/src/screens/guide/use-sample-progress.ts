import { useEffect, useState } from 'react';
import { ok } from '../../../../shared/ipc/result';
import { finaliseRefusal } from '../../../../shared/settings/roles';
import { invoke } from '../../api/client';
import { useLoad } from '../../data/use-request';
import type { Route } from '../../router';
import type { SampleProgress } from './guide-steps';

/** Often enough that a step advances while the user is still looking at the panel, cheap enough to ignore. */
const pollMs = 2000;

export type ProgressState = { kind: 'loading' } | { kind: 'gone' } | { kind: 'known'; progress: SampleProgress };

/**
 * Reads the sample's state from the services when the route changes and every few seconds while the
 * window is visible: ratings and submitting happen inside the workspace, without a change of route.
 * Small queries: the assessment's summary (status, answered of total), once it is no longer a draft its
 * signed reports, and while it is submitted whether the acting person may finalise it.
 */
export function useSampleProgress(institutionId: string, assessmentId: string, route: Route): ProgressState {
  const [state, setState] = useState<ProgressState>({ kind: 'loading' });

  // Each check answers with the state to show, or null for "nothing new" (hidden window, a passing error).
  const check = useLoad<ProgressState | null>(async () => {
    if (document.visibilityState === 'hidden') return ok(null);
    const list = await invoke('assessments:list', { institutionId });
    if (!list.ok) return ok(list.error.code === 'not-found' ? { kind: 'gone' } : null);
    const summary = list.value.items.find((a) => a.id === assessmentId);
    if (summary === undefined) return ok({ kind: 'gone' });
    let signedReports = 0;
    if (summary.status !== 'draft') {
      const reports = await invoke('reports:list', { assessmentId });
      if (reports.ok) signedReports = reports.value.items.length;
    }
    // Submitted: whether the person on this computer may finalise it, or must hand over to a reviewer.
    let needsReviewer = false;
    if (summary.status === 'submitted') {
      const [full, settings] = await Promise.all([invoke('assessments:get', { id: assessmentId }), invoke('settings:get', {})]);
      if (full.ok && settings.ok) {
        needsReviewer = finaliseRefusal({ name: settings.value.userName, role: settings.value.role }, full.value.assessment) !== null;
      }
    }
    const progress: SampleProgress = {
      status: summary.status,
      toRate: Math.max(0, summary.total - summary.answered),
      signedReports,
      needsReviewer,
    };
    return ok({ kind: 'known', progress });
    // The route is a dependency on purpose: arriving on a screen is when the user expects the guide to catch up.
  }, [institutionId, assessmentId, route]);

  const { reload, value } = check;
  useEffect(() => {
    const timer = window.setInterval(reload, pollMs);
    return () => window.clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (value === null) return;
    setState((s) => (s.kind === 'known' && value.kind === 'known' && sameProgress(s.progress, value.progress) ? s : value));
  }, [value]);

  return state;
}

function sameProgress(a: SampleProgress, b: SampleProgress): boolean {
  return a.status === b.status && a.toRate === b.toRate && a.signedReports === b.signedReports && a.needsReviewer === b.needsReviewer;
}
