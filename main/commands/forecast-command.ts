/**
 * `creditwatch forecast --history FILE.csv --now ISO --balance AMOUNT --threshold AMOUNT
 *  [--recharge-to AMOUNT | --recharge-amount AMOUNT] [--monthly-cap AMOUNT] [--credit AMOUNT@ISO …]
 *  [--currency CODE] [--horizon-hours N] [--seed N] [--json]`
 *
 * Amounts are in one currency: `--currency`, else the history file's `currency` column (the hourly export
 * of a DeepSeek account says CNY), else US dollars. A `--currency` the file contradicts is refused.
 *
 * Reads an hourly spend CSV, forecasts when the balance crosses the threshold (P10/P50/P90 and the
 * probability within the horizon) and, with a reload rule, the reloads and card charges to month end.
 * Exit codes: 0 ok, 2 bad input.
 *
 * With `--org NAME|ID` it prints a stored account's answer instead (see forecast-org-command.ts).
 */
import { parseArgs } from 'node:util';
import type { ReloadRule } from '@core/billing';
import { last24hRate, linearCrossingHours, naiveLinearRate } from '@core/forecast/baselines';
import { MAX_HORIZON_HOURS, forecastSpend } from '@core/forecast/engine';
import { summarizeForecast } from '@core/forecast/summary';
import { formatMoney, toMicros } from '@core/money';
import { isKnownCurrency } from '@core/providers';
import { HOUR_MS } from '@core/time';
import { type CommandIo, UsageError } from './io';
import { parseAmountFlag, parseIntFlag } from './flags';
import { HistoryCsvError, parseHistoryCsv } from './history-csv';
import { formatForecastText } from './forecast-text';
import { FORECAST_ORG_USAGE, runForecastOrgCommand } from './forecast-org-command';

