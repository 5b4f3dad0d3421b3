/**
 * The Anthropic simulator's HTTP face (on the shared loopback server): routes, the key (`x-api-key` as the
 * docs' curl sends it, or `Authorization: Bearer` as `@anthropic-ai/sdk` 1.17.0 does) and `anthropic-version`
 * checks, the `anthropic-beta` value each beta route needs, fault injection, and Anthropic-shaped JSON answers.
 */
import { organizationOfKey, startLoopbackServer, type Exchange, type LoopbackServer } from '../loopback';
import type { SimClock } from '../sim-clock';
import {
  AnthropicHttpError,
  apiError,
  badVersion,
  forbidden,
  invalidKey,
  missingBeta,
  missingKey,
  missingVersion,
  notAdminKey,
  notFound,
  overloaded,
  rateLimited,
  reportPageTooLarge,
  tooManyReportGroups,
} from './errors';
import type { AnthropicFaultDecision, AnthropicRoute, createAnthropicFaults } from './faults';
import { COMPONENT_DIMENSIONS } from './analytics-query';
import { readParams, type Params } from './params';

export type AnthropicHandler = (q: Params, nowMs: number) => unknown;

const ROUTES: Record<string, AnthropicRoute> = {
  '/v1/organizations/cost_report': 'cost_report',
  '/v1/organizations/usage_report/messages': 'usage_messages',
  '/v1/organizations/workspaces': 'workspaces',
  '/v1/organizations/analytics/cost': 'analytics_cost',
  '/v1/organizations/analytics/usage': 'analytics_usage',
  '/v1/organizations/spend_limits': 'spend_limits',
};

/** The `anthropic-beta` value a beta route needs (SDK 1.17.0 sends it by itself). */
const BETA: Partial<Record<AnthropicRoute, string>> = {
  analytics_cost: 'analytics-usage-cost-2026-08-24',
  analytics_usage: 'analytics-usage-cost-2026-08-24',
  spend_limits: 'spend-limit-reads-2026-09-26',
};

/** Where too_many_report_groups points instead (its message names an endpoint). */
const INSTEAD: Partial<Record<AnthropicRoute, string>> = {
  cost_report: '/v1/organizations/analytics/cost',
  usage_messages: '/v1/organizations/analytics/usage',
  analytics_cost: 'a narrower date range or fewer group_by[] dimensions',
  analytics_usage: 'a narrower date range or fewer group_by[] dimensions',
};

/**
 * The key a request carries: `x-api-key`, else `Authorization: Bearer KEY`.
 * Example: ('sk-ant-admin01-x', undefined) → 'sk-ant-admin01-x'; (undefined, 'Bearer sk-ant-admin01-x') → the same.
 */
export function keyOf(xApiKey: string | undefined, authorization: string | undefined): string | undefined {
  if (xApiKey) return xApiKey;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return m ? m[1] : undefined;
}

/** Admin keys (`sk-ant-admin01-…`) pass; other Anthropic keys are inference keys; anything else is unknown. */
export function authorizeAnthropic(key: string | undefined, version: string | undefined): void {
  if (!key) throw missingKey();
  if (!key.startsWith('sk-ant-')) throw invalidKey();
  if (!key.startsWith('sk-ant-admin01-'))
    throw key.startsWith('sk-ant-api03-') ? notAdminKey() : invalidKey();
  if (!version) throw missingVersion();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version)) throw badVersion(version);
}

function faultError(
  action: NonNullable<AnthropicFaultDecision['action']>,
  route: AnthropicRoute,
  q: URLSearchParams,
): AnthropicHttpError | null {
  if (action.kind === 'rate-limit') return rateLimited(action.retryAfterSec);
  if (action.kind === 'page-too-large') {
    const limit = Number(q.get('limit') ?? 'NaN');
    const isOver = action.maxLimit === null || !Number.isFinite(limit) || limit > action.maxLimit;
    return isOver ? reportPageTooLarge() : null;
  }
  if (action.kind === 'too-many-groups') {
    const groups = [...q.getAll('group_by[]'), ...q.getAll('group_by')].filter(
      (g) => !(COMPONENT_DIMENSIONS as readonly string[]).includes(g),
    );
    const isOver = action.maxGroups === null || new Set(groups).size > action.maxGroups;
    return isOver ? tooManyReportGroups(INSTEAD[route] ?? 'fewer groups') : null;
  }
  if (action.kind !== 'status') return null;
  if (action.status === 401) return invalidKey();
  if (action.status === 403) return forbidden();
  return action.status === 500 ? apiError() : overloaded();
}

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Network login required</h1></body></html>';

/** Replaces one amount with a string no decimal parser accepts (adds a result when the page has none). */
function breakAnAmount(body: unknown): void {
  const rows = (body as { data?: Array<{ cost?: { amount: string } }> }).data ?? [];
  if (rows[0]?.cost) {
    // A copy: the rows themselves are kept for the next pages of the same report.
    rows[0] = { ...rows[0], cost: { ...rows[0].cost, amount: '12,34' } };
    return;
  }
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
  /**
   * The organization's id, sent on every answer as `anthropic-organization-id` (as the API does); null: one
   * organization per key (`organizationOfKey`).
   */
  organizationId: string | null;
}): Promise<AnthropicHttp> {
  const { clock, faults, handlers } = opts;
  let counter = 0;

  const send = (x: Exchange, status: number, text: string, headers = {}) => {
    const requestId = `req_011CSim${(++counter).toString(16).padStart(12, '0')}`;
    x.send(status, text, {
      'request-id': requestId,
      'anthropic-organization-id': opts.organizationId ?? organizationOfKey(x.req, 'org_'),
      ...headers,
    });
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
      const error = action ? faultError(action, route, x.url.searchParams) : null;
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
        authorizeAnthropic(keyOf(header('x-api-key'), header('authorization')), header('anthropic-version'));
        const beta = BETA[route];
        const betas = (header('anthropic-beta') ?? '').split(',').map((b) => b.trim());
        if (beta && !betas.includes(beta)) throw missingBeta(beta);
        const decision = faults.decide(route);
        if (decision.latencyMs <= 0) return answer(x, route, decision);
        x.later(decision.latencyMs, () => answer(x, route, decision));
      } catch (e) {
        sendError(x, e);
      }
    },
  });
}
