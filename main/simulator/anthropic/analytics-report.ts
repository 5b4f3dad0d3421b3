/**
 * GET /v1/organizations/analytics/cost and /analytics/usage (beta `analytics-usage-cost-2026-08-24`): flat
 * rows `{starting_at, ending_at, group, cost | usage}` per time bucket (or for the whole range) and per
 * combination of the `group_by[]` dimensions with spend, ranked by a metric or ordered by time. Shapes as
 * `BetaAnalyticsCostItem` / `BetaAnalyticsUsageItem` of `@anthropic-ai/sdk` 1.17.0: every group field is
 * present (null unless grouped), cost amounts are fractional cents as strings, `requests` is null when the
 * cost is broken out by `cost_type` / `token_type`. Unlike the legacy reports, the Default workspace has
 * its tagged id. Cost has the model's cost lag; usage runs up to now.
 */
import { HOUR_MS } from '@core/time';
import { portionOf, type SpendModel } from '../spend-model';
import { analyticsPage, readAnalyticsQuery, type AnalyticsQuery } from './analytics-query';
import { centsString, linesOf, workspaceIdOf, type AnthropicLine } from './mapping';
import { toRfc3339, type Params } from './params';

const SHARED_GROUPS = [
  'actor', 'actor_type', 'agent_id', 'api_key_id', 'claude_tag_category', 'claude_tag_user_id',
  'context_window', 'deployment_id', 'environment_id', 'inference_geo', 'model', 'organization_id', 'product',
  'rbac_group_id', 'service_tier', 'session_id', 'slack_channel_id', 'speed', 'user_profile_id', 'workspace_id',
] as const; // prettier-ignore
export const USAGE_GROUPS = SHARED_GROUPS;
export const COST_GROUPS = [...SHARED_GROUPS, 'cost_type', 'token_type'] as const;

interface Sums {
  costMicros: number;
  requests: number;
  uncached: number;
  cacheRead: number;
  cacheWrite5m: number;
  output: number;
  webSearch: number;
}
const zero = (): Sums => ({
  costMicros: 0,
  requests: 0,
  uncached: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  output: 0,
  webSearch: 0,
});

/** The `group` object of a row: every dimension present, the grouped ones filled from `line`. */
function groupOf(
  line: AnthropicLine,
  by: readonly string[],
  component: boolean,
): Record<string, string | null> {
  const has = (d: string) => by.includes(d);
  const g: Record<string, string | null> = {};
  for (const d of SHARED_GROUPS) g[d] = null;
  if (has('workspace_id')) g.workspace_id = workspaceIdOf(line.projectId);
  if (has('api_key_id')) g.api_key_id = line.apiKeyId;
  if (has('model')) g.model = line.usageModel;
  if (has('service_tier')) g.service_tier = line.serviceTier;
  if (has('context_window')) g.context_window = line.costType === 'tokens' ? '0-200k' : null;
  if (has('speed')) g.speed = 'standard';
  if (component) {
    const byToken = has('token_type');
    g.cost_type = has('cost_type') || byToken ? line.costType : null;
    g.token_type = byToken && line.costType === 'tokens' ? line.tokenType : null;
  }
  return g;
}

function add(s: Sums, line: AnthropicLine, share: (v: number) => number): void {
  s.costMicros += share(line.costMicros);
  s.requests += share(line.requests);
  s.webSearch += share(line.webSearchRequests);
  const n = share(line.tokens);
  if (line.tokenType === 'uncached_input_tokens') s.uncached += n;
  else if (line.tokenType === 'cache_read_input_tokens') s.cacheRead += n;
  else if (line.tokenType === 'cache_creation.ephemeral_5m_input_tokens') s.cacheWrite5m += n;
  else if (line.tokenType === 'output_tokens') s.output += n;
}

interface Entry {
  key: string;
  period: { startMs: number; endMs: number };
  group: Record<string, string | null>;
  sums: Sums;
  parts: Map<string, { group: Record<string, string | null>; sums: Sums }>;
}

