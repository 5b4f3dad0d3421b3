/**
 * Converts cost days, usage rows and snapshots to and from the compact history file formats. Pure.
 */
import type { CostDay, SnapshotForecast, SpendSnapshot, UsageRow } from '@core/sync-data';
import type { CostFile, SnapshotFile, UsageFile } from './history-files';

/** Interns strings into a table; null ↔ -1. */
function createTable() {
  const table: string[] = [];
  const index = new Map<string, number>();
  return {
    table,
    ref(value: string | null): number {
      if (value === null) return -1;
      let i = index.get(value);
      if (i === undefined) {
        i = table.length;
        table.push(value);
        index.set(value, i);
      }
      return i;
    },
  };
}

const lookup = (table: readonly string[], ref: number): string | null =>
  ref < 0 ? null : (table[ref] ?? null);

/** Encodes cost days (sorted by day) into a cost file. */
export function encodeCostDays(days: readonly CostDay[]): CostFile {
  const projects = createTable();
  const lineItems = createTable();
  const apiKeys = createTable();
  const sorted = [...days].sort((a, b) => a.dayStartMs - b.dayStartMs);
  return {
    version: 1,
    projects: projects.table,
    lineItems: lineItems.table,
    apiKeys: apiKeys.table,
    days: sorted.map((d) => ({
      day: d.dayStartMs,
      rows: d.rows.map((r): [number, number, number, ...number[]] =>
        r.apiKeyId == null
          ? [projects.ref(r.projectId), lineItems.ref(r.lineItem), r.micros]
          : [projects.ref(r.projectId), lineItems.ref(r.lineItem), r.micros, apiKeys.ref(r.apiKeyId)],
      ),
    })),
  };
}

export function decodeCostDays(file: CostFile): CostDay[] {
  return file.days.map((d) => ({
    dayStartMs: d.day,
    rows: d.rows.map(([p, l, micros, k]) => ({
      projectId: lookup(file.projects, p),
      lineItem: lookup(file.lineItems, l),
      ...(k === undefined ? {} : { apiKeyId: lookup(file.apiKeys, k) }),
      micros,
    })),
  }));
}

/** Encodes usage rows grouped by hour (sorted) into a usage file. */
export function encodeUsage(rows: readonly UsageRow[]): UsageFile {
  const projects = createTable();
  const models = createTable();
  const byHour = new Map<number, UsageFile['hours'][number]['rows']>();
  for (const r of [...rows].sort((a, b) => a.hourStartMs - b.hourStartMs)) {
    let list = byHour.get(r.hourStartMs);
    if (!list) byHour.set(r.hourStartMs, (list = []));
    list.push([projects.ref(r.projectId), models.ref(r.model), r.requests, r.inputTokens, r.outputTokens]);
  }
  return {
    version: 1,
    projects: projects.table,
    models: models.table,
    hours: [...byHour].map(([hour, list]) => ({ hour, rows: list })),
  };
}

export function decodeUsage(file: UsageFile): UsageRow[] {
  return file.hours.flatMap((h) =>
    h.rows.map(([p, m, requests, inputTokens, outputTokens]) => ({
      hourStartMs: h.hour,
      projectId: lookup(file.projects, p),
      model: lookup(file.models, m),
      requests,
      inputTokens,
      outputTokens,
    })),
  );
}

export function encodeSnapshots(points: readonly SpendSnapshot[]): SnapshotFile {
  return {
    version: 2,
    points: [...points]
      .sort((a, b) => a.atMs - b.atMs)
      .map((s) => [
        s.atMs,
        s.monthToDateMicros,
        s.todayMicros,
        s.state,
        s.errorKind,
        s.balanceMicros,
        s.forecast
          ? [
              s.forecast.crossingP10Ms,
              s.forecast.crossingP50Ms,
              s.forecast.crossingP90Ms,
              s.forecast.probabilityWithinHorizon,
              s.forecast.reloadsP50,
              s.forecast.cardChargesP50Micros,
              s.forecast.monthEndChargeP50Micros,
              s.forecast.confidence,
            ]
          : null,
      ]),
  };
}

export function decodeSnapshots(file: SnapshotFile): SpendSnapshot[] {
  return file.points.map(([atMs, monthToDateMicros, todayMicros, state, errorKind, balanceMicros, f]) => ({
    atMs,
    monthToDateMicros,
    todayMicros,
    state,
    errorKind,
    balanceMicros,
    forecast: f === null ? null : decodeForecast(f),
  }));
}

function decodeForecast(f: NonNullable<SnapshotFile['points'][number][6]>): SnapshotForecast {
  const [p10, p50, p90, probability, reloads, charges, monthEnd, confidence] = f;
  return {
    crossingP10Ms: p10,
    crossingP50Ms: p50,
    crossingP90Ms: p90,
    probabilityWithinHorizon: probability,
    reloadsP50: reloads,
    cardChargesP50Micros: charges,
    monthEndChargeP50Micros: monthEnd,
    confidence,
  };
}
