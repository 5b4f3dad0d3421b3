/**
 * Estimated balance now = last observed balance + credit added since − settled daily costs since −
 * provisional (today) cost − credit expired since + predicted reloads, with a P10–P90 range.
 *
 * Example: observed $100 at 2025-04-02T12:00Z, daily costs $24 on 04-02 and $24 on 04-03, now
 * 04-04T00:00Z, no hourly shape → 04-02 is split by elapsed time (half, $12 ± its uncertainty), so the
 * estimate is $100 − $12 − $24 = $64.
 */
import type { ReloadRule } from './billing';
import { fitsMonthlyLimit, monthStartMs, reloadChargeMicros } from './billing';
import { lotsFromEntries, replayLots } from './credit-lots';
import type { LedgerEntry, LedgerFile } from './ledger-schema';
import type { Micros } from './money';
import { DAY_MS, HOUR_MS } from './time';

export interface DailyCost {
  dayStartMs: number;
  micros: Micros;
}
export interface EstimateOptions {
  /** Hourly usage shape per UTC day (24 weights, any unit): splits the observation day by real usage. */
  hourlyShape?: ReadonlyMap<number, readonly number[]>;
  /** Intraday nowcast of today's cost (from hourly usage); defaults to today's partial cost bucket. */
  nowcastMicros?: Micros;
}
export interface PredictedReload {
  atMs: number;
  micros: Micros;
  status: 'predicted';
}
export interface BalanceEstimate {
  asOfMs: number;
  basis: { observationId: string | null; atMs: number; balanceMicros: Micros };
  estimateMicros: Micros;
  /** P10–P90 range and standard deviation of the estimate. */
  lowMicros: Micros;
  highMicros: Micros;
  sdMicros: Micros;
  creditsAddedMicros: Micros;
  settledCostMicros: Micros;
  provisionalCostMicros: Micros;
  expiredMicros: Micros;
  predictedReloads: PredictedReload[];
  /** Finished UTC days since the observation with no cost bucket (counted as zero: sync may be behind). */
  missingDays: number[];
}

// Splitting a day by elapsed time assumes spend was even; the real split of a fraction f is uncertain
// with sd ≈ √(f(1−f)/3) of the day (uniform-like spread). An hourly shape pins it to ~2 %.
const SHAPE_SPLIT_SD = 0.02;
// Today's cost bucket lags usage; its provisional value is taken as ±15 % (1 sd).
const PROVISIONAL_SD = 0.15;
const Z90 = 1.2816;

