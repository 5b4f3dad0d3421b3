/**
 * Estimated balance now = basis + credit added since − costs drawn since − credit expired since +
 * predicted reloads, with a P10–P90 range. The basis is the last observed balance, or zero just before the
 * first credit when no balance was ever recorded. The rules themselves are in `ledger-replay.ts`.
 *
 * Example: observed $100 at 2025-04-02T12:00Z, daily costs $24 on 04-02 and $24 on 04-03, now
 * 04-04T00:00Z, no hourly shape → 04-02 is split by elapsed time (half, $12 ± its uncertainty), so the
 * estimate is $100 − $12 − $24 = $64. With no observation and a $1,000 purchase at 04-02T00:00Z instead:
 * $1,000 − $48 = $952.
 */
import { monthStartMs } from './billing';
import type { LotState } from './credit-lots';
import type { LedgerEntry, LedgerFile } from './ledger-schema';
import { replayLedger, type PredictedReload } from './ledger-replay';
import { type DailyCost, type SpendOptions, dayAmount, spendSlices } from './ledger-spend';
import type { Micros } from './money';
import { DAY_MS, HOUR_MS } from './time';

export type { DailyCost } from './ledger-spend';
export type { PredictedReload } from './ledger-replay';
export type EstimateOptions = SpendOptions;

export interface BalanceEstimate {
  asOfMs: number;
  basis: { observationId: string | null; atMs: number; balanceMicros: Micros };
  estimateMicros: Micros;
  /** P10–P90 range and standard deviation of the estimate. */
  lowMicros: Micros;
  highMicros: Micros;
  sdMicros: Micros;
  creditsAddedMicros: Micros;
  /** Costs since the basis drawn from this balance (monthly billing: the part credit covered). */
  settledCostMicros: Micros;
  provisionalCostMicros: Micros;
  expiredMicros: Micros;
  predictedReloads: PredictedReload[];
  /** Finished UTC days since the basis with no cost bucket (counted as zero: sync may be behind). */
  missingDays: number[];
}

/** The estimate plus what the replay left: credit lots at `nowMs` and monthly card accruals. */
export interface LedgerState {
  estimate: BalanceEstimate | null;
  lots: LotState[];
  cardByMonth: Map<number, Micros>;
  drawnByMonth: Map<number, Micros>;
}

// Splitting a day by elapsed time assumes spend was even; the real split of a fraction f is uncertain
// with sd ≈ √(f(1−f)/3) of the day (uniform-like spread). An hourly shape pins it to ~2 %.
const SHAPE_SPLIT_SD = 0.02;
// Today's cost bucket lags usage; its provisional value is taken as ±15 % (1 sd).
const PROVISIONAL_SD = 0.15;
const Z90 = 1.2816;

const isCredit = (e: LedgerEntry) => e.kind === 'purchase' || e.kind === 'grant' || e.kind === 'reload';

/** Estimates the balance at `nowMs`; throws if the ledger has no basis (no observation and no credit). */
export function estimateBalance(
  ledger: LedgerFile,
  costs: readonly DailyCost[],
  nowMs: number,
  options: EstimateOptions = {},
): BalanceEstimate {
  const state = ledgerState(ledger, costs, nowMs, options);
  if (!state.estimate) throw new RangeError('no balance recorded and no credit: nothing to estimate from');
  return state.estimate;
}

