/**
 * The simulator's HTTP face (node:http, loopback only): routing, Admin-key auth, fault injection, the
 * request log, and JSON responses shaped like the live API's.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { createQueryReader, type QueryReader } from './query';
import type { SimClock } from './sim-clock';

export type RouteName =
  'costs' | 'completions' | 'embeddings' | 'images' | 'projects' | 'spend_limit' | 'project_spend_limit';
/** `params` holds path parameters (`project_id` for `/organization/projects/{project_id}/spend_limit`). */
export type RouteHandler = (q: QueryReader, nowMs: number, params: Record<string, string>) => unknown;

const PROJECT_SPEND_LIMIT = /^\/v1\/organization\/projects\/([^/]+)\/spend_limit$/;

/** The route of a path, with its path parameters; null when the API does not serve it. */
export function routeOf(path: string): { route: RouteName; params: Record<string, string> } | null {
  const exact = ROUTES[path];
  if (exact) return { route: exact, params: {} };
  const m = PROJECT_SPEND_LIMIT.exec(path);
  return m ? { route: 'project_spend_limit', params: { project_id: decodeURIComponent(m[1]!) } } : null;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  /** The status answered; 0 while pending or for a request that hangs. */
  status: number;
  atMs: number;
}

const ROUTES: Record<string, RouteName> = {
  '/v1/organization/costs': 'costs',
  '/v1/organization/usage/completions': 'completions',
  '/v1/organization/usage/embeddings': 'embeddings',
  '/v1/organization/usage/images': 'images',
  '/v1/organization/projects': 'projects',
  '/v1/organization/spend_limit': 'spend_limit',
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

export interface HttpSimulator {
  port: number;
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

/** Starts the HTTP server on 127.0.0.1:`port` (0 = a free port). */
export async function startHttpSimulator(opts: {
  port: number;
  clock: SimClock;
  faults: FaultInjector;
  handlers: Record<RouteName, RouteHandler>;
}): Promise<HttpSimulator> {
  const { clock, faults, handlers } = opts;
  const requests: RequestLogEntry[] = [];
  const pending = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  let requestCounter = 0;

  function send(
    res: ServerResponse,
    entry: RequestLogEntry,
    status: number,
    text: string,
    headers: Record<string, string> = {},
  ): void {
    entry.status = status;
    pending.delete(res);
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-request-id': `req_${(++requestCounter).toString(16).padStart(12, '0')}`,
      ...headers,
    });
    res.end(text);
  }

  function answer(
    req: IncomingMessage,
    res: ServerResponse,
    entry: RequestLogEntry,
    url: URL,
    route: RouteName,
    params: Record<string, string>,
    decision: FaultDecision,
  ): void {
    try {
      const action = decision.action;
      if (action?.kind === 'hang') return; // stays pending until close()
      const error = action ? faultError(action, req.headers.authorization) : null;
      if (error) throw error;
      if (action?.kind === 'bare-error') {
        const message =
          action.status >= 500 ? 'The server had an error while processing your request.' : 'Request failed.';
        return send(res, entry, action.status, JSON.stringify({ error: message }));
      }
      const body = handlers[route](createQueryReader(url.searchParams), clock.nowMs(), params);
      if (action?.kind === 'string-amount') stringifyAmounts(body);
      const text = JSON.stringify(body);
      // Cut mid-document so no JSON parser accepts it.
      send(
        res,
        entry,
        200,
        action?.kind === 'malformed' ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : text,
      );
    } catch (e) {
      if (e instanceof ApiHttpError) return send(res, entry, e.status, JSON.stringify(e.body), e.headers);
      send(res, entry, 500, JSON.stringify(serverError().body));
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const entry: RequestLogEntry = {
      method,
      path,
      query: url.search.replace(/^\?/, ''),
      status: 0,
      atMs: clock.nowMs(),
    };
    requests.push(entry);
    pending.add(res);
    req.resume();
    try {
      const matched = routeOf(path);
      if (!matched) throw invalidUrl(method, path);
      const { route, params } = matched;
      if (method !== 'GET') throw methodNotAllowed(method, path);
      authorize(req.headers.authorization);
      const decision = faults.decide(route);
      if (decision.latencyMs > 0) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer(req, res, entry, url, route, params, decision);
        }, decision.latencyMs);
        timers.add(timer);
      } else {
        answer(req, res, entry, url, route, params, decision);
      }
    } catch (e) {
      if (e instanceof ApiHttpError) send(res, entry, e.status, JSON.stringify(e.body), e.headers);
      else send(res, entry, 500, JSON.stringify(serverError().body));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const res of pending) res.destroy();
        pending.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Rewrites every `amount.value` in a costs page as a JSON string, as the API has been seen to send it. */
function stringifyAmounts(body: unknown): void {
  const data = (body as { data?: Array<{ results?: Array<{ amount?: { value: unknown } }> }> }).data ?? [];
  for (const bucket of data)
    for (const r of bucket.results ?? []) if (r.amount) r.amount.value = String(r.amount.value);
}
