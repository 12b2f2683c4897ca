import { useSyncExternalStore } from 'react';
import { parseRoute, routeHref, type Route } from './route.ts';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, following the URL hash; the server renders (and the browser hydrates) the home. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  return parseRoute(hash);
}

let navigated = false;
if (typeof window !== 'undefined') window.addEventListener('hashchange', () => (navigated = true), { once: true });

/** Whether the person has moved within the app since it opened (rather than just arrived). */
export function hasNavigated(): boolean {
  return navigated;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
