/**
 * The balance chart's series, built from the org's balance view (`money:get`) and its daily costs: recorded
 * balances as points, the estimated balance as a line up to now, the forecast's middle line with its likely
 * range to month end (at least two weeks, at most 31 days), the reload threshold, predicted reloads, credit
 * expiries and the month end. Monthly billing has no balance: the chart then shows this month's spend so far
 * and its forecast to month end.
 *
 * The forecast lines go through the forecast's own answers: each falls from today's estimate to the threshold
 * at the crossing time of its quantile (the middle line at the likely time, the range at rates from the early to
 * the late end), so the chart and the headline never disagree; with no crossing in sight, a line falls at the
 * daily spend rate of the matching month-end spend. The range is one band: at each hour, the lowest and highest
 * balance over those rates, never below zero.
 *
 * Example: estimate $100 now, threshold $10, crossings in 2 / 3 / 5 days, restore to $50 → the middle line
 * reaches $10 in 3 days, jumps to $50 (a predicted reload marker) and falls again at $30 a day.
 */
import type { AnswerFigure } from '@core/answer/account-answer';
import type { BillingConfig } from '@core/billing';
import type { DailyProjectSpend } from '@core/dashboard';
import type { MoneyView } from '@core/money-view';
import { DAY_MS, HOUR_MS } from '@core/time';
import { lotsFromEntries } from '@core/credit-lots';
import { roundedMoneyWords } from '@core/words/money-words';
import { MICROS_PER_UNIT } from '@core/money';

export interface Point {
  x: number;
  y: number;
}
export interface ChartMark {
  atMs: number;
  label: string;
  kind: 'expiry' | 'month-end' | 'now';
}
export interface BalanceSeries {
  kind: 'balance' | 'spend';
  startMs: number;
  endMs: number;
  recorded: Point[];
  /** The estimate up to now (balance), or spend so far this month (spend). */
  actual: Point[];
  middle: Point[];
  low: Point[];
  high: Point[];
  reloads: Point[];
  thresholdAmount: number | null;
  marks: ChartMark[];
}

const STEP_MS = 3 * HOUR_MS;
const MIN_AHEAD_MS = 14 * DAY_MS;
const MAX_AHEAD_MS = 31 * DAY_MS;
const LOOKBACK_MS = 30 * DAY_MS;
/** Spend rates sampled across the likely range (plus the middle line) to draw its band. */
const RANGE_SCENARIOS = 80;
/** The band's time step: fine enough that reloads at different times blend into one area. */
const BAND_STEP_MS = HOUR_MS;

/** Where the chart ends: the month end, but at least two weeks and at most 31 days ahead. */
export function chartEndMs(nowMs: number, monthEndMs: number): number {
  return Math.min(nowMs + MAX_AHEAD_MS, Math.max(monthEndMs, nowMs + MIN_AHEAD_MS));
}

/** Spend in [fromMs, nowMs) from daily buckets (a partly covered day counts pro rata), in USD. */
function spendSince(daily: readonly DailyProjectSpend[], fromMs: number, nowMs: number): number {
  let micros = 0;
  for (const d of daily) {
    const end = Math.min(d.dayStartMs + DAY_MS, nowMs);
    const start = Math.max(d.dayStartMs, fromMs);
    if (end <= start) continue;
    const dayLength = Math.min(DAY_MS, nowMs - d.dayStartMs);
    micros += d.totalMicros * ((end - start) / dayLength);
  }
  return micros / MICROS_PER_UNIT;
}

/** Credit expiring unused at one instant (the forecast's amount), drawn as a step down. */
interface ExpiryDrop {
  atMs: number;
  usd: number;
}

