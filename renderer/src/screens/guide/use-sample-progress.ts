import { useEffect, useState } from 'react';
import { finaliseRefusal } from '../../../../shared/settings/roles';
import { invoke } from '../../api/client';
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

  useEffect(() => {
    let live = true;
    const check = async () => {
      if (document.visibilityState === 'hidden') return;
      const list = await invoke('assessments:list', { institutionId });
      if (!live) return;
      if (!list.ok) return setState((s) => (list.error.code === 'not-found' ? { kind: 'gone' } : s));
      const summary = list.value.items.find((a) => a.id === assessmentId);
      if (summary === undefined) return setState({ kind: 'gone' });
      let signedReports = 0;
      if (summary.status !== 'draft') {
        const reports = await invoke('reports:list', { assessmentId });
        if (!live) return;
        if (reports.ok) signedReports = reports.value.items.length;
      }
      // Submitted: whether the person on this computer may finalise it, or must hand over to a reviewer.
      let needsReviewer = false;
      if (summary.status === 'submitted') {
        const [full, settings] = await Promise.all([invoke('assessments:get', { id: assessmentId }), invoke('settings:get', {})]);
        if (!live) return;
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
      setState((s) => (s.kind === 'known' && sameProgress(s.progress, progress) ? s : { kind: 'known', progress }));
    };
    void check();
    const timer = window.setInterval(() => void check(), pollMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
    // The route is a dependency on purpose: arriving on a screen is when the user expects the guide to catch up.
  }, [institutionId, assessmentId, route]);

  return state;
}

function sameProgress(a: SampleProgress, b: SampleProgress): boolean {
  return a.status === b.status && a.toRate === b.toRate && a.signedReports === b.signedReports && a.needsReviewer === b.needsReviewer;
}
