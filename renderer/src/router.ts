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
  | { name: 'assessments' };

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
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