const OPTIONS = {
  history: { type: 'string' },
  now: { type: 'string' },
  balance: { type: 'string' },
  threshold: { type: 'string' },
  'recharge-to': { type: 'string' },
  'recharge-amount': { type: 'string' },
  'monthly-cap': { type: 'string' },
  credit: { type: 'string', multiple: true },
  currency: { type: 'string' },
  'horizon-hours': { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

const TRACE_USAGE = `Usage: creditwatch forecast --history FILE.csv --now ISO --balance AMOUNT --threshold AMOUNT
                         [--recharge-to AMOUNT | --recharge-amount AMOUNT] [--monthly-cap AMOUNT]
                         [--credit AMOUNT@ISO …] [--currency CODE] [--horizon-hours N] [--seed N] [--json]

Forecasts from an hourly spend file (as 'creditwatch export --what hourly' writes it) when the balance
falls to the threshold, and with a reload rule the reloads and card charges to month end.
  --history FILE.csv        hourly spend: hour_utc,usd[,currency]
  --now ISO                 the instant to forecast from; rows at or after it are ignored
  --balance AMOUNT          credit left now, e.g. 144.88 or "$1,000"
  --threshold AMOUNT        the balance at which auto-reload charges the card
  --recharge-to AMOUNT      reload back up to this balance
  --recharge-amount AMOUNT  or add this much at each reload
  --monthly-cap AMOUNT      at most this much reloaded in a calendar month
  --credit AMOUNT@ISO       a credit lot's amount left and its expiry (repeat, in the order lots are used)
  --currency CODE           the currency of every amount (default: the file's, else USD)
  --horizon-hours N         how far ahead to look (default 168)
  --seed N                  the random seed, 0 to 4294967295 (default 1)
  --json                    the result as JSON`;

/** Both forms of the command, as `creditwatch forecast --help` prints them. */
export const FORECAST_HELP = `${TRACE_USAGE}\n\n${FORECAST_ORG_USAGE}`;

/** Runs the command; returns the exit code. */
export async function runForecastCommand(argv: string[], io: CommandIo, version = '0.0.0'): Promise<number> {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(FORECAST_HELP);
      return 0;
    }
    if (argv.some((a) => a === '--org' || a.startsWith('--org=')))
      return await runForecastOrgCommand(argv, io, version);
    const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
    if (!values.history) throw new UsageError('--history FILE.csv is required');
    if (!values.now) throw new UsageError('--now ISO is required (e.g. 2025-04-04T00:00:00Z)');
    const nowMs = Date.parse(values.now);
    if (!Number.isFinite(nowMs)) throw new UsageError(`--now "${values.now}" is not an ISO date-time`);
    const flagCurrency = values.currency?.trim().toUpperCase();
    if (flagCurrency !== undefined && !isKnownCurrency(flagCurrency))
      throw new UsageError(`--currency "${values.currency}" is not a currency code (e.g. USD, CNY)`);
    const balance = parseAmountFlag('balance', values.balance, { currency: flagCurrency });
    const threshold = parseAmountFlag('threshold', values.threshold, { min: 0, currency: flagCurrency });
    const shown = (x: number) => formatMoney(toMicros(x), flagCurrency ?? 'USD');
    if (threshold > balance) {
      throw new UsageError(
        `--threshold (${shown(threshold)}) is above --balance (${shown(balance)}): the reload would already have triggered`,
      );
    }
    const horizonHours = parseIntFlag('horizon-hours', values['horizon-hours'], 168, 1, MAX_HORIZON_HOURS);
    // Up to 2^32 − 1: the app derives per-organization seeds in that range, and a user may rerun its forecast.
    const seed = parseIntFlag('seed', values.seed, 1, 0, 2 ** 32 - 1);
    const rule = buildRule(values, threshold);
    const text = await io.readFile(values.history).catch((e: unknown) => {
      throw new UsageError(`cannot read --history ${values.history}: ${(e as Error).message}`);
    });
    const parsed = parseHistoryCsv(text, { beforeMs: nowMs });
    if (flagCurrency !== undefined && parsed.currency !== null && parsed.currency !== flagCurrency)
      throw new UsageError(
        `--currency ${flagCurrency} differs from the history file's ${parsed.currency}: amounts must be in one currency`,
      );
    const currency = flagCurrency ?? parsed.currency ?? 'USD';
    if (!isKnownCurrency(currency))
      throw new UsageError(`the history file's currency "${currency}" is not one this system knows`);
    const lots = (values.credit ?? []).map(parseCreditFlag);
    const result = forecastSpend({
      lots,
      history: parsed.series,
      nowMs,
      balanceMicros: toMicros(balance),
      thresholdMicros: toMicros(threshold),
      reload: rule,
      horizonHours,
      seed,
    });
    const gap = balance - threshold;
    const iso = (h: number): string | null =>
      Number.isFinite(h) && h <= horizonHours ? new Date(nowMs + h * HOUR_MS).toISOString() : null;
    const output = {
      ...summarizeForecast(result),
      history: {
        start: new Date(parsed.series.startMs).toISOString(),
        hours: parsed.series.usd.length,
        ignoredRowsAtOrAfterNow: parsed.ignoredRows,
        models: parsed.models,
      },
      // The currency of every amount here (the `*Usd` names predate other currencies).
      currency,
      balanceAmount: balance,
      thresholdAmount: threshold,
      seed,
      baselines: {
        naiveLinear: iso(linearCrossingHours(naiveLinearRate(parsed.series, nowMs), gap)),
        last24h: iso(linearCrossingHours(last24hRate(parsed.series, nowMs), gap)),
      },
    };
    io.out(values.json ? JSON.stringify(output) : formatForecastText(output));
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof HistoryCsvError ||
      error instanceof RangeError ||
      isArgError(error)
    ) {
      io.err(`creditwatch forecast: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

/**
 * `--credit AMOUNT@ISO`: credit left in one lot and when it expires, given in the order the lots are drawn
 * (grants first, then purchases, earliest expiry first). Credit expiring unused lowers the balance.
 * Example: `--credit 659.21@2026-11-30T00:00:00Z`.
 */
function parseCreditFlag(text: string): { remainingMicros: number; expiresAtMs: number } {
  const [usd, iso, ...rest] = text.split('@');
  const expiresAtMs = iso === undefined ? NaN : Date.parse(iso);
  if (rest.length > 0 || !Number.isFinite(expiresAtMs))
    throw new UsageError(`--credit must be AMOUNT@ISO, e.g. 659.21@2026-11-30T00:00:00Z (got "${text}")`);
  return { remainingMicros: toMicros(parseAmountFlag('credit', usd, { min: 0 })), expiresAtMs };
}

function buildRule(
  values: Record<string, string | string[] | boolean | undefined>,
  threshold: number,
): ReloadRule | null {
  const to = values['recharge-to'] as string | undefined;
  const amount = values['recharge-amount'] as string | undefined;
  const cap = values['monthly-cap'] as string | undefined;
  if (to !== undefined && amount !== undefined)
    throw new UsageError('give either --recharge-to or --recharge-amount, not both');
  if (to === undefined && amount === undefined) {
    if (cap !== undefined)
      throw new UsageError('--monthly-cap needs a reload rule (--recharge-to or --recharge-amount)');
    return null;
  }
  const thresholdMicros = toMicros(threshold);
  const monthlyLimit =
    cap === undefined
      ? null
      : { kind: 'usd' as const, micros: toMicros(parseAmountFlag('monthly-cap', cap, { min: 0 })) };
  if (to !== undefined) {
    const target = parseAmountFlag('recharge-to', to);
    if (target <= threshold)
      throw new UsageError(`--recharge-to (${target}) must be above --threshold (${threshold})`);
    return {
      enabled: true,
      thresholdMicros,
      action: { kind: 'restore-to', targetMicros: toMicros(target) },
      monthlyLimit,
    };
  }
  const add = parseAmountFlag('recharge-amount', amount);
  if (add <= 0) throw new UsageError('--recharge-amount must be positive');
  return {
    enabled: true,
    thresholdMicros,
    action: { kind: 'add-fixed', amountMicros: toMicros(add) },
    monthlyLimit,
  };
}

function isArgError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')
  );
}