/** Estimates the balance at `nowMs` from the ledger and daily costs. */
export function estimateBalance(
  ledger: LedgerFile,
  costs: readonly DailyCost[],
  nowMs: number,
  options: EstimateOptions = {},
): BalanceEstimate {
  const entries = ledger.entries.filter((e) => e.atMs <= nowMs);
  const obs = lastObservation(entries);
  const firstCredit = Math.min(
    ...entries.filter((e) => e.kind !== 'observation' && e.kind !== 'card-charge').map((e) => e.atMs),
    nowMs,
  );
  const t0 = obs ? obs.atMs : firstCredit;
  const base = obs ? obs.balanceMicros : 0;
  const costByDay = new Map(costs.map((c) => [c.dayStartMs, c.micros]));

  let settled = 0;
  let provisional = 0;
  let variance = 0;
  const missingDays: number[] = [];
  const spendEvents: Array<{ atMs: number; micros: number }> = [];
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  for (let day = Math.floor(t0 / DAY_MS) * DAY_MS; day <= today; day += DAY_MS) {
    const isFinished = day + DAY_MS <= nowMs;
    const bucket = costByDay.get(day);
    if (bucket === undefined && isFinished) missingDays.push(day);
    const amount = isFinished ? (bucket ?? 0) : (options.nowcastMicros ?? bucket ?? 0);
    const end = isFinished ? day + DAY_MS : nowMs;
    if (end <= day) continue;
    const from = Math.max(t0, day);
    const shape = options.hourlyShape?.get(day);
    const f = from <= day ? 1 : shape ? shapeFraction(shape, day, from, end) : (end - from) / (end - day);
    const part = amount * f;
    if (from > day) variance += (amount * (shape ? SHAPE_SPLIT_SD : Math.sqrt((f * (1 - f)) / 3))) ** 2;
    if (isFinished) settled += part;
    else {
      provisional += part;
      variance += (part * PROVISIONAL_SD) ** 2;
    }
    if (part > 0) spendEvents.push({ atMs: (from + end) / 2, micros: part });
  }

  const credits = entries.filter(
    (e) => e.atMs > t0 && (e.kind === 'purchase' || e.kind === 'grant' || e.kind === 'reload'),
  );
  const creditsAdded = credits.reduce((s, e) => s + (e as { micros: number }).micros, 0);
  const replay = replayLots(lotsFromEntries(entries), costs, nowMs);
  const expiredEvents = replay.expired.filter((x) => x.atMs > t0 && x.atMs <= nowMs);
  const expired = expiredEvents.reduce((s, x) => s + x.micros, 0);

  const reloads = ledger.billing.reload?.enabled
    ? predictReloads(
        ledger.billing.reload,
        ledger.billing.timeZone,
        base,
        [
          ...spendEvents.map((s) => ({ atMs: s.atMs, delta: -s.micros })),
          ...credits.map((e) => ({ atMs: e.atMs, delta: (e as { micros: number }).micros })),
          ...expiredEvents.map((x) => ({ atMs: x.atMs, delta: -x.micros })),
        ],
        entries,
      )
    : [];
  const predicted = reloads.reduce((s, r) => s + r.micros, 0);
  const estimate = Math.round(base + creditsAdded - settled - provisional - expired + predicted);
  const sd = Math.round(Math.sqrt(variance));
  return {
    asOfMs: nowMs,
    basis: { observationId: obs?.id ?? null, atMs: t0, balanceMicros: base },
    estimateMicros: estimate,
    lowMicros: Math.round(estimate - Z90 * sd),
    highMicros: Math.round(estimate + Z90 * sd),
    sdMicros: sd,
    creditsAddedMicros: creditsAdded,
    settledCostMicros: Math.round(settled),
    provisionalCostMicros: Math.round(provisional),
    expiredMicros: expired,
    predictedReloads: reloads,
    missingDays,
  };
}

/** The latest observation among entries (ties: the later id in file order wins). */
export function lastObservation(
  entries: readonly LedgerEntry[],
): Extract<LedgerEntry, { kind: 'observation' }> | null {
  let best: Extract<LedgerEntry, { kind: 'observation' }> | null = null;
  for (const e of entries) if (e.kind === 'observation' && (best === null || e.atMs >= best.atMs)) best = e;
  return best;
}

// Share of the [day, end) usage that falls in [from, end), with the partial hour pro rata.
function shapeFraction(shape: readonly number[], day: number, from: number, end: number): number {
  let total = 0;
  let after = 0;
  for (let h = 0; h < 24; h++) {
    const hs = day + h * HOUR_MS;
    const he = hs + HOUR_MS;
    const inWindow = Math.max(0, Math.min(he, end) - hs) / HOUR_MS;
    const afterFrom = Math.max(0, Math.min(he, end) - Math.max(hs, from)) / HOUR_MS;
    const w = Math.max(0, shape[h] ?? 0);
    total += w * inWindow;
    after += w * afterFrom;
  }
  return total > 0 ? after / total : (end - from) / (end - day);
}

// Walks balance changes in time order and applies the rule where the balance drops below the threshold.
function predictReloads(
  rule: ReloadRule,
  zone: string,
  start: Micros,
  events: Array<{ atMs: number; delta: number }>,
  entries: readonly LedgerEntry[],
): PredictedReload[] {
  const out: PredictedReload[] = [];
  const confirmed = entries.filter((e) => e.kind === 'reload');
  let balance = start;
  for (const ev of [...events].sort((a, b) => a.atMs - b.atMs)) {
    balance += ev.delta;
    for (let guard = 0; balance < rule.thresholdMicros && guard < 100; guard++) {
      const charge = reloadChargeMicros(rule.action, balance);
      const month = monthStartMs(ev.atMs, zone);
      const inMonth = [...confirmed, ...out].filter((r) => monthStartMs(r.atMs, zone) === month);
      const used = { count: inMonth.length, micros: inMonth.reduce((s, r) => s + r.micros, 0) };
      if (!fitsMonthlyLimit(rule.monthlyLimit, used, charge)) break;
      out.push({ atMs: Math.round(ev.atMs), micros: Math.round(charge), status: 'predicted' });
      balance += charge;
    }
  }
  return out;
}
