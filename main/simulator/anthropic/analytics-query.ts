/**
 * The query rules both Usage & Cost Analytics endpoints share (`@anthropic-ai/sdk` 1.17.0,
 * `CostListParams` / `UsageListParams`): the range (`starting_at` no earlier than 2026-01-01T00:00:00Z and
 * within the last 365 days; at most 31 days; `ending_at` required with `time_bucket_width`, and at most 24
 * hours with `1m`), the buckets, `group_by[]` (at most 5, `cost_type` / `token_type` not counted), `limit`
 * 1–1000 (default 20) counting rows, `order_by` / `order`, and the opaque `page` token.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@core/time';
import { badParam } from './errors';
import type { Params } from './params';

/** "Must be within the last 365 days and no earlier than 2026-01-01T00:00:00Z" (SDK 1.17.0). */
export const ANALYTICS_EARLIEST_MS = Date.UTC(2026, 0, 1);
const MAX_RANGE_MS = 31 * DAY_MS;
const WIDTH_MS = { '1d': DAY_MS, '1h': HOUR_MS, '1m': MINUTE_MS } as const;

/** Dimensions that fan a cost row out into components; they do not count toward the 5 or toward `limit`. */
export const COMPONENT_DIMENSIONS = ['cost_type', 'token_type'] as const;

export interface AnalyticsQuery<G extends string> {
  /** Row periods: one per time bucket, or the whole (hour-rounded) range. */
  periods: Array<{ startMs: number; endMs: number }>;
  hasBuckets: boolean;
  groupBy: G[];
  limit: number;
  orderBy: string;
  isAscending: boolean;
  offset: number;
  filters: { workspaceIds?: string[]; apiKeyIds?: string[]; models?: string[]; serviceTiers?: string[] };
}

/** Parses and checks one analytics request; every bad value is a 400 naming its parameter. */
export function readAnalyticsQuery<G extends string>(
  q: Params,
  nowMs: number,
  groups: readonly G[],
  orderBys: readonly string[],
  defaultOrderBy: string,
): AnalyticsQuery<G> {
  const startMs = q.time('starting_at', true)!;
  if (startMs < ANALYTICS_EARLIEST_MS || startMs < nowMs - 365 * DAY_MS)
    throw badParam(
      'starting_at',
      'must be within the last 365 days and no earlier than 2026-01-01T00:00:00Z',
    );
  const width = q.string('time_bucket_width');
  const widthMs =
    width === undefined ? null : WIDTH_MS[q.enumOne('time_bucket_width', ['1d', '1h', '1m'], '1d')];
  let endMs = q.time('ending_at', false);
  if (widthMs !== null && endMs === undefined)
    throw badParam('ending_at', 'is required when time_bucket_width is set');
  endMs ??= Math.min(nowMs, startMs + MAX_RANGE_MS);
  if (endMs <= startMs) throw badParam('ending_at', 'must be after starting_at');
  if (endMs - startMs > MAX_RANGE_MS) throw badParam('ending_at', 'the range may span at most 31 days');
  if (widthMs === MINUTE_MS && endMs - startMs > DAY_MS)
    throw badParam('ending_at', "with time_bucket_width '1m' the range may span at most 24 hours");
  const groupBy = q.enumArray('group_by', groups) ?? [];
  const counted = groupBy.filter((g) => !(COMPONENT_DIMENSIONS as readonly string[]).includes(g));
  if (counted.length > 5)
    throw badParam('group_by[]', 'at most 5 dimensions (cost_type and token_type not counted)');
  const periods: AnalyticsQuery<G>['periods'] = [];
  if (widthMs === null) {
    const a = Math.floor(startMs / HOUR_MS) * HOUR_MS;
    periods.push({ startMs: a, endMs: Math.max(a + HOUR_MS, Math.floor(endMs / HOUR_MS) * HOUR_MS) });
  } else {
    for (let b = Math.floor(startMs / widthMs) * widthMs; b < endMs && b <= nowMs; b += widthMs)
      periods.push({ startMs: b, endMs: b + widthMs });
  }
  const page = q.string('page');
  return {
    periods,
    hasBuckets: widthMs !== null,
    groupBy,
    limit: q.int('limit', 1, 1000, 20),
    orderBy: q.enumOne('order_by', orderBys, defaultOrderBy),
    isAscending: q.enumOne('order', ['asc', 'desc'] as const, 'desc') === 'asc',
    offset: page === undefined ? 0 : readOffsetToken(page),
    filters: {
      workspaceIds: q.array('workspace_ids'),
      apiKeyIds: q.array('api_key_ids'),
      models: q.array('models'),
      serviceTiers: q.array('service_tiers'),
    },
  };
}

/** The analytics page token: `page_` + base64 of `offset:N` (opaque to clients, like the API's). */
export function offsetToken(offset: number): string {
  return `page_${Buffer.from(`offset:${offset}`).toString('base64')}`;
}

function readOffsetToken(token: string): number {
  const m = /^page_([A-Za-z0-9+/=]+)$/.exec(token);
  const text = m ? Buffer.from(m[1]!, 'base64').toString('utf8') : '';
  const n = /^offset:(\d{1,9})$/.exec(text);
  if (!n) throw badParam('page', 'invalid page token');
  return Number(n[1]);
}

/** One page of `rows` from the query's offset, with the report page fields (`data_refreshed_at` included). */
export function analyticsPage<T>(rows: T[], query: { offset: number; limit: number }, refreshedMs: number) {
  if (query.offset > rows.length) throw badParam('page', 'invalid page token');
  const next = query.offset + query.limit;
  const hasMore = next < rows.length;
  return {
    data: rows.slice(query.offset, next),
    has_more: hasMore,
    next_page: hasMore ? offsetToken(next) : null,
    data_refreshed_at: new Date(refreshedMs).toISOString().replace(/\.000Z$/, 'Z'),
  };
}
