/**
 * The OpenAI simulator's HTTP face (on the shared loopback server): routing, Admin-key auth, fault
 * injection, and JSON responses shaped like the live API's.
 */
import {
  ApiHttpError,
  invalidKey,
  invalidUrl,
  methodNotAllowed,
  missingKey,
  missingScopes,
  overloaded,
  rateLimited,
  serverError,
  spendLimitExceeded,
} from './api-errors';
import type { FaultDecision, FaultInjector } from './fault-injector';
import { organizationOfKey, startLoopbackServer, type Exchange, type LoopbackServer } from './loopback';
import { createQueryReader, type QueryReader } from './query';
import type { SimClock } from './sim-clock';

export type RouteName =
  | 'costs'
  | 'completions'
  | 'embeddings'
  | 'images'
  | 'projects'
  | 'spend_limit'
  | 'project_spend_limit'
  | 'spend_alerts'
  | 'project_spend_alerts'
  | 'admin_api_keys';
/**
 * `params` holds path parameters (`project_id` for `/organization/projects/{project_id}/spend_limit`);
 * `apiKey` is the caller's key (the Admin-key list shows it redacted).
 */
export type RouteHandler = (
  q: QueryReader,
  nowMs: number,
  params: Record<string, string>,
  apiKey: string,
) => unknown;

const PROJECT_ROUTES = /^\/v1\/organization\/projects\/([^/]+)\/(spend_limit|spend_alerts)$/;

/** The route of a path, with its path parameters; null when the API does not serve it. */
export function routeOf(path: string): { route: RouteName; params: Record<string, string> } | null {
  const exact = ROUTES[path];
  if (exact) return { route: exact, params: {} };
  const m = PROJECT_ROUTES.exec(path);
  if (!m) return null;
  const route = m[2] === 'spend_limit' ? 'project_spend_limit' : 'project_spend_alerts';
  return { route, params: { project_id: decodeURIComponent(m[1]!) } };
}

export type { RequestLogEntry } from './loopback';

const ROUTES: Record<string, RouteName> = {
  '/v1/organization/costs': 'costs',
  '/v1/organization/usage/completions': 'completions',
  '/v1/organization/usage/embeddings': 'embeddings',
  '/v1/organization/usage/images': 'images',
  '/v1/organization/projects': 'projects',
  '/v1/organization/spend_limit': 'spend_limit',
  '/v1/organization/spend_alerts': 'spend_alerts',
  '/v1/organization/admin_api_keys': 'admin_api_keys',
};

/** Checks the bearer key: Admin keys pass, project and service-account keys lack the usage scope. */
export function authorize(header: string | undefined): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw missingKey();
  const key = match[1]!;
  if (key.startsWith('sk-admin-')) return;
  if (key.startsWith('sk-proj-') || key.startsWith('sk-svcacct-')) throw missingScopes(401);
  throw invalidKey(key);
}

function faultError(
  action: NonNullable<FaultDecision['action']>,
  authHeader: string | undefined,
): ApiHttpError | null {
  switch (action.kind) {
    case 'status':
      if (action.status === 401)
        return invalidKey(/^Bearer\s+(\S+)/i.exec(authHeader ?? '')?.[1] ?? 'sk-unknown-key');
      if (action.status === 403) return missingScopes(403);
      return action.status === 500 ? serverError() : overloaded();
    case 'rate-limit':
      return rateLimited(action.retryAfterSec);
    case 'spend-limit-429':
      return spendLimitExceeded();
    default:
      return null;
  }
}

export type HttpSimulator = LoopbackServer;

/** Starts the HTTP server on 127.0.0.1:`port` (0 = a free port). */
export async function startHttpSimulator(opts: {
  port: number;
  clock: SimClock;
  faults: FaultInjector;
  handlers: Record<RouteName, RouteHandler>;
  /**
   * The organization's id, sent on every answer as the `openai-organization` header (as the API does); null:
   * one organization per key (`organizationOfKey`).
   */
  organizationId: string | null;
}): Promise<HttpSimulator> {
  const { clock, faults, handlers } = opts;
  let requestCounter = 0;

  function send(x: Exchange, status: number, text: string, headers: Record<string, string> = {}): void {
    x.send(status, text, {
      'x-request-id': `req_${(++requestCounter).toString(16).padStart(12, '0')}`,
      'openai-organization': opts.organizationId ?? organizationOfKey(x.req, 'org-'),
      ...headers,
    });
  }

  function answer(
    x: Exchange,
    route: RouteName,
    params: Record<string, string>,
    decision: FaultDecision,
  ): void {
    try {
      const action = decision.action;
      if (action?.kind === 'hang') return; // stays pending until close()
      const error = action ? faultError(action, x.req.headers.authorization) : null;
      if (error) throw error;
      if (action?.kind === 'bare-error') {
        const message =
          action.status >= 500 ? 'The server had an error while processing your request.' : 'Request failed.';
        return send(x, action.status, JSON.stringify({ error: message }));
      }
      const apiKey = /^Bearer\s+(\S+)/i.exec(x.req.headers.authorization ?? '')?.[1] ?? '';
      const body = handlers[route](createQueryReader(x.url.searchParams), clock.nowMs(), params, apiKey);
      if (action?.kind === 'string-amount') stringifyAmounts(body);
      const text = JSON.stringify(body);
      // Cut mid-document so no JSON parser accepts it.
      send(
        x,
        200,
        action?.kind === 'malformed' ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : text,
      );
    } catch (e) {
      if (e instanceof ApiHttpError) return send(x, e.status, JSON.stringify(e.body), e.headers);
      send(x, 500, JSON.stringify(serverError().body));
    }
  }

  return startLoopbackServer({
    port: opts.port,
    clock,
    handle(x) {
      try {
        const matched = routeOf(x.path);
        if (!matched) throw invalidUrl(x.entry.method, x.path);
        const { route, params } = matched;
        if (x.entry.method !== 'GET') throw methodNotAllowed(x.entry.method, x.path);
        authorize(x.req.headers.authorization);
        const decision = faults.decide(route);
        if (decision.latencyMs > 0) x.later(decision.latencyMs, () => answer(x, route, params, decision));
        else answer(x, route, params, decision);
      } catch (e) {
        if (e instanceof ApiHttpError) send(x, e.status, JSON.stringify(e.body), e.headers);
        else send(x, 500, JSON.stringify(serverError().body));
      }
    },
  });
}

/** Rewrites every `amount.value` in a costs page as a JSON string, as the API has been seen to send it. */
function stringifyAmounts(body: unknown): void {
  const data = (body as { data?: Array<{ results?: Array<{ amount?: { value: unknown } }> }> }).data ?? [];
  for (const bucket of data)
    for (const r of bucket.results ?? []) if (r.amount) r.amount.value = String(r.amount.value);
}
