import { useSyncExternalStore } from 'react';

/** The app's sections; the hash (`#/applications/<id>`) keeps deep links working in both shells. */
export const routes = ['applications', 'documents', 'labels', 'inspection', 'settings'] as const;
export type Route = (typeof routes)[number];

export interface Location {
  route: Route;
  /** Path segments after the section, decoded (`['<id>']` for `#/applications/<id>`). */
  rest: string[];
}

let cached: { hash: string; location: Location } | undefined;

function currentLocation(): Location {
  const hash = window.location.hash;
  if (cached?.hash === hash) return cached.location;
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/').map((part) => decodeURIComponent(part));
  const route = (routes as readonly string[]).includes(name) ? (name as Route) : 'applications';
  const location = { route, rest: rest.filter(Boolean) };
  cached = { hash, location };
  return location;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, currentLocation);
}

export function routeHref(route: Route, ...rest: string[]): string {
  return `#/${[route, ...rest.map((part) => encodeURIComponent(part))].join('/')}`;
}

export function navigate(route: Route, ...rest: string[]): void {
  window.location.hash = routeHref(route, ...rest);
}