/** One forecast line falling at `ratePerMs` from `startUsd`, reloading by the rule below the threshold. */
function fallingLine(
  startAmount: number,
  nowMs: number,
  endMs: number,
  ratePerMs: number,
  billing: BillingConfig,
  onReload?: (p: Point) => void,
  drop: ExpiryDrop | null = null,
): Point[] {
  const rule = billing.reload?.enabled ? billing.reload : null;
  const threshold = rule ? rule.thresholdMicros / MICROS_PER_UNIT : 0;
  const points: Point[] = [{ x: nowMs, y: startAmount }];
  let balance = startAmount;
  let isDropped = drop === null;
  for (let t = nowMs + STEP_MS; t <= endMs; t += STEP_MS) {
    if (!isDropped && drop && drop.atMs <= t) {
      // Credit expiring unused leaves the balance at once: a step down, and a reload if it falls below.
      isDropped = true;
      const before = balance - ratePerMs * (drop.atMs - (t - STEP_MS));
      let after = before - drop.usd;
      points.push({ x: drop.atMs, y: before });
      if (rule && after < threshold) {
        points.push({ x: drop.atMs, y: after });
        after =
          rule.action.kind === 'restore-to'
            ? rule.action.targetMicros / MICROS_PER_UNIT
            : after + rule.action.amountMicros / MICROS_PER_UNIT;
        onReload?.({ x: drop.atMs, y: after });
      }
      points.push({ x: drop.atMs, y: after });
      balance = after + ratePerMs * (drop.atMs - (t - STEP_MS));
    }
    const next = balance - ratePerMs * STEP_MS;
    if (rule && next < threshold && balance >= threshold && ratePerMs > 0) {
      // The crossing instant inside this step, then the reload.
      const tc = t - STEP_MS + (balance - threshold) / ratePerMs;
      const after =
        rule.action.kind === 'restore-to'
          ? rule.action.targetMicros / MICROS_PER_UNIT
          : threshold + rule.action.amountMicros / MICROS_PER_UNIT;
      points.push({ x: tc, y: threshold }, { x: tc, y: after });
      onReload?.({ x: tc, y: after });
      balance = after - ratePerMs * (t - tc);
    } else balance = next;
    points.push({ x: t, y: balance });
  }
  return points;
}

/**
 * A line's lowest and highest value at `t`: both sides of a jump there, else linear between its points. `from`
 * is a search hint for times asked in order.
 */
function valuesAt(line: readonly Point[], t: number, from: { i: number }): [number, number] {
  while (from.i + 1 < line.length && line[from.i + 1]!.x < t) from.i++;
  const a = line[from.i]!;
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = from.i; j < line.length && line[j]!.x <= t; j++)
    if (line[j]!.x === t) {
      lo = Math.min(lo, line[j]!.y);
      hi = Math.max(hi, line[j]!.y);
    }
  if (lo <= hi) return [lo, hi];
  const b = line[from.i + 1];
  const y = !b || a.x >= t || b.x === a.x ? a.y : a.y + ((b.y - a.y) * (t - a.x)) / (b.x - a.x);
  return [y, y];
}

/**
 * The band over a set of forecast lines: at each hour from `nowMs` to `endMs` and at each of `extraTimes`
 * (where a line jumps), the lowest and highest of the lines, floored at zero (a prepaid balance cannot go below
 * it). Example: lines at $40 and $50 (one just reloaded) at some hour give low $40, high $50 there, whichever
 * line is which.
 */
export function rangeBand(
  lines: readonly Point[][],
  nowMs: number,
  endMs: number,
  extraTimes: readonly number[] = [],
): { low: Point[]; high: Point[] } {
  const times = new Set<number>(extraTimes.filter((t) => t >= nowMs && t <= endMs));
  for (let t = nowMs; t < endMs; t += BAND_STEP_MS) times.add(t);
  times.add(endMs);
  const low: Point[] = [];
  const high: Point[] = [];
  const hints = lines.map(() => ({ i: 0 }));
  for (const t of [...times].sort((a, b) => a - b)) {
    let lo = Infinity;
    let hi = -Infinity;
    lines.forEach((line, i) => {
      const [a, b] = valuesAt(line, t, hints[i]!);
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    });
    low.push({ x: t, y: Math.max(0, lo) });
    high.push({ x: t, y: Math.max(0, hi) });
  }
  return { low, high };
}

