/**
 * Trace-driven spend: replays a real hourly trace, tiled by whole weeks so weekdays and hours of day match
 * the original, and spreads each hour's cost over projects, models and line items with an exact split
 * (the hour's total in micro-dollars is kept to the micro).
 */
import { allocate } from '@core/allocate';
import { createRandom, deriveSeed, normal } from '@core/random';
import { HOUR_MS } from '@core/time';
import { findModel, type ModelDef } from './catalog';
import { makeRow } from './row-factory';
import type { HourSource, SimOrg, SpendRow } from './spend-types';
import type { Trace, TraceRow } from './trace-csv';

const WEEK_HOURS = 168;
const OTHER_LINE_SHARES = [0.4, 0.45, 0.08, 0.04, 0.025, 0.005];

/**
 * Maps a simulated hour to a trace hour index. The trace repeats every whole number of weeks (period P ≥ its
 * length), anchored on its first hour, so a replayed Tuesday 09:00 is a trace Tuesday 09:00. Hours of the period
 * the trace does not cover (a 6-day trace has no Monday) borrow the same hour of the next covered day.
 *
 * Example: a 144-hour trace starting Tue 00:00 → P = 168; a Monday 10:00 maps to the Tuesday 10:00 row (index 10).
 */
export function traceIndexFor(hourStartMs: number, firstHourMs: number, hours: number): number {
  const period = Math.ceil(hours / WEEK_HOURS) * WEEK_HOURS;
  const diff = (hourStartMs - firstHourMs) / HOUR_MS;
  const offset = ((diff % period) + period) % period;
  if (offset < hours) return offset;
  for (let j = 1; j <= period / 24; j++) {
    const candidate = (offset + 24 * j) % period;
    if (candidate < hours) return candidate;
  }
  return offset % hours;
}

export interface TraceSourceOptions {
  seed: number;
  org: SimOrg;
  trace: Trace;
  scale: number;
  /** How many models to spread over (the trace's own model first). */
  modelCount: number;
  lineItemsPerModel: number;
}

/** Creates the hour source that replays `trace` (cost × `scale`, rounded to the micro per hour and model). */
export function createTraceSource(opts: TraceSourceOptions): HourSource {
  const { seed, org, trace, scale } = opts;
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new RangeError(`trace scale must be a number > 0, got ${scale}`);
  // Every model needs a list price to split its cost; say so at start, not on the first request.
  for (const name of new Set(trace.rows.map((r) => r.model))) {
    if (!findModel(name))
      throw new Error(`trace ${trace.name}: unknown model '${name}' (no list price to split its cost)`);
  }
  const byIndex: TraceRow[][] = Array.from({ length: trace.hours }, () => []);
  for (const r of trace.rows) byIndex[(r.hourStartMs - trace.firstHourMs) / HOUR_MS]!.push(r);
  const random = createRandom(deriveSeed(seed, 'trace-weights'));
  const projectWeights = org.projects.map(() => Math.exp(normal(random) * 0.8));
  const keysByProject = new Map<string, Array<{ id: string; userId: string }>>();
  for (const k of org.apiKeys) keysByProject.set(k.projectId, [...(keysByProject.get(k.projectId) ?? []), k]);

  function modelsFor(traceModel: string): Array<{ def: ModelDef; weight: number }> {
    const own = findModel(traceModel);
    if (!own)
      throw new Error(`trace ${trace.name}: unknown model '${traceModel}' (no list price to split its cost)`);
    const others =
      opts.modelCount > 1 ? (findModel('gpt-4o-mini') === own ? [] : [findModel('gpt-4o-mini')!]) : [];
    const catalog = [own, ...others, findModel('text-embedding-3-small')!, findModel('dall-e-3')!];
    const unique = [...new Set(catalog)].slice(0, Math.max(1, opts.modelCount));
    return unique.map((def, i) => ({ def, weight: i === 0 ? 0.85 : 0.15 / (unique.length - 1) }));
  }

  function lineWeights(def: ModelDef, row: TraceRow, isOwn: boolean): number[] {
    const items = def.lineItems.slice(0, Math.max(1, Math.min(opts.lineItemsPerModel, def.lineItems.length)));
    if (!isOwn || def.kind !== 'completions') return items.map((_, i) => OTHER_LINE_SHARES[i]!);
    // The trace's own model: input vs output as the trace's tokens priced at list price.
    const inCost = row.inputTokens * items[0]!.priceUsd;
    const outCost = items[1] ? row.outputTokens * items[1].priceUsd : 0;
    return items.map((it) =>
      it.isBatch
        ? (inCost + outCost) * 0.03
        : it.tokenKind === 'input'
          ? inCost
          : it.tokenKind === 'output'
            ? outCost
            : inCost * 0.1,
    );
  }

  return (hourStartMs) => {
    const rows: SpendRow[] = [];
    for (const tr of byIndex[traceIndexFor(hourStartMs, trace.firstHourMs, trace.hours)]!) {
      const total = Math.round(tr.costMicros * scale);
      if (total === 0 && tr.requests === 0) continue;
      const cells: Array<{ p: number; def: ModelDef; itemIndex: number; weight: number }> = [];
      const own = findModel(tr.model);
      for (const { def, weight } of modelsFor(tr.model)) {
        const lw = lineWeights(def, tr, def === own);
        lw.forEach((w, itemIndex) =>
          org.projects.forEach((_, p) =>
            cells.push({ p, def, itemIndex, weight: projectWeights[p]! * weight * w }),
          ),
        );
      }
      const micros = allocate(
        total,
        cells.map((c) => c.weight),
      );
      const requestCells = cells.map((c) =>
        c.def.lineItems[c.itemIndex]!.tokenKind === 'cached' ||
        c.def.lineItems[c.itemIndex]!.tokenKind === 'output'
          ? 0
          : c.weight,
      );
      const requests = allocate(
        Math.round(tr.requests * scale),
        requestCells.some((w) => w > 0) ? requestCells : cells.map((c) => c.weight),
      );
      cells.forEach((c, i) => {
        const item = c.def.lineItems[c.itemIndex]!;
        const costMicros = micros[i]!;
        if (costMicros === 0 && requests[i] === 0) return;
        const project = org.projects[c.p]!;
        const keys = keysByProject.get(project.id) ?? [];
        const key = keys[c.def === own ? 0 : keys.length - 1] ?? {
          id: 'key_unknown',
          userId: 'user-unknown',
        };
        const owner = { projectId: project.id, apiKeyId: key.id, userId: key.userId };
        // The trace's cost and requests are the truth; tokens (or images) are derived from the cost at list price.
        const row: SpendRow = makeRow(item, c.def, costMicros, owner) ?? {
          ...owner,
          model: c.def.model,
          lineItem: item.lineItem,
          kind: c.def.kind,
          tokenKind: item.tokenKind,
          isBatch: item.isBatch,
          size: item.size,
          costMicros: 0,
          inputTokens: 0,
          outputTokens: 0,
          requests: 0,
          images: 0,
        };
        row.costMicros = costMicros;
        row.requests = requests[i]!;
        rows.push(row);
      });
    }
    return rows;
  };
}
