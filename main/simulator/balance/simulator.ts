/**
 * What the OpenRouter and DeepSeek simulators share: the spend model (the same ground truth as the OpenAI
 * simulator, for the same seed and options), the credit ledger on top of it, faults and the HTTP server.
 */
import { createSimulatedSpendModel, type SimulatorOptions } from '../index';
import type { RequestLogEntry } from '../server';
import { createSimClock, type SimClock } from '../sim-clock';
import type { SpendModel } from '../spend-model';
import { createBalanceFaults } from './faults';
import { startBalanceHttp, type BalanceProvider } from './http';
import {
  createCreditLedger,
  defaultCreditPlan,
  type CreditLedger,
  type CreditPlan,
  type TopUp,
} from './ledger';
import { MICROS_PER_UNIT } from '@core/money';

export interface BalanceSimulatorOptions extends Pick<
  SimulatorOptions,
  'seed' | 'historyDays' | 'shape' | 'trace' | 'port'
> {
  /** Default `createSimClock()` (real time); tests pin it with `createSimClock({ startMs, speed: 0 })`. */
  clock?: SimClock;
  /** Fault spec: the grammar is in fault-grammar.ts, the actions in balance/faults.ts. */
  faults?: string | null;
  /** Overrides of the default credit plan (amounts in micro-units of the account's currency). */
  credit?: Partial<CreditPlan>;
}

export interface BalanceSimulator {
  baseUrl: string;
  port: number;
  clock: SimClock;
  /** Spend ground truth in USD micros (shared with the OpenAI simulator). */
  model: SpendModel;
  /** Credit and spend ground truth in the account's currency. */
  ledger: CreditLedger;
  /** Every request received, in order. */
  requests: ReadonlyArray<RequestLogEntry>;
  setFaults(spec: string | null): void;
  /** Spend in [aMs, bMs) in micro-units of the account's currency. */
  spentBetween(aMs: number, bMs: number): number;
  /** Credits bought or granted up to `untilMs` (default: the clock's now). */
  topUps(untilMs?: number): TopUp[];
  close(): Promise<void>;
}

/** Starts a balance simulator: `provider` builds the routes from the ledger. */
export async function startBalanceSimulator(
  opts: BalanceSimulatorOptions,
  account: {
    currency: string;
    toAccountMicros?: (usdMicros: number) => number;
    grantMicros: number;
    basePath: string;
    provider: (ledger: CreditLedger, model: SpendModel) => BalanceProvider;
    checkFaults?: (spec: string | null) => void;
  },
): Promise<BalanceSimulator> {
  const clock = opts.clock ?? createSimClock();
  const model = createSimulatedSpendModel(opts, clock.nowMs());
  const convert = account.toAccountMicros ?? ((m: number) => m);
  const dailyMicros = convert((opts.shape?.dailyUsd ?? 25) * MICROS_PER_UNIT);
  const plan = { ...defaultCreditPlan(dailyMicros, account.grantMicros), ...opts.credit };
  const ledger = createCreditLedger({ model, currency: account.currency, plan, toAccountMicros: convert });
  account.checkFaults?.(opts.faults ?? null);
  const faults = createBalanceFaults(opts.faults, opts.seed ?? 1);
  const http = await startBalanceHttp({
    port: opts.port ?? 0,
    clock,
    faults,
    provider: account.provider(ledger, model),
  });
  return {
    baseUrl: `http://127.0.0.1:${http.port}${account.basePath}`,
    port: http.port,
    clock,
    model,
    ledger,
    requests: http.requests,
    setFaults(spec) {
      account.checkFaults?.(spec);
      faults.set(spec);
    },
    spentBetween: (a, b) => ledger.spentBetween(a, b),
    topUps: (untilMs) => ledger.topUps(untilMs ?? clock.nowMs()),
    close: http.close,
  };
}
