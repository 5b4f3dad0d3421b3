/**
 * The whole "balance and forecast" computation for one org, pure: stored spend + the ledger → the
 * estimated balance, the forecast and the last reconciliation. The service only loads and saves.
 *
 * Example: a prepaid org with an observed $100 yesterday, $20/day of spend and a "below $10 restore to
 * $50" rule → balance ≈ $80 now, crossing P50 in ≈ 3.5 days, reloads to month end with their charges.
 */
import type { BillingConfig } from './billing';
import { monthStartMs } from './billing';
import { cardSplit, type CardSplit } from './card-split';
import { forecastSteps, type ForecastInput } from './forecast/engine';
import type { DrawsMemo } from './forecast/spend-draws';
import { summarizeForecast, type ForecastSummary } from './forecast/summary';
import { lastObservation, ledgerState, type BalanceEstimate, type LedgerState } from './ledger-estimate';
import { explainApiReconciliation, reconcileObservation, type Reconciliation } from './ledger-reconcile';
import type { BalancePoint } from './balance-spend';
import type { LedgerEntry, LedgerFile } from './ledger-schema';
import { PROVIDERS, type ProviderId } from './providers';
import type { MoneyView } from './money-view';
import { deriveSeed } from './random';
import { dailyTotals, hourlyShapes, hourlySpendSeries, type DailyTotal } from './spend-history';
import type { CostDay, UsageRow } from './sync-data';
import { runAllSteps, type Steps } from './steps';
import { DAY_MS, startOfUtcDay } from './time';

/** Forecast horizon for the app: a month ahead covers "before month end" on every day of the month. */
export const APP_HORIZON_HOURS = 24 * 31;

export interface MoneyInputs {
  orgId: string;
  nowMs: number;
  ledger: LedgerFile;
  costDays: readonly CostDay[];
  usage: readonly UsageRow[];
  /** First day the stored history covers (the backfill start); null before the first sync. */
  historyStartMs: number | null;
  /** Whose account it is: names the provider in notes. */
  provider: ProviderId;
  /** The currency of every amount (absent: USD). */
  currency?: string;
  /**
   * Balances the provider's API reported (OpenRouter, DeepSeek), oldest first: used as observations,
   * never saved into the ledger the user types.
   */
  apiObservations?: readonly BalancePoint[];
}

/** The ledger with the API's balance readings added as observations (ids `api-<atMs>`). */
function withApiObservations(inputs: MoneyInputs): MoneyInputs {
  const points = inputs.apiObservations ?? [];
  if (points.length === 0) return inputs;
  const observed = points.map((p): LedgerEntry => ({
    id: `${API_OBSERVATION_ID}${p.atMs}`,
    kind: 'observation',
    atMs: p.atMs,
    balanceMicros: p.balanceMicros,
    note: API_OBSERVATION_NOTE,
  }));
  return { ...inputs, ledger: { ...inputs.ledger, entries: [...inputs.ledger.entries, ...observed] } };
}

/** The id prefix of an observation read from the provider's API (typed entries using it are refused). */
export const API_OBSERVATION_ID = 'api-';
/** The note of an observation read from the provider's API. */
export const API_OBSERVATION_NOTE = 'from the API';

export interface MoneyOverrides {
  balanceMicros?: number;
  billing?: BillingConfig;
}

interface Prepared {
  totals: DailyTotal[];
  shapes: Map<number, number[]>;
  state: LedgerState;
  balance: BalanceEstimate | null;
  split: CardSplit | null;
}

// The ledger replayed under `billing` (the saved settings, or a what-if's).
function prepare(inputs: MoneyInputs, billing: BillingConfig = inputs.ledger.billing): Prepared {
  const totals = dailyTotals(inputs.costDays);
  const shapes = hourlyShapes(inputs.usage);
  const ledger = { ...inputs.ledger, billing };
  const state = ledgerState(ledger, totals, inputs.nowMs, { hourlyShape: shapes });
  const split = cardSplit(ledger, state, inputs.nowMs);
  return { totals, shapes, state, balance: state.estimate, split };
}