/** Replays the ledger up to `nowMs`; `estimate` is null without an observation or a credit. */
export function ledgerState(
  ledger: LedgerFile,
  costs: readonly DailyCost[],
  nowMs: number,
  options: EstimateOptions = {},
): LedgerState {
  const entries = ledger.entries.filter((e) => e.atMs <= nowMs);
  const obs = lastObservation(entries);
  const firstFact = Math.min(
    ...entries.filter((e) => isCredit(e) || e.kind === 'observation').map((e) => e.atMs),
  );
  const hasBasis = Number.isFinite(firstFact);
  // Monthly billing needs this month's usage from its first hour, credit or not.
  const monthStart = monthStartMs(nowMs, ledger.billing.timeZone);
  const startMs = ledger.billing.mode === 'prepaid' ? firstFact : Math.min(firstFact, monthStart);
  if (!Number.isFinite(startMs))
    return { estimate: null, lots: [], cardByMonth: new Map(), drawnByMonth: new Map() };
  const replayFrom = replayStartMs(costs, startMs, nowMs);
  const slices = spendSlices(costs, replayFrom, nowMs, options);
  const r = replayLedger(entries, ledger.billing, slices, replayFrom, nowMs);
  const lots = r.purse.lots.filter((l) => l.remainingMicros > 0 && l.expiresAtMs > nowMs);
  if (!hasBasis) return { estimate: null, lots, cardByMonth: r.cardByMonth, drawnByMonth: r.drawnByMonth };

  const t0 = obs ? obs.atMs : firstFact;
  const { variance, missingDays } = uncertainty(costs, t0, nowMs, options);
  const estimate = r.balanceMicros;
  const sd = Math.round(Math.sqrt(variance));
  return {
    estimate: {
      asOfMs: nowMs,
      basis: { observationId: obs?.id ?? null, atMs: t0, balanceMicros: obs ? obs.balanceMicros : 0 },
      estimateMicros: estimate,
      lowMicros: Math.round(estimate - Z90 * sd),
      highMicros: Math.round(estimate + Z90 * sd),
      sdMicros: sd,
      creditsAddedMicros: r.since.creditsMicros,
      settledCostMicros: r.since.settledMicros,
      provisionalCostMicros: r.since.provisionalMicros,
      expiredMicros: r.since.expiredMicros,
      predictedReloads: r.predictedReloads,
      missingDays,
    },
    lots,
    cardByMonth: r.cardByMonth,
    drawnByMonth: r.drawnByMonth,
  };
}

/**
 * Where the hourly walk starts: at the first entry, or — when that is older than every cost day — at the
 * first cost day (today without any). Before it nothing was spent, so the entries before it are applied
 * in one step (credit added, expiries and observations in order) instead of hour by hour: a purchase
 * typed years back costs no more than one made last week.
 *
 * Example: a purchase on 2015-01-01, cost days from 2026-09-08 → the walk starts 2026-09-08T00:00Z.
 */
export function replayStartMs(costs: readonly DailyCost[], startMs: number, nowMs: number): number {
  let firstDay = Math.floor(nowMs / DAY_MS) * DAY_MS;
  for (const c of costs) if (c.dayStartMs < firstDay) firstDay = c.dayStartMs;
  return Math.max(startMs, Math.min(firstDay, nowMs));
}

/** The latest observation among entries (ties: the later one in file order wins). */
export function lastObservation(
  entries: readonly LedgerEntry[],
): Extract<LedgerEntry, { kind: 'observation' }> | null {
  let best: Extract<LedgerEntry, { kind: 'observation' }> | null = null;
  for (const e of entries) if (e.kind === 'observation' && (best === null || e.atMs >= best.atMs)) best = e;
  return best;
}

// The estimate is exact given the cost data except where it splits a day at the basis (is the cost
// before or after it?) and for today's provisional cost.
function uncertainty(
  costs: readonly DailyCost[],
  t0: number,
  nowMs: number,
  options: EstimateOptions,
): { variance: number; missingDays: number[] } {
  const costByDay = new Map(costs.map((c) => [c.dayStartMs, c.micros]));
  let variance = 0;
  const missingDays: number[] = [];
  for (let day = Math.floor(t0 / DAY_MS) * DAY_MS; day < nowMs; day += DAY_MS) {
    const { micros, isSettled, isMissing } = dayAmount(costByDay, day, nowMs, options.nowcastMicros);
    if (isMissing) missingDays.push(day);
    const end = Math.min(day + DAY_MS, nowMs);
    const shape = options.hourlyShape?.get(day);
    const f = t0 <= day ? 1 : shape ? shapeFraction(shape, day, t0, end) : (end - t0) / (end - day);
    if (t0 > day) variance += (micros * (shape ? SHAPE_SPLIT_SD : Math.sqrt((f * (1 - f)) / 3))) ** 2;
    if (!isSettled) variance += (micros * f * PROVISIONAL_SD) ** 2;
  }
  return { variance, missingDays };
}

// Share of the [day, end) usage that falls in [from, end), with the partial hour pro rata.
function shapeFraction(shape: readonly number[], day: number, from: number, end: number): number {
  let total = 0;
  let after = 0;
  for (let h = 0; h < 24; h++) {
    const hs = day + h * HOUR_MS;
    const he = hs + HOUR_MS;
    const w = Math.max(0, shape[h] ?? 0);
    total += (w * Math.max(0, Math.min(he, end) - hs)) / HOUR_MS;
    after += (w * Math.max(0, Math.min(he, end) - Math.max(hs, from))) / HOUR_MS;
  }
  return total > 0 ? after / total : (end - from) / (end - day);
}
