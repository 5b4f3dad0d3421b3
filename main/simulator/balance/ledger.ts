/**
 * Ground truth of a prepaid account for the balance simulators (OpenRouter, DeepSeek): spend comes from the
 * same spend model as the OpenAI simulator, credit from a deterministic schedule — a purchase at history
 * start, an optional free grant, and an automatic top-up whenever the balance is below a threshold at the
 * start of a UTC hour. All money in integer micro-units of the account's currency.
 */
import { HOUR_MS } from '@core/time';
import type { SpendModel } from '../spend-model';
import { MICROS_PER_UNIT } from '@core/money';

export interface TopUp {
  atMs: number;
  amountMicros: number;
  /** `purchase`: the first credit bought; `auto-top-up`: bought because the balance ran low; `grant`: free credit. */
  kind: 'purchase' | 'auto-top-up' | 'grant';
}

export interface CreditPlan {
  /** Bought at history start. */
  initialMicros: number;
  /** Free credit granted at history start and spent first (DeepSeek granted_balance); 0 = none. */
  grantMicros: number;
  /** A top-up happens at the start of any hour whose balance is below this. */
  thresholdMicros: number;
  topUpMicros: number;
}

export interface CreditLedger {
  currency: string;
  historyStartMs: number;
  plan: CreditPlan;
  /** Everything spent in [historyStart, ms). */
  spentTo(ms: number): number;
  /** Spent in [aMs, bMs); `spentTo(b) − spentTo(a)`, so consecutive ranges add up exactly. */
  spentBetween(aMs: number, bMs: number): number;
  /** Every credit (grants included) with `atMs <= ms`. */
  creditsTo(ms: number): number;
  /** creditsTo(ms) − spentTo(ms). */
  balanceAt(ms: number): number;
  /** The part of the grant still unspent at `ms` (spent before bought credit). */
  grantLeftAt(ms: number): number;
  /** The credits with `atMs <= untilMs`, in time order. */
  topUps(untilMs: number): TopUp[];
}

/**
 * Builds the ledger. `toAccountMicros` converts a cumulative USD-micro total into the account's currency;
 * it is applied to totals, never to slices, so `spentBetween` of adjacent ranges always adds up.
 *
 * Example (USD, identity conversion): initial 500 $, threshold 100 $, top-up 400 $; spend 20 $/day → at the
 * start of day 20 the balance is 100 $, not below; an hour later it is, so 400 $ arrive at that hour.
 */
export function createCreditLedger(opts: {
  model: Pick<SpendModel, 'historyStartMs' | 'costMicros'>;
  currency: string;
  plan: CreditPlan;
  toAccountMicros?: (usdMicros: number) => number;
}): CreditLedger {
  const { model, plan, currency } = opts;
  for (const [name, v] of Object.entries(plan)) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError(`${name} must be a whole number >= 0, got ${v}`);
  }
  if (plan.topUpMicros <= plan.thresholdMicros) {
    throw new RangeError('topUpMicros must exceed thresholdMicros, or a top-up would not lift the balance');
  }
  const convert = opts.toAccountMicros ?? ((m: number) => m);
  const start = model.historyStartMs;
  const credits: TopUp[] = [];
  if (plan.grantMicros > 0) credits.push({ atMs: start, amountMicros: plan.grantMicros, kind: 'grant' });
  if (plan.initialMicros > 0)
    credits.push({ atMs: start, amountMicros: plan.initialMicros, kind: 'purchase' });
  let credited = plan.grantMicros + plan.initialMicros;
  // Scan state: every hour start <= scannedTo has been checked; cumUsd is the USD spend before scannedTo.
  let scannedTo = start;
  let cumMicros = 0;

  function scanTo(ms: number): void {
    while (scannedTo + HOUR_MS <= ms) {
      cumMicros += model.costMicros(scannedTo, scannedTo + HOUR_MS);
      scannedTo += HOUR_MS;
      while (credited - convert(cumMicros) < plan.thresholdMicros) {
        credits.push({ atMs: scannedTo, amountMicros: plan.topUpMicros, kind: 'auto-top-up' });
        credited += plan.topUpMicros;
      }
    }
  }

  const spentTo = (ms: number): number => (ms <= start ? 0 : convert(model.costMicros(start, ms)));
  const creditsTo = (ms: number): number => {
    scanTo(ms);
    let sum = 0;
    for (const c of credits) if (c.atMs <= ms) sum += c.amountMicros;
    return sum;
  };
  return {
    currency,
    historyStartMs: start,
    plan,
    spentTo,
    spentBetween: (a, b) => spentTo(b) - spentTo(a),
    creditsTo,
    balanceAt: (ms) => creditsTo(ms) - spentTo(ms),
    grantLeftAt: (ms) => (ms < start ? 0 : Math.max(0, plan.grantMicros - spentTo(ms))),
    topUps(untilMs) {
      scanTo(untilMs);
      return credits.filter((c) => c.atMs <= untilMs).map((c) => ({ ...c }));
    },
  };
}

/** Simulated exchange rate for accounts billed in yuan: 7.2 CNY per USD, as the integer ratio 72/10. */
export const CNY_PER_USD = { numerator: 72, denominator: 10 } as const;

/**
 * USD micros to CNY micros at `CNY_PER_USD`, floored, in exact integer arithmetic.
 *
 * Example: 1_000_001 USD micros → floor(72_000_072 / 10) = 7_200_007 CNY micros.
 */
export function usdMicrosToCny(usdMicros: number): number {
  const scaled = usdMicros * CNY_PER_USD.numerator;
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`${usdMicros} USD micros is too large to convert`);
  return Math.floor(scaled / CNY_PER_USD.denominator);
}

/**
 * The default credit plan for an account that spends about `dailyMicros` a day (account currency): buy 30
 * days up front, top up 20 days whenever less than 5 days are left; amounts in whole currency units.
 *
 * Example: 25 $/day → initial 750 $, threshold 125 $, top-up 500 $.
 */
export function defaultCreditPlan(dailyMicros: number, grantMicros: number): CreditPlan {
  const units = (days: number) =>
    Math.max(1, Math.round((dailyMicros * days) / MICROS_PER_UNIT)) * MICROS_PER_UNIT;
  const thresholdMicros = units(5);
  return {
    initialMicros: units(30),
    grantMicros,
    thresholdMicros,
    topUpMicros: Math.max(units(20), thresholdMicros + MICROS_PER_UNIT),
  };
}
