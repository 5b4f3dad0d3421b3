/**
 * The Anthropic simulator's HTTP face (node:http, 127.0.0.1 only): routes, `x-api-key` and
 * `anthropic-version` checks, fault injection, the request log, and Anthropic-shaped JSON answers.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestLogEntry } from '../server';
import type { SimClock } from '../sim-clock';
import {
  AnthropicHttpError,
  apiError,
  badVersion,
  forbidden,
  invalidKey,
  missingKey,
  missingVersion,
  notAdminKey,
  notFound,
  overloaded,
  rateLimited,
} from './errors';
import type { AnthropicFaultDecision, AnthropicRoute, createAnthropicFaults } from './faults';
import { readParams, type Params } from './params';

export type AnthropicHandler = (q: Params, nowMs: number) => unknown;

const ROUTES: Record<string, AnthropicRoute> = {
  '/v1/organizations/cost_report': 'cost_report',
  '/v1/organizations/usage_report/messages': 'usage_messages',
  '/v1/organizations/workspaces': 'workspaces',
};

/** Admin keys (`sk-ant-admin01-…`) pass; other Anthropic keys are inference keys; anything else is unknown. */
export function authorizeAnthropic(key: string | undefined, version: string | undefined): void {
  if (!key) throw missingKey();
  if (!key.startsWith('sk-ant-')) throw invalidKey();
  if (!key.startsWith('sk-ant-admin01-'))
    throw key.startsWith('sk-ant-api03-') ? notAdminKey() : invalidKey();
  if (!version) throw missingVersion();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) throw badVersion(version);
}

function faultError(action: NonNullable<AnthropicFaultDecision['action']>): AnthropicHttpError | null {
  if (action.kind === 'rate-limit') return rateLimited(action.retryAfterSec);
  if (action.kind !== 'status') return null;
  if (action.status === 401) return invalidKey();
  if (action.status === 403) return forbidden();
  return action.status === 500 ? apiError() : overloaded();
}

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Network login required</h1></body></html>';

/** Replaces one amount with a string no decimal parser accepts (adds a result when the page has none). */
function breakAnAmount(body: unknown): void {
  const data = (body as { data?: Array<{ results: Array<Record<string, unknown>> }> }).data ?? [];
  const bucket = data.find((b) => b.results.length > 0) ?? data[0];
  if (!bucket) return;
  if (bucket.results.length === 0) bucket.results.push({ currency: 'USD', amount: '0' });
  bucket.results[0]!.amount = '12,34';
}

export interface AnthropicHttp {
  port: number;
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

export async function startAnthropicHttp(opts: {
  port: number;
  clock: SimClock;
  faults: ReturnType<typeof createAnthropicFaults>;
  handlers: Record<AnthropicRoute, AnthropicHandler>;
}): Promise<AnthropicHttp> {
  const { clock, faults, handlers } = opts;
  const requests: RequestLogEntry[] = [];
  const pending = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const send = (res: ServerResponse, entry: RequestLogEntry, status: number, text: string, headers = {}) => {
    const requestId = `req_011CSim${(++counter).toString(16).padStart(12, '0')}`;
    entry.status = status;
    pending.delete(res);
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId, ...headers });
    res.end(text);
  };
  const sendError = (res: ServerResponse, entry: RequestLogEntry, e: unknown) => {
    const err = e instanceof AnthropicHttpError ? e : apiError();
    const requestId = `req_011CSim${(counter + 1).toString(16).padStart(12, '0')}`;
    send(res, entry, err.status, JSON.stringify(err.body(requestId)), err.headers);
  };

  function answer(
    res: ServerResponse,
    entry: RequestLogEntry,
    url: URL,
    route: AnthropicRoute,
    d: AnthropicFaultDecision,
  ) {
    try {
      const action = d.action;
      if (action?.kind === 'hang') return; // pending until close()
      const error = action ? faultError(action) : null;
      if (error) throw error;
      if (action?.kind === 'html') return send(res, entry, 200, HTML_PAGE, { 'content-type': 'text/html' });
      const body = handlers[route](readParams(url.searchParams), clock.nowMs());
      if (action?.kind === 'bad-amount') breakAnAmount(body);
      send(res, entry, 200, JSON.stringify(body));
    } catch (e) {
      sendError(res, entry, e);
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path,
      query: url.search.replace(/^\?/, ''),
      status: 0,
      atMs: clock.nowMs(),
    };
    requests.push(entry);
    pending.add(res);
    req.resume();
    try {
      const route = ROUTES[path];
      if (!route || entry.method !== 'GET') throw notFound();
      const header = (name: string) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      authorizeAnthropic(header('x-api-key'), header('anthropic-version'));
      const decision = faults.decide(route);
      if (decision.latencyMs <= 0) return answer(res, entry, url, route, decision);
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(res, entry, url, route, decision);
      }, decision.latencyMs);
      timers.add(timer);
    } catch (e) {
      sendError(res, entry, e);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
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
