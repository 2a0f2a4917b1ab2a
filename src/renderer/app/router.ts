import { useSyncExternalStore } from 'react';

/** The app's sections; the hash (`#/settings`) keeps a deep link working in both shells. */
export const routes = ['applications', 'labels', 'inspection', 'settings'] as const;
export type Route = (typeof routes)[number];

function currentRoute(): Route {
  const name = window.location.hash.replace(/^#\/?/, '').split('/')[0];
  return (routes as readonly string[]).includes(name ?? '') ? (name as Route) : 'applications';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}

export function routeHref(route: Route): string {
  return `#/${route}`;
}
