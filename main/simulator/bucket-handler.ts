/**
 * Answers a bucketed endpoint from the spend model: validates the query as the spec defines it, pages
 * through UTC buckets and aggregates each bucket's rows into one result per group.
 */
import { HOUR_MS } from '@core/time';
import { invalidValue } from './api-errors';
import { decodeCursor, encodeCursor, pageOfBuckets, type BucketWidth } from './buckets';
import { FILTER_ENUMS, groupValue, type BucketEndpoint, type Totals } from './endpoints';
import type { QueryReader } from './query';
import { keyGroupingRefusal } from './key-grouping-refusal';
import { portionOf, type SpendModel } from './spend-model';
import type { SpendRow } from './spend-types';

const HOUR_S = HOUR_MS / 1000;

function emptyTotals(): Totals {
  return { micros: 0, quantity: 0, inputTokens: 0, cachedTokens: 0, outputTokens: 0, requests: 0, images: 0 };
}

function isEmpty(t: Totals): boolean {
  return (
    t.micros === 0 &&
    t.quantity === 0 &&
    t.inputTokens === 0 &&
    t.outputTokens === 0 &&
    t.requests === 0 &&
    t.images === 0
  );
}

function addRow(t: Totals, r: SpendRow, hSec: number, aSec: number, bSec: number): void {
  if (aSec <= hSec && bSec >= hSec + HOUR_S) {
    addParts(t, r, r.costMicros, r.inputTokens, r.outputTokens, r.requests, r.images);
    return;
  }
  addParts(
    t,
    r,
    portionOf(r.costMicros, hSec, aSec, bSec),
    portionOf(r.inputTokens, hSec, aSec, bSec),
    portionOf(r.outputTokens, hSec, aSec, bSec),
    portionOf(r.requests, hSec, aSec, bSec),
    portionOf(r.images, hSec, aSec, bSec),
  );
}

function addParts(
  t: Totals,
  r: SpendRow,
  micros: number,
  input: number,
  output: number,
  requests: number,
  images: number,
): void {
  t.micros += micros;
  t.inputTokens += input;
  if (r.tokenKind === 'cached') t.cachedTokens += input;
  t.outputTokens += output;
  t.requests += requests;
  t.images += images;
  t.quantity += r.tokenKind === 'image' ? images : input + output;
}

/** Builds the `UsageResponse` page for one request at simulated time `nowMs`. */
export function handleBucketEndpoint(
  ep: BucketEndpoint,
  q: QueryReader,
  model: SpendModel,
  nowMs: number,
  opts: { keyGroupingRefusedBeforeMs?: number | null } = {},
): unknown {
  const nowSec = Math.floor(nowMs / 1000);
  const startSec = q.int('start_time', { required: true, min: 0 })!;
  const endParam = q.int('end_time', { min: 0 });
  if (endParam !== undefined && endParam <= startSec) {
    throw invalidValue(
      'end_time',
      `Invalid value for 'end_time': ${endParam} must be greater than 'start_time' (${startSec}).`,
    );
  }
  const endSec = endParam ?? nowSec;
  const width = q.enumOne<BucketWidth>('bucket_width', ep.widths, '1d');
  const limits = ep.limits[width]!;
  const limit = q.int('limit') ?? limits.default;
  if (limit < 1 || limit > limits.max) {
    throw invalidValue(
      'limit',
      `Invalid value for 'limit': ${limit}. With bucket_width=${width} it must be between 1 and ${limits.max}.`,
    );
  }
  const groupBy = q.enumArray('group_by', ep.groupBy) ?? [];
  if (ep.isCost) {
    const refusal = keyGroupingRefusal(groupBy, startSec, opts.keyGroupingRefusedBeforeMs ?? null);
    if (refusal) throw refusal;
  }
  const filters: Array<{ get: (r: SpendRow) => string; values: Set<string> }> = [];
  for (const [name, get] of Object.entries(ep.filters)) {
    const enumValues = FILTER_ENUMS[name];
    const values = enumValues ? q.enumArray(name, enumValues) : q.array(name);
    if (values) filters.push({ get, values: new Set(values) });
  }
  const batch = ep.name === 'completions' ? q.bool('batch') : undefined;
  const page = q.string('page');
  const fromSec = page ? decodeCursor(page, startSec, endSec, width) : startSec;

  const { buckets, nextStartSec } = pageOfBuckets(fromSec, endSec, nowSec, width, limit);
  const data = buckets.map((bucket) => {
    // Costs are booked per hour once the hour's lag has passed; usage shows up to the current second.
    const dataEnd = Math.min(bucket.endSec, endSec, ep.isCost ? Number.MAX_SAFE_INTEGER : nowSec);
    const groups = new Map<string, { group: Record<string, string | boolean | null>; totals: Totals }>();
    for (let h = Math.floor(bucket.startSec / HOUR_S) * HOUR_S; h < dataEnd; h += HOUR_S) {
      if (ep.isCost && !model.isCostVisible(h * 1000, nowMs)) continue;
      for (const r of model.hourly(h * 1000)) {
        if (ep.kind && r.kind !== ep.kind) continue;
        if (batch !== undefined && r.isBatch !== batch) continue;
        let isKept = true;
        for (const f of filters) if (!f.values.has(f.get(r))) isKept = false;
        if (!isKept) continue;
        // A plain string key: this loop runs for every row of every hour of a backfill.
        let key = '';
        for (const f of groupBy) key += `${String(groupValue(f, r))}\u0000`;
        let entry = groups.get(key);
        if (!entry) {
          entry = {
            group: Object.fromEntries(groupBy.map((f) => [f, groupValue(f, r)])),
            totals: emptyTotals(),
          };
          groups.set(key, entry);
        }
        addRow(entry.totals, r, h, Math.max(bucket.startSec, h), Math.min(dataEnd, h + HOUR_S));
      }
    }
    const results = [...groups.entries()]
      .filter(([, e]) => !isEmpty(e.totals))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => ep.result(e.totals, e.group));
    return { object: 'bucket', start_time: bucket.startSec, end_time: bucket.endSec, results };
  });
  return {
    object: 'page',
    data,
    has_more: nextStartSec !== null,
    next_page: nextStartSec !== null ? encodeCursor(nextStartSec) : null,
  };
}
