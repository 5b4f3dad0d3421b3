/**
 * The Anthropic simulator's HTTP face (on the shared loopback server): routes, `x-api-key` and
 * `anthropic-version` checks, fault injection, and Anthropic-shaped JSON answers.
 */
import { startLoopbackServer, type Exchange, type LoopbackServer } from '../loopback';
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

export type AnthropicHttp = LoopbackServer;

export async function startAnthropicHttp(opts: {
  port: number;
  clock: SimClock;
  faults: ReturnType<typeof createAnthropicFaults>;
  handlers: Record<AnthropicRoute, AnthropicHandler>;
}): Promise<AnthropicHttp> {
  const { clock, faults, handlers } = opts;
  let counter = 0;

  const send = (x: Exchange, status: number, text: string, headers = {}) => {
    const requestId = `req_011CSim${(++counter).toString(16).padStart(12, '0')}`;
    x.send(status, text, { 'request-id': requestId, ...headers });
  };
  const sendError = (x: Exchange, e: unknown) => {
    const err = e instanceof AnthropicHttpError ? e : apiError();
    const requestId = `req_011CSim${(counter + 1).toString(16).padStart(12, '0')}`;
    send(x, err.status, JSON.stringify(err.body(requestId)), err.headers);
  };

  function answer(x: Exchange, route: AnthropicRoute, d: AnthropicFaultDecision) {
    try {
      const action = d.action;
      if (action?.kind === 'hang') return; // pending until close()
      const error = action ? faultError(action) : null;
      if (error) throw error;
      if (action?.kind === 'html') return send(x, 200, HTML_PAGE, { 'content-type': 'text/html' });
      const body = handlers[route](readParams(x.url.searchParams), clock.nowMs());
      if (action?.kind === 'bad-amount') breakAnAmount(body);
      send(x, 200, JSON.stringify(body));
    } catch (e) {
      sendError(x, e);
    }
  }

  return startLoopbackServer({
    port: opts.port,
    clock,
    handle(x) {
      try {
        const route = ROUTES[x.path];
        if (!route || x.entry.method !== 'GET') throw notFound();
        const header = (name: string) => {
          const v = x.req.headers[name];
          return Array.isArray(v) ? v[0] : v;
        };
        authorizeAnthropic(header('x-api-key'), header('anthropic-version'));
        const decision = faults.decide(route);
        if (decision.latencyMs <= 0) return answer(x, route, decision);
        x.later(decision.latencyMs, () => answer(x, route, decision));
      } catch (e) {
        sendError(x, e);
      }
    },
  });
}
