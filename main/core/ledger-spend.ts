/**
 * Spend as the ledger replays it: each UTC day's cost bucket spread over its hours by that day's usage
 * shape (or evenly), in whole micro-dollars that add up exactly to the bucket. Today's partial bucket is
 * spread over the part of today that has passed.
 *
 * Example: a $24 day with no usage shape → 24 slices of $1, [00:00, 01:00) … [23:00, 24:00). A $10 day
 * whose shape puts all usage at 09:00 → one slice of $10 at [09:00, 10:00) and 23 slices of $0.
 */
import { allocate } from './allocate';
import type { Micros } from './money';
import { DAY_MS, HOUR_MS } from './time';

export interface DailyCost {
  dayStartMs: number;
  micros: Micros;
}
export interface SpendOptions {
  /** Hourly usage shape per UTC day (24 weights, any unit): where in the day the cost fell. */
  hourlyShape?: ReadonlyMap<number, readonly number[]>;
  /** Intraday nowcast of today's cost (from hourly usage); defaults to today's partial cost bucket. */
  nowcastMicros?: Micros;
  /**
   * When the cost buckets were read, if later than the instant estimated (a recorded balance judged after
   * the fact): a day that had finished by then has its whole bucket, so only the part of it before the
   * instant is drawn, not all of it.
   */
  costsReadAtMs?: number;
}
/** Cost over [startMs, endMs); settled = its day has finished. */
export interface SpendSlice {
  startMs: number;
  endMs: number;
  micros: Micros;
  isSettled: boolean;
}

/** The amount of a day actually used by the ledger (today: the nowcast when given), and whether it is final. */
export function dayAmount(
  costByDay: ReadonlyMap<number, Micros>,
  day: number,
  nowMs: number,
  nowcastMicros: Micros | undefined,
): { micros: Micros; isSettled: boolean; isMissing: boolean } {
  const isSettled = day + DAY_MS <= nowMs;
  const bucket = costByDay.get(day);
  if (isSettled) return { micros: bucket ?? 0, isSettled, isMissing: bucket === undefined };
  return { micros: nowcastMicros ?? bucket ?? 0, isSettled, isMissing: false };
}

/**
 * Hourly spend slices from the UTC day of `fromMs` up to `nowMs` (the last slice ends at `nowMs`).
 * A day's slices are allocated from its bucket (`allocate`), so they sum to it to the micro-unit.
 */
export function spendSlices(
  costs: readonly DailyCost[],
  fromMs: number,
  nowMs: number,
  options: SpendOptions = {},
): SpendSlice[] {
  const costByDay = new Map(costs.map((c) => [c.dayStartMs, c.micros]));
  const out: SpendSlice[] = [];
  const readAt = Math.max(nowMs, options.costsReadAtMs ?? nowMs);
  for (let day = Math.floor(fromMs / DAY_MS) * DAY_MS; day < nowMs; day += DAY_MS) {
    const { micros, isSettled } = dayAmount(costByDay, day, readAt, options.nowcastMicros);
    const end = Math.min(day + DAY_MS, readAt);
    const shape = options.hourlyShape?.get(day);
    const hours: Array<{ startMs: number; endMs: number; weight: number }> = [];
    let total = 0;
    for (let hs = day; hs < end; hs += HOUR_MS) {
      const he = Math.min(hs + HOUR_MS, end);
      const covered = (he - hs) / HOUR_MS;
      const w = shape ? Math.max(0, shape[(hs - day) / HOUR_MS] ?? 0) * covered : covered;
      hours.push({ startMs: hs, endMs: he, weight: w });
      total += w;
    }
    // No usage recorded for the part of the day that passed: spread by elapsed time.
    if (total <= 0) {
      total = 0;
      for (const h of hours) total += h.weight = (h.endMs - h.startMs) / HOUR_MS;
    }
    // A day's amount is shared out in whole micro-units (a nowcast or an old stored cost may carry a fraction).
    const parts = allocate(
      Math.round(micros),
      hours.map((h) => h.weight),
    );
    for (const [i, h] of hours.entries()) {
      const slice = { startMs: h.startMs, endMs: h.endMs, micros: parts[i]!, isSettled };
      if (slice.startMs >= nowMs) break;
      out.push(slice.endMs > nowMs ? splitSlice(slice, nowMs)[0] : slice);
    }
  }
  return out;
}

/** Splits a slice at `atMs` (inside it) pro rata by time, in whole micro-dollars. */
export function splitSlice(s: SpendSlice, atMs: number): [SpendSlice, SpendSlice] {
  const before = Math.round(s.micros * ((atMs - s.startMs) / (s.endMs - s.startMs)));
  return [
    { ...s, endMs: atMs, micros: before },
    { ...s, startMs: atMs, micros: s.micros - before },
  ];
}