/** Builds the forecast input, or says in words why there is none yet. */
function forecastInput(
  inputs: MoneyInputs,
  prepared: Prepared,
  billing: BillingConfig,
  balanceMicros: number | null,
): { input: ForecastInput | null; note: string | null } {
  if (inputs.historyStartMs === null)
    return { input: null, note: 'The forecast starts after the first sync.' };
  const history = hourlySpendSeries(prepared.totals, prepared.shapes, inputs.historyStartMs, inputs.nowMs);
  if (!history.usd.some((v) => v > 0)) {
    return { input: null, note: 'No spend in the synced history yet, so there is nothing to forecast.' };
  }
  const isPrepaid = billing.mode === 'prepaid';
  const rule = isPrepaid && billing.reload?.enabled ? billing.reload : null;
  const monthStart = monthStartMs(inputs.nowMs, billing.timeZone);
  const reloadsThisMonth = inputs.ledger.entries.filter((e) => e.kind === 'reload' && e.atMs >= monthStart);
  const utcMonthStartDay = startOfUtcDay(monthStart);
  const canCross = isPrepaid && balanceMicros !== null;
  const input: ForecastInput = {
    history,
    nowMs: inputs.nowMs,
    balanceMicros: balanceMicros ?? 0,
    // Without a reload rule, the prepaid question is when the credit runs out.
    thresholdMicros: canCross ? (rule?.thresholdMicros ?? 0) : null,
    reload: canCross ? rule : null,
    mode: billing.mode,
    horizonHours: APP_HORIZON_HOURS,
    seed: deriveSeed(1, inputs.orgId),
    reloadsThisMonth: {
      count: reloadsThisMonth.length,
      micros: reloadsThisMonth.reduce((a, e) => a + ('micros' in e ? e.micros : 0), 0),
    },
    monthToDateMicros: prepared.totals
      .filter((t) => t.dayStartMs >= utcMonthStartDay && t.dayStartMs < inputs.nowMs)
      .reduce((a, t) => a + t.micros, 0),
    hardLimitMicros: billing.hardLimitMicros,
    cardAccruedMicros: prepared.split?.cardMicros,
    lots: prepared.state.lots,
    timeZone: billing.timeZone,
  };
  const note =
    isPrepaid && balanceMicros === null
      ? `Record the balance shown on your ${PROVIDERS[inputs.provider].name} billing page to forecast when your credit runs low and when auto-reload will charge your card.`
      : null;
  return { input, note };
}

function* runForecast(
  inputs: MoneyInputs,
  prepared: Prepared,
  billing: BillingConfig,
  balanceMicros: number | null,
  memo: DrawsMemo | null,
): Steps<{ forecast: ForecastSummary | null; forecastNote: string | null }> {
  const { input, note } = forecastInput(inputs, prepared, billing, balanceMicros);
  if (!input) return { forecast: null, forecastNote: note };
  try {
    return { forecast: summarizeForecast(yield* forecastSteps(input, memo)), forecastNote: note };
  } catch (err) {
    if (err instanceof RangeError) return { forecast: null, forecastNote: `No forecast: ${err.message}.` };
    throw err;
  }
}

function reconcileNewest(inputs: MoneyInputs, prepared: Prepared): Reconciliation | null {
  const rec = reconcileNewestEntry(inputs, prepared);
  const newestId = lastObservation(inputs.ledger.entries.filter((e) => e.atMs <= inputs.nowMs))?.id ?? '';
  if (rec === null || !newestId.startsWith(API_OBSERVATION_ID)) return rec;
  return explainApiReconciliation(rec, PROVIDERS[inputs.provider].name, inputs.currency ?? 'USD');
}

