/**
 * The current route, read from the location hash and followed on `hashchange` (back and forward included).
 */
import { useCallback, useEffect, useState } from 'react';
import { parseRoute, routeHash, type Route } from '../view-models/route';

export interface RouteState {
  route: Route;
  /** Goes to a route as a new history entry (so back returns here). */
  go(route: Route): void;
}

function currentHash(): string {
  return typeof window === 'undefined' ? '' : window.location.hash;
}

/** The route state of the page. */
export function useRoute(): RouteState {
  const [route, setRoute] = useState<Route>(() => parseRoute(currentHash()));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(currentHash()));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: Route) => {
    const hash = routeHash(next);
    if (window.location.hash === hash) setRoute(next);
    else window.location.hash = hash;
  }, []);
  return { route, go };
}