/** Builds the series (see the module doc). */
export function buildBalanceSeries(
  money: MoneyView,
  daily: readonly DailyProjectSpend[],
  nowMs: number,
  expiring: AnswerFigure | null = null,
): BalanceSeries | null {
  const f = money.forecast;
  if (!f) return null;
  const billing = money.ledger.billing;
  const monthEndMs = Date.parse(f.monthEnd.at);
  const marks: ChartMark[] = [{ atMs: nowMs, label: 'now', kind: 'now' }];
  if (monthEndMs <= nowMs + MAX_AHEAD_MS)
    marks.push({ atMs: monthEndMs, label: 'month end', kind: 'month-end' });

  if (!money.balance) {
    // Monthly billing: this month's spend so far and to month end.
    const monthStart = daily.find(
      (d) => d.dayStartMs >= monthEndMs - 31 * DAY_MS && new Date(d.dayStartMs).getUTCDate() === 1,
    )?.dayStartMs;
    const startMs = monthStart ?? nowMs - 7 * DAY_MS;
    const actual: Point[] = [{ x: startMs, y: 0 }];
    for (const d of daily)
      if (d.dayStartMs > startMs && d.dayStartMs <= nowMs)
        actual.push({ x: d.dayStartMs, y: spendSince(daily, startMs, d.dayStartMs) });
    const mtd = spendSince(daily, startMs, nowMs);
    actual.push({ x: nowMs, y: mtd });
    const span = Math.max(monthEndMs - nowMs, HOUR_MS);
    const line = (usd: number) => [
      { x: nowMs, y: mtd },
      { x: monthEndMs, y: mtd + usd },
    ];
    const s = f.monthEnd.spendAmount;
    return {
      kind: 'spend',
      startMs,
      endMs: nowMs + span,
      recorded: [],
      actual,
      middle: line(s.p50),
      low: line(s.p10),
      high: line(s.p90),
      reloads: [],
      thresholdAmount: null,
      marks,
    };
  }

  const endMs = chartEndMs(nowMs, monthEndMs);
  const b0 = money.balance.estimateMicros / MICROS_PER_UNIT;
  const observations = money.ledger.entries.filter((e) => e.kind === 'observation' && e.atMs <= nowMs);
  const lastObs = observations.reduce<number | null>((a, e) => (a === null || e.atMs > a ? e.atMs : a), null);
  const startMs = Math.max(nowMs - LOOKBACK_MS, Math.min(lastObs ?? nowMs - 7 * DAY_MS, nowMs - DAY_MS));
  const credits = money.ledger.entries.filter(
    (e) => e.kind === 'purchase' || e.kind === 'grant' || e.kind === 'reload',
  );
  const balanceAt = (t: number) =>
    b0 +
    spendSince(daily, t, nowMs) -
    credits
      .filter((e) => e.atMs > t && e.atMs <= nowMs)
      .reduce((a, e) => a + ('micros' in e ? e.micros : 0) / MICROS_PER_UNIT, 0);
  const actual: Point[] = [];
  for (let t = startMs; t < nowMs; t += STEP_MS) actual.push({ x: t, y: balanceAt(t) });
  actual.push({ x: nowMs, y: b0 });
  const recorded = observations
    .filter((e) => e.atMs >= startMs)
    .map((e) => ({ x: e.atMs, y: (e.kind === 'observation' ? e.balanceMicros : 0) / MICROS_PER_UNIT }));

  const thresholdAmount =
    f.crossing?.thresholdAmount ??
    (billing.reload?.enabled ? billing.reload.thresholdMicros / MICROS_PER_UNIT : 0);
  const daysToMonthEnd = Math.max((monthEndMs - nowMs) / DAY_MS, 1);
  const spendRate = (usd: number) => usd / daysToMonthEnd / DAY_MS;
  const rateFor = (crossingIso: string | null | undefined, fallbackAmount: number) => {
    const tc = crossingIso ? Date.parse(crossingIso) : NaN;
    if (Number.isFinite(tc) && tc > nowMs && b0 > thresholdAmount)
      return (b0 - thresholdAmount) / (tc - nowMs);
    return spendRate(fallbackAmount);
  };
  const c = f.crossing;
  const s = f.monthEnd.spendAmount;
  const reloads: Point[] = [];
  // Credit expected to expire unused is the answer's `expiring-unused` figure (its date and rounded range), so the
  // step is the very amount the headline, the lots callout and the alert quote; the lines step down there and
  // fall at the spend rate (the crossing already includes the step, so it cannot set the slope).
  const unusedRange = expiring?.isKnown && expiring.atMs !== null ? expiring.range : null;
  const unusedMid = expiring?.isKnown && expiring.atMs !== null ? (expiring.valueMicros ?? 0) : 0;
  const expiringAt =
    expiring?.atMs != null && expiring.atMs > nowMs && expiring.atMs <= endMs ? expiring.atMs : null;
  const unused = {
    p10: (unusedRange?.low ?? unusedMid) / MICROS_PER_UNIT,
    p50: (unusedRange?.mid ?? unusedMid) / MICROS_PER_UNIT,
    p90: (unusedRange?.high ?? unusedMid) / MICROS_PER_UNIT,
  };
  const drop = (usd: number | undefined) =>
    expiringAt !== null && usd !== undefined && usd > 0 ? { atMs: expiringAt, usd } : null;
  const rate = (iso: string | null | undefined, spendAmount: number, usd: number | undefined) =>
    drop(usd) ? spendRate(spendAmount) : rateFor(iso, spendAmount);
  const middle = fallingLine(
    b0,
    nowMs,
    endMs,
    rate(c?.p50, s.p50, unused?.p50),
    billing,
    (p) => reloads.push(p),
    drop(unused?.p50),
  );
  // The likely range is, at each instant, the lowest and highest balance over spend rates from the fast end
  // (early crossing, more spent so less left to expire) to the slow end: one band whose edges never cross, even
  // where reloads at different times jump single lines up past each other.
  const fast = { rate: rate(c?.p10, s.p90, unused?.p10), unused: unused?.p10 };
  const slow = { rate: rate(c?.p90, s.p10, unused?.p90), unused: unused?.p90 };
  const scenarios: Point[][] = [middle];
  for (let k = 0; k <= RANGE_SCENARIOS; k++) {
    const share = k / RANGE_SCENARIOS;
    const unusedK = fast.unused + (slow.unused - fast.unused) * share;
    scenarios.push(
      fallingLine(
        b0,
        nowMs,
        endMs,
        fast.rate + (slow.rate - fast.rate) * share,
        billing,
        undefined,
        drop(unusedK),
      ),
    );
  }
  const { low, high } = rangeBand(
    scenarios,
    nowMs,
    endMs,
    middle.map((p) => p.x),
  );
  const stepWords =
    expiringAt !== null && unused.p50 > 0
      ? `, about ${roundedMoneyWords(Math.round(unused.p50 * MICROS_PER_UNIT), money.currency)} unused`
      : '';
  const expiryDays = new Set<number>();
  for (const lot of lotsFromEntries(money.ledger.entries)) {
    if (lot.expiresAtMs > startMs && lot.expiresAtMs <= endMs && !expiryDays.has(lot.expiresAtMs)) {
      expiryDays.add(lot.expiresAtMs);
      marks.push({
        atMs: lot.expiresAtMs,
        label: `${lot.kind === 'grant' ? 'grant' : 'credit'} expires${lot.expiresAtMs === expiringAt ? stepWords : ''}`,
        kind: 'expiry',
      });
    }
  }
  if (expiringAt !== null && !expiryDays.has(expiringAt))
    marks.push({ atMs: expiringAt, label: `credit expires${stepWords}`, kind: 'expiry' });
  return {
    kind: 'balance',
    startMs,
    endMs,
    recorded,
    actual,
    middle,
    low,
    high,
    reloads,
    thresholdAmount: thresholdAmount,
    marks,
  };
}