function reconcileNewestEntry(inputs: MoneyInputs, prepared: Prepared): Reconciliation | null {
  const newest = lastObservation(inputs.ledger.entries.filter((e) => e.atMs <= inputs.nowMs));
  if (!newest) return null;
  const hasEarlierBasis = inputs.ledger.entries.some(
    (e) => e.id !== newest.id && e.atMs <= newest.atMs && e.kind !== 'card-charge',
  );
  if (!hasEarlierBasis) return null; // the first observation has nothing to be compared with
  return reconcileObservation(
    inputs.ledger,
    prepared.totals,
    { atMs: newest.atMs, balanceMicros: newest.balanceMicros, id: newest.id },
    { hourlyShape: prepared.shapes, currency: inputs.currency ?? 'USD', costsReadAtMs: inputs.nowMs },
  );
}

/** The full view for the UI and the snapshot. */
export function computeMoneyView(typed: MoneyInputs): MoneyView {
  return runAllSteps(moneyViewSteps(typed));
}

/**
 * `computeMoneyView` in steps: it pauses between the replay, the forecast's batches of paths and the
 * reconciliation. With `memo`, the forecast's spend paths are kept there for a what-if at the same instant
 * (or taken from it when they fit); the view is the same with or without it.
 */
export function* moneyViewSteps(typed: MoneyInputs, memo: DrawsMemo | null = null): Steps<MoneyView> {
  const inputs = withApiObservations(typed);
  const prepared = prepare(inputs);
  yield;
  const { forecast, forecastNote } = yield* runForecast(
    inputs,
    prepared,
    inputs.ledger.billing,
    prepared.balance?.estimateMicros ?? null,
    memo,
  );
  const firstDay = inputs.historyStartMs ?? inputs.nowMs;
  yield;
  const lastReconciliation = reconcileNewest(inputs, prepared);
  return {
    orgId: inputs.orgId,
    asOfMs: inputs.nowMs,
    currency: typed.currency ?? 'USD',
    apiBalance: lastApiBalance(typed),
    ledger: {
      billing: typed.ledger.billing,
      entries: [...typed.ledger.entries].sort((a, b) => b.atMs - a.atMs),
    },
    balance: prepared.balance,
    cardSplit: prepared.split,
    lots: prepared.state.lots.map((l) => ({ ...l })),
    forecast,
    forecastNote,
    lastReconciliation,
    historyDays: Math.max(0, Math.floor((inputs.nowMs - startOfUtcDay(firstDay)) / DAY_MS)),
  };
}

/** What-if: the forecast with another balance and/or billing settings; nothing is saved. */
export function computeWhatIf(
  typed: MoneyInputs,
  overrides: MoneyOverrides,
): { forecast: ForecastSummary | null; forecastNote: string | null } {
  return runAllSteps(whatIfSteps(typed, overrides));
}

/**
 * `computeWhatIf` in steps (see `moneyViewSteps`). A what-if changes the balance or the billing rule, never
 * the spend history: with `memo` holding the saved view's spend paths at the same instant, only the balance
 * is walked again over them, and the result is exactly `computeWhatIf`'s.
 */
export function* whatIfSteps(
  typed: MoneyInputs,
  overrides: MoneyOverrides,
  memo: DrawsMemo | null = null,
): Steps<{ forecast: ForecastSummary | null; forecastNote: string | null }> {
  const inputs = withApiObservations(typed);
  const billing = overrides.billing ?? inputs.ledger.billing;
  const prepared = prepare(inputs, billing);
  const balance = overrides.balanceMicros ?? prepared.balance?.estimateMicros ?? null;
  yield;
  return yield* runForecast(inputs, prepared, billing, balance, memo);
}

function lastApiBalance(inputs: MoneyInputs): MoneyView['apiBalance'] {
  const points = inputs.apiObservations ?? [];
  const last = points[points.length - 1];
  return last ? { atMs: last.atMs, balanceMicros: last.balanceMicros } : null;
}