/** Sums the model's lines per period and group (and per component, for cost). */
function collect<G extends string>(
  model: SpendModel,
  query: AnalyticsQuery<G>,
  nowMs: number,
  isCost: boolean,
) {
  const by = query.groupBy as readonly string[];
  const isSplit = isCost && (by.includes('cost_type') || by.includes('token_type'));
  const f = query.filters;
  const entries: Entry[] = [];
  // Group keys as plain strings (this runs for every line of every hour in the range).
  const [ws, key, mdl, tier, cw] = [
    'workspace_id',
    'api_key_id',
    'model',
    'service_tier',
    'context_window',
  ].map((d) => by.includes(d));
  const byToken = by.includes('token_type');
  // One group object per group (and component), shared by its rows in every period: a year of hourly
  // buckets has thousands of rows per group, each of whose groups would otherwise carry 22 fields.
  const groupObjects = new Map<string, Record<string, string | null>>();
  const sharedGroup = (k: string, line: AnthropicLine, component: boolean) => {
    let g = groupObjects.get(k);
    if (!g) groupObjects.set(k, (g = groupOf(line, by, component)));
    return g;
  };
  const keyOfLine = (l: AnthropicLine) =>
    `${ws ? l.projectId : ''}|${key ? l.apiKeyId : ''}|${mdl ? l.usageModel : ''}|${tier ? l.serviceTier : ''}|${cw ? l.costType : ''}`;
  for (const period of query.periods) {
    const aSec = period.startMs / 1000;
    const bSec = Math.min(period.endMs, nowMs) / 1000;
    const groups = new Map<string, Entry>();
    for (let h = Math.floor(period.startMs / HOUR_MS) * HOUR_MS; h < bSec * 1000; h += HOUR_MS) {
      if (isCost && !model.isCostVisible(h, nowMs)) continue;
      for (const row of model.hourly(h)) {
        for (const line of linesOf(row)) {
          if (!isCost && line.costType !== 'tokens' && line.webSearchRequests === 0) continue;
          if (f.workspaceIds && !f.workspaceIds.includes(workspaceIdOf(line.projectId))) continue;
          if (f.apiKeyIds && !f.apiKeyIds.includes(line.apiKeyId)) continue;
          if (f.models && !f.models.includes(line.usageModel)) continue;
          if (f.serviceTiers && !f.serviceTiers.includes(line.serviceTier)) continue;
          const k = keyOfLine(line);
          let e = groups.get(k);
          if (!e)
            groups.set(
              k,
              (e = { key: k, period, group: sharedGroup(k, line, false), sums: zero(), parts: new Map() }),
            );
          const share = (v: number) => portionOf(v, h / 1000, aSec, bSec);
          add(e.sums, line, share);
          if (isSplit) {
            const pk = `${line.costType}|${byToken ? line.tokenType : ''}`;
            let p = e.parts.get(pk);
            if (!p) e.parts.set(pk, (p = { group: sharedGroup(`${k}#${pk}`, line, true), sums: zero() }));
            add(p.sums, line, share);
          }
        }
      }
    }
    entries.push(...groups.values());
  }
  return { entries, isSplit };
}

const total = (s: Sums) => s.uncached + s.cacheRead + s.cacheWrite5m + s.output;
const METRIC: Record<string, (s: Sums) => number> = {
  amount: (s) => s.costMicros,
  list_amount: (s) => s.costMicros,
  total_tokens: total,
  output_tokens: (s) => s.output,
  uncached_input_tokens: (s) => s.uncached,
  requests: (s) => s.requests,
};

