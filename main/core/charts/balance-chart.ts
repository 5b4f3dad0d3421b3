/**
 * The balance chart's series, built from the account's money view and its daily costs: recorded balances as
 * points, the estimated balance as a line up to now, the forecast's middle line with its likely range to month
 * end (at least two weeks, at most 31 days), the reload threshold, predicted reloads, credit expiries and the
 * month end. Monthly billing has no balance: the chart then shows this month's spend so far and its forecast to
 * month end. Every amount is in integer micro-units; the page only maps them to pixels.
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
import type { AnswerFigure } from '../answer/account-answer';
import type { DailyProjectSpend } from '../dashboard';
import { lotsFromEntries } from '../credit-lots';
import { MICROS_PER_UNIT, type Micros } from '../money';
import type { MoneyView } from '../money-view';
import { DAY_MS, HOUR_MS } from '../time';
import { roundedMoneyWords } from '../words/money-words';
import { fallingLine, LINE_STEP_MS, rangeBand, type ExpiryDrop, type Point } from './balance-lines';
import { balanceTableRows, type BalanceTableRow } from './balance-table';

export type { Point } from './balance-lines';

export interface ChartMark {
  atMs: number;
  label: string;
  kind: 'expiry' | 'month-end' | 'now';
}

/** The chart as the page draws it; `y` of every point in micro-units. */
export interface BalanceChart {
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
  /** The reload threshold line, with its label ("reload below $10"); null without one. */
  threshold: { micros: Micros; label: string } | null;
  marks: ChartMark[];
  /** The same chart said as a table, one row per day. */
  table: BalanceTableRow[];
}

const MIN_AHEAD_MS = 14 * DAY_MS;
const MAX_AHEAD_MS = 31 * DAY_MS;
const LOOKBACK_MS = 30 * DAY_MS;
/** Spend rates sampled across the likely range (plus the middle line) to draw its band. */
const RANGE_SCENARIOS = 80;

/** Where the chart ends: the month end, but at least two weeks and at most 31 days ahead. */
export function chartEndMs(nowMs: number, monthEndMs: number): number {
  return Math.min(nowMs + MAX_AHEAD_MS, Math.max(monthEndMs, nowMs + MIN_AHEAD_MS));
}

/** Spend in [fromMs, nowMs) from daily buckets (a partly covered day counts pro rata), in micro-units. */
function spendSince(daily: readonly DailyProjectSpend[], fromMs: number, nowMs: number): number {
  let micros = 0;
  for (const d of daily) {
    const end = Math.min(d.dayStartMs + DAY_MS, nowMs);
    const start = Math.max(d.dayStartMs, fromMs);
    if (end <= start) continue;
    const dayLength = Math.min(DAY_MS, nowMs - d.dayStartMs);
    micros += d.totalMicros * ((end - start) / dayLength);
  }
  return micros;
}

/** Whole micro-units, and floored at zero where the line is a prepaid balance (API calls stop at zero). */
function settle(points: readonly Point[], isFloored: boolean): Point[] {
  return points.map((p) => ({ x: p.x, y: Math.round(isFloored ? Math.max(0, p.y) : p.y) }));
}

function thresholdLabel(micros: Micros, currency: string): string {
  const whole = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
  return `reload below ${whole.format(micros / MICROS_PER_UNIT)}`;
}

/** A forecast's band of amounts (in units) as micro-units. */
function bandMicros(b: { p10: number; p50: number; p90: number }) {
  return { p10: b.p10 * MICROS_PER_UNIT, p50: b.p50 * MICROS_PER_UNIT, p90: b.p90 * MICROS_PER_UNIT };
}

/**
 * Builds the chart (see the module doc) at `nowMs` (the money view's instant); `expiring` is the answer's
 * `expiring-unused` figure, so the chart's step is the amount every other surface quotes. Null without a
 * forecast.
 */
