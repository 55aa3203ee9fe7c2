import { useEffect, useState } from 'react';

export type Route =
  | { name: 'institutions' }
  | { name: 'institution-new' }
  | { name: 'institution'; id: string }
  | { name: 'institution-edit'; id: string }
  | { name: 'programme-new'; institutionId: string }
  | { name: 'programme-edit'; institutionId: string; id: string }
  // Framework library routes
  | { name: 'frameworks' }
  | { name: 'framework'; id: string }
  | { name: 'framework-compare'; olderId: string; newerId: string }
  // Assessment routes
  | { name: 'assessments' }
  | { name: 'assessment-new'; institutionId: string | null }
  | { name: 'assessment'; id: string }
  | { name: 'assessment-prepare'; id: string }
  | { name: 'assessment-details'; id: string }
  | { name: 'assessment-framework'; id: string }
  | { name: 'institution-gap'; institutionId: string; inspectionId: string | null }
  // Evidence routes
  | { name: 'assessment-evidence'; id: string }
  // Report routes
  | { name: 'assessment-report'; id: string }
  | { name: 'report-verify' }
  // Exchange and head-office routes
  | { name: 'packages' }
  | { name: 'head-office' }
  // Safekeeping and the acting person
  | { name: 'backups' }
  | { name: 'profile' };

const uuid = '([0-9a-f-]{36})';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  let m: RegExpExecArray | null;
  if (path === '/institutions/new') return { name: 'institution-new' };
  if ((m = new RegExp(`^/institutions/${uuid}$`).exec(path))) return { name: 'institution', id: m[1]! };
  if ((m = new RegExp(`^/institutions/${uuid}/edit$`).exec(path))) return { name: 'institution-edit', id: m[1]! };
  if ((m = new RegExp(`^/institutions/${uuid}/programmes/new$`).exec(path))) return { name: 'programme-new', institutionId: m[1]! };
  if ((m = new RegExp(`^/institutions/${uuid}/programmes/${uuid}/edit$`).exec(path))) {
    return { name: 'programme-edit', institutionId: m[1]!, id: m[2]! };
  }
  // Framework library routes
  if (path === '/frameworks') return { name: 'frameworks' };
  if ((m = new RegExp(`^/frameworks/${uuid}$`).exec(path))) return { name: 'framework', id: m[1]! };
  if ((m = new RegExp(`^/frameworks/compare/${uuid}/${uuid}$`).exec(path)))
    return { name: 'framework-compare', olderId: m[1]!, newerId: m[2]! };
  // Assessment routes
  if (path === '/assessments') return { name: 'assessments' };
  if (path === '/assessments/new') return { name: 'assessment-new', institutionId: null };
  if ((m = new RegExp(`^/institutions/${uuid}/assessments/new$`).exec(path))) return { name: 'assessment-new', institutionId: m[1]! };
  if ((m = new RegExp(`^/assessments/${uuid}$`).exec(path))) return { name: 'assessment', id: m[1]! };
  if ((m = new RegExp(`^/assessments/${uuid}/prepare$`).exec(path))) return { name: 'assessment-prepare', id: m[1]! };
  if ((m = new RegExp(`^/assessments/${uuid}/details$`).exec(path))) return { name: 'assessment-details', id: m[1]! };
  if ((m = new RegExp(`^/assessments/${uuid}/framework$`).exec(path))) return { name: 'assessment-framework', id: m[1]! };
  if ((m = new RegExp(`^/institutions/${uuid}/gap(?:/${uuid})?$`).exec(path))) {
    return { name: 'institution-gap', institutionId: m[1]!, inspectionId: m[2] ?? null };
  }
  // Evidence routes
  if ((m = new RegExp(`^/assessments/${uuid}/evidence$`).exec(path))) return { name: 'assessment-evidence', id: m[1]! };
  // Report routes
  if ((m = new RegExp(`^/assessments/${uuid}/report$`).exec(path))) return { name: 'assessment-report', id: m[1]! };
  if (path === '/reports/verify') return { name: 'report-verify' };
  // Exchange and head-office routes
  if (path === '/packages') return { name: 'packages' };
  if (path === '/head-office') return { name: 'head-office' };
  // Safekeeping and the acting person
  if (path === '/backups') return { name: 'backups' };
  if (path === '/profile') return { name: 'profile' };
  return { name: 'institutions' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'institutions':
      return '#/institutions';
    case 'institution-new':
      return '#/institutions/new';
    case 'institution':
      return `#/institutions/${route.id}`;
    case 'institution-edit':
      return `#/institutions/${route.id}/edit`;
    case 'programme-new':
      return `#/institutions/${route.institutionId}/programmes/new`;
    case 'programme-edit':
      return `#/institutions/${route.institutionId}/programmes/${route.id}/edit`;
    // Framework library routes
    case 'frameworks':
      return '#/frameworks';
    case 'framework':
      return `#/frameworks/${route.id}`;
    case 'framework-compare':
      return `#/frameworks/compare/${route.olderId}/${route.newerId}`;
    // Assessment routes
    case 'assessments':
      return '#/assessments';
    case 'assessment-new':
      return route.institutionId ? `#/institutions/${route.institutionId}/assessments/new` : '#/assessments/new';
    case 'assessment':
      return `#/assessments/${route.id}`;
    case 'assessment-prepare':
      return `#/assessments/${route.id}/prepare`;
    case 'assessment-details':
      return `#/assessments/${route.id}/details`;
    case 'assessment-framework':
      return `#/assessments/${route.id}/framework`;
    case 'institution-gap':
      return `#/institutions/${route.institutionId}/gap${route.inspectionId ? `/${route.inspectionId}` : ''}`;
    // Evidence routes
    case 'assessment-evidence':
      return `#/assessments/${route.id}/evidence`;
    // Report routes
    case 'assessment-report':
      return `#/assessments/${route.id}/report`;
    case 'report-verify':
      return '#/reports/verify';
    // Exchange and head-office routes
    case 'packages':
      return '#/packages';
    case 'head-office':
      return '#/head-office';
    // Safekeeping and the acting person
    case 'backups':
      return '#/backups';
    case 'profile':
      return '#/profile';
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

/**
 * Decides whether a change of address may go ahead: given the address the user is going to, returns
 * true to hold it (the screen then asks, and sets `window.location.hash` itself once the user agrees).
 */
export type NavigationGuard = (targetHash: string) => boolean;

let navigationGuard: NavigationGuard | null = null;

/**
 * A screen with unsaved work holds navigation while it is open (renderer/src/forms/use-unsaved-changes.tsx);
 * null lets every navigation through again. One guard at a time: only one form is open at once.
 */
export function setNavigationGuard(guard: NavigationGuard | null): void {
  navigationGuard = guard;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    // The address being shown: a held navigation puts it back in the address bar, so the screen and
    // the address never disagree while the user decides.
    let shown = window.location.hash;
    const onChange = () => {
      const next = window.location.hash;
      if (next !== shown && navigationGuard?.(next)) {
        history.replaceState(history.state, '', shown || '#');
        return;
      }
      shown = next;
      setRoute(parseRoute(next));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