function sortEntries<G extends string>(entries: Entry[], query: AnalyticsQuery<G>, metricName: string): void {
  const sign = query.isAscending ? 1 : -1;
  const byTime = query.orderBy === 'time' && query.hasBuckets;
  const metric = METRIC[byTime || query.orderBy === 'time' ? metricName : query.orderBy]!;
  entries.sort((a, b) => {
    if (byTime && a.period.startMs !== b.period.startMs) return sign * (a.period.startMs - b.period.startMs);
    const m = byTime ? metric(b.sums) - metric(a.sums) : sign * (metric(a.sums) - metric(b.sums));
    if (m !== 0) return m;
    return a.period.startMs - b.period.startMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}

// Paging through a large report asks the same query once per page: its rows are computed once and kept
// for the next pages (the last two queries per spend model: a reader pages through one query at a time;
// keyed by everything but the page and the page size).
const rowCache = new WeakMap<SpendModel, Map<string, unknown[]>>();
const CACHED_QUERIES = 2;

function cachedRows<T>(model: SpendModel, key: string, build: () => T[]): T[] {
  let cache = rowCache.get(model);
  if (!cache) rowCache.set(model, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit as T[];
  const rows = build();
  cache.set(key, rows);
  if (cache.size > CACHED_QUERIES) cache.delete(cache.keys().next().value!);
  return rows;
}

const keyOf = (route: string, query: AnalyticsQuery<string>, nowMs: number) =>
  JSON.stringify([route, nowMs, { ...query, offset: 0, limit: 0 }]);

// A period's two time strings, made once per period (every row of the period repeats them).
const spans = new WeakMap<object, { starting_at: string; ending_at: string }>();
const span = (p: { startMs: number; endMs: number }) => {
  let s = spans.get(p);
  if (!s) spans.set(p, (s = { starting_at: toRfc3339(p.startMs), ending_at: toRfc3339(p.endMs) }));
  return s;
};

/**
 * A row of a period: one literal with every field (spreading the period's times into a new object would
 * give each of thousands of rows a hidden class of its own).
 */
function timedRow<T>(period: { startMs: number; endMs: number }, row: { group: T; cost: unknown }) {
  const s = span(period);
  return { starting_at: s.starting_at, ending_at: s.ending_at, group: row.group, cost: row.cost };
}

/** GET /v1/organizations/analytics/cost at simulated time `nowMs`. */
export function handleAnalyticsCost(q: Params, model: SpendModel, nowMs: number, lagMs: number): unknown {
  const query = readAnalyticsQuery(q, nowMs, COST_GROUPS, ['amount', 'list_amount', 'time'], 'amount');
  const rows = cachedRows(model, keyOf('cost', query, nowMs), () => costRows(model, query, nowMs));
  const page = analyticsPage(rows, query, nowMs - lagMs);
  return { ...page, data: page.data.flat() };
}

function costRows(model: SpendModel, query: AnalyticsQuery<string>, nowMs: number) {
  const { entries, isSplit } = collect(model, query, nowMs, true);
  sortEntries(entries, query, 'amount');
  const cost = (s: Sums, withRequests: boolean) => ({
    amount: centsString(s.costMicros),
    currency: 'USD',
    list_amount: centsString(s.costMicros),
    requests: withRequests ? s.requests : null,
  });
  // The unsplit group (its components null), once per group.
  const whole = new Map<string, Record<string, string | null>>();
  const wholeGroup = (e: Entry) => {
    let g = whole.get(e.key);
    if (!g) whole.set(e.key, (g = { ...e.group, cost_type: null, token_type: null }));
    return g;
  };
  return entries.map((e) =>
    isSplit
      ? [...e.parts.values()].map((p) => timedRow(e.period, { group: p.group, cost: cost(p.sums, false) }))
      : [timedRow(e.period, { group: wholeGroup(e), cost: cost(e.sums, true) })],
  );
}

/** GET /v1/organizations/analytics/usage at simulated time `nowMs`. */
export function handleAnalyticsUsage(q: Params, model: SpendModel, nowMs: number): unknown {
  const orderBys = ['total_tokens', 'output_tokens', 'uncached_input_tokens', 'requests', 'time'];
  const query = readAnalyticsQuery(q, nowMs, USAGE_GROUPS, orderBys, 'total_tokens');
  const rows = cachedRows(model, keyOf('usage', query, nowMs), () => usageRows(model, query, nowMs));
  return analyticsPage(rows, query, nowMs);
}

function usageRows(model: SpendModel, query: AnalyticsQuery<string>, nowMs: number) {
  const { entries } = collect(model, query, nowMs, false);
  sortEntries(entries, query, 'total_tokens');
  return entries.map((e) => ({
    starting_at: span(e.period).starting_at,
    ending_at: span(e.period).ending_at,
    group: e.group,
    usage: {
      uncached_input_tokens: e.sums.uncached,
      cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: e.sums.cacheWrite5m },
      cache_read_input_tokens: e.sums.cacheRead,
      output_tokens: e.sums.output,
      requests: e.sums.requests,
      server_tool_use: { web_search_requests: e.sums.webSearch },
      total_tokens: total(e.sums),
    },
  }));
}