export function buildBalanceChart(
  money: MoneyView,
  daily: readonly DailyProjectSpend[],
  nowMs: number,
  expiring: AnswerFigure | null,
  words: { timeZone: string; wordsNowMs: number },
): BalanceChart | null {
  const f = money.forecast;
  if (!f) return null;
  const billing = money.ledger.billing;
  const monthEndMs = Date.parse(f.monthEnd.at);
  const marks: ChartMark[] = [{ atMs: nowMs, label: 'now', kind: 'now' }];
  if (monthEndMs <= nowMs + MAX_AHEAD_MS)
    marks.push({ atMs: monthEndMs, label: 'month end', kind: 'month-end' });
  const s = bandMicros(f.monthEnd.spendAmount);
  const withTable = (chart: Omit<BalanceChart, 'table'>): BalanceChart => ({
    ...chart,
    table: balanceTableRows(chart, money.currency, words.timeZone, words.wordsNowMs),
  });

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
    const line = (micros: number) =>
      settle(
        [
          { x: nowMs, y: mtd },
          { x: monthEndMs, y: mtd + micros },
        ],
        false,
      );
    return withTable({
      kind: 'spend',
      startMs,
      endMs: nowMs + span,
      recorded: [],
      actual: settle(actual, false),
      middle: line(s.p50),
      low: line(s.p10),
      high: line(s.p90),
      reloads: [],
      threshold: null,
      marks,
    });
  }

  const endMs = chartEndMs(nowMs, monthEndMs);
  const b0 = money.balance.estimateMicros;
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
      .reduce((a, e) => a + ('micros' in e ? e.micros : 0), 0);
  const actual: Point[] = [];
  for (let t = startMs; t < nowMs; t += LINE_STEP_MS) actual.push({ x: t, y: balanceAt(t) });
  actual.push({ x: nowMs, y: b0 });
  const recorded = observations
    .filter((e) => e.atMs >= startMs)
    .map((e) => ({ x: e.atMs, y: e.kind === 'observation' ? e.balanceMicros : 0 }));

  const crossingThreshold = f.crossing?.thresholdAmount;
  const thresholdMicros =
    crossingThreshold != null
      ? crossingThreshold * MICROS_PER_UNIT
      : billing.reload?.enabled
        ? billing.reload.thresholdMicros
        : 0;
  const daysToMonthEnd = Math.max((monthEndMs - nowMs) / DAY_MS, 1);
  const spendRate = (micros: number) => micros / daysToMonthEnd / DAY_MS;
  const rateFor = (crossingIso: string | null | undefined, fallback: number) => {
    const tc = crossingIso ? Date.parse(crossingIso) : NaN;
    if (Number.isFinite(tc) && tc > nowMs && b0 > thresholdMicros)
      return (b0 - thresholdMicros) / (tc - nowMs);
    return spendRate(fallback);
  };
  const c = f.crossing;
  const reloads: Point[] = [];
  // Credit expected to expire unused is the answer's `expiring-unused` figure (its date and rounded range), so the
  // step is the very amount the headline, the lots callout and the alert quote; the lines step down there and
  // fall at the spend rate (the crossing already includes the step, so it cannot set the slope).
  const isExpiring = expiring?.isKnown === true && expiring.atMs !== null;
  const unusedRange = isExpiring ? expiring.range : null;
  const unusedMid = isExpiring ? (expiring.valueMicros ?? 0) : 0;
  const expiringAt =
    expiring?.atMs != null && expiring.atMs > nowMs && expiring.atMs <= endMs ? expiring.atMs : null;
  const unused = {
    p10: unusedRange?.low ?? unusedMid,
    p50: unusedRange?.mid ?? unusedMid,
    p90: unusedRange?.high ?? unusedMid,
  };
  const drop = (micros: number): ExpiryDrop | null =>
    expiringAt !== null && micros > 0 ? { atMs: expiringAt, micros } : null;
  const rate = (iso: string | null | undefined, spend: number, unusedMicros: number) =>
    drop(unusedMicros) ? spendRate(spend) : rateFor(iso, spend);
  const middle = fallingLine(
    b0,
    nowMs,
    endMs,
    rate(c?.p50, s.p50, unused.p50),
    billing,
    (p) => reloads.push(p),
    drop(unused.p50),
  );
  // The likely range is, at each instant, the lowest and highest balance over spend rates from the fast end
  // (early crossing, more spent so less left to expire) to the slow end: one band whose edges never cross, even
  // where reloads at different times jump single lines up past each other.
  const fast = { rate: rate(c?.p10, s.p90, unused.p10), unused: unused.p10 };
  const slow = { rate: rate(c?.p90, s.p10, unused.p90), unused: unused.p90 };
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
      ? `, about ${roundedMoneyWords(Math.round(unused.p50), money.currency)} unused`
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
  return withTable({
    kind: 'balance',
    startMs,
    endMs,
    recorded: settle(recorded, false),
    actual: settle(actual, true),
    middle: settle(middle, true),
    low: settle(low, true),
    high: settle(high, true),
    reloads: settle(reloads, true),
    threshold:
      thresholdMicros > 0
        ? { micros: Math.round(thresholdMicros), label: thresholdLabel(thresholdMicros, money.currency) }
        : null,
    marks,
  });
}
