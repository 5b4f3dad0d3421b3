/**
 * The page's address: the overview at `#/`, one account at `#/org/<id>`. The hash keeps the address of the
 * page that serves the app (the Node host's `/?token=…`, Electron's file URL) untouched, so back, forward and
 * reload work the same over both transports.
 */

/** Where the page is. */
export type Route = { page: 'overview' } | { page: 'org'; orgId: string };

const ORG_PREFIX = '#/org/';

/**
 * The route a location hash names; anything unknown is the overview.
 *
 * @example parseRoute('#/org/org_abc') // { page: 'org', orgId: 'org_abc' }
 */
export function parseRoute(hash: string): Route {
  if (hash.startsWith(ORG_PREFIX)) {
    const raw = hash.slice(ORG_PREFIX.length).split(/[/?#]/)[0] ?? '';
    let orgId = '';
    try {
      orgId = decodeURIComponent(raw);
    } catch {
      orgId = '';
    }
    if (orgId.trim() !== '') return { page: 'org', orgId };
  }
  return { page: 'overview' };
}

/**
 * The hash of a route.
 *
 * @example routeHash({ page: 'org', orgId: 'org abc' }) // '#/org/org%20abc'
 */
export function routeHash(route: Route): string {
  return route.page === 'org' ? `${ORG_PREFIX}${encodeURIComponent(route.orgId)}` : '#/';
}
