/**
 * Daily OpenAI costs by project, line item and key — and what to do when an organization's API refuses the
 * key grouping. SDK 7.57: "Some grouping combinations depend on the organization and requested time range.
 * Unsupported combinations return HTTP 400"; `group_by=[project_id,line_item,api_key_id]` has been refused
 * in public for windows before 2025-12-06. A refused window is fetched again without `api_key_id` (same
 * totals, no per-key split), the first day the grouping is accepted again is found, and that day is
 * remembered so later syncs do not ask for what will be refused.
 */
import OpenAI from 'openai';
import { toMicros } from '@core/money';
import type { CostDay } from '@core/sync-data';
import type { TimeRange } from '@core/sync-plan';
import { DAY_MS, SECOND_MS, toUnixSeconds } from '@core/time';
import { CostsPageSchema } from './api-schemas';
import type { KeyGroupingMemo } from './providers/port';

const COSTS_PAGE_MAX = 180; // costs `limit` 1–180 (spec)
const MAX_PAGES = 100; // a server that never stops paging is a malformed answer, not an endless loop

/** One paged costs query: `withKey` adds `api_key_id` to the grouping. */
export type CostsFetcher = (range: TimeRange, withKey: boolean) => Promise<CostDay[]>;

/** The fetcher over the SDK's `client.admin.organization.usage.costs`. */
export function createCostsFetcher(client: OpenAI): CostsFetcher {
  return async (range, withKey) => {
    const days: CostDay[] = [];
    let page: string | undefined;
    const buckets = Math.max(1, Math.ceil((range.endMs - range.startMs) / DAY_MS));
    for (let i = 0; i < MAX_PAGES; i++) {
      const raw = await client.admin.organization.usage.costs({
        start_time: toUnixSeconds(range.startMs),
        end_time: toUnixSeconds(range.endMs),
        bucket_width: '1d',
        // By key as well: users ask which key (which teammate, which service) spent it.
        group_by: withKey ? ['project_id', 'line_item', 'api_key_id'] : ['project_id', 'line_item'],
        limit: Math.min(COSTS_PAGE_MAX, buckets),
        ...(page ? { page } : {}),
      });
      const body = CostsPageSchema.parse(raw);
      for (const bucket of body.data) {
        days.push({
          dayStartMs: bucket.start_time * SECOND_MS,
          rows: bucket.results.map((r) => ({
            projectId: r.project_id ?? null,
            lineItem: r.line_item ?? null,
            apiKeyId: withKey ? (r.api_key_id ?? null) : null,
            micros: toMicros(r.amount.value),
          })),
        });
      }
      if (!body.has_more || !body.next_page) return days;
      page = body.next_page;
    }
    throw new SyntaxError('costs paging did not end');
  };
}

/** Whether an error is the API refusing the query itself (HTTP 400), as opposed to a key, limit or network problem. */
export function isRefusedQuery(err: unknown): boolean {
  return err instanceof OpenAI.APIError && err.status === 400;
}

/**
 * Costs of `range` by key where the API allows it. Days before `memo.keylessBeforeMs` are fetched without the
 * key grouping at once; a 400 for a keyed window is answered by the same window without it, then a binary
 * search over days finds the first day from which the keyed grouping is served (about log2(days) extra
 * requests, once per organization: the day found is written to `memo`).
 *
 * Example: 120 days ending today, refused before a day 40 days ago → 1 refused + 1 keyless + ~7 probes on
 * the first sync; `memo.keylessBeforeMs` = that day; every later sync asks only what is served.
 */
export async function costsByKeyWherePossible(
  fetchCosts: CostsFetcher,
  range: TimeRange,
  memo: KeyGroupingMemo | undefined,
): Promise<CostDay[]> {
  const known = memo?.keylessBeforeMs ?? null;
  if (known !== null && range.startMs < known) {
    const cut = Math.min(known, range.endMs);
    const keyless = await fetchCosts({ startMs: range.startMs, endMs: cut }, false);
    if (cut >= range.endMs) return keyless;
    return [...keyless, ...(await keyedOrSplit(fetchCosts, { startMs: cut, endMs: range.endMs }, memo))];
  }
  return keyedOrSplit(fetchCosts, range, memo);
}

async function keyedOrSplit(
  fetchCosts: CostsFetcher,
  range: TimeRange,
  memo: KeyGroupingMemo | undefined,
): Promise<CostDay[]> {
  try {
    return await fetchCosts(range, true);
  } catch (err) {
    if (!isRefusedQuery(err)) throw err;
  }
  // The totals first: if this is refused too, the query is wrong for another reason and that error is the user's.
  const keyless = await fetchCosts(range, false);
  const firstDay = Math.floor(range.startMs / DAY_MS) * DAY_MS;
  let lo = firstDay + DAY_MS; // the first candidate day from which the key grouping may be served
  let hi = Math.ceil(range.endMs / DAY_MS) * DAY_MS; // `hi` = served from here (the end: from nowhere)
  let keyed: CostDay[] = [];
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / DAY_MS / 2) * DAY_MS;
    try {
      keyed = await fetchCosts({ startMs: mid, endMs: range.endMs }, true);
      hi = mid;
    } catch (err) {
      if (!isRefusedQuery(err)) throw err;
      lo = mid + DAY_MS;
    }
  }
  // `hi` moves only when a probe succeeds, so `keyed` is the answer for the days from `hi` on.
  if (memo) memo.keylessBeforeMs = Math.max(memo.keylessBeforeMs ?? 0, Math.min(hi, range.endMs));
  return [...keyless.filter((d) => d.dayStartMs < hi), ...keyed];
}
