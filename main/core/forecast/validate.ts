/**
 * Input checks for the forecast, so a bad input is a clear error and never a silent nonsense date.
 *
 * Example: a 10-year horizon → RangeError "horizon must be between 1 and 2208 hours".
 */
import type { HourlySeries } from '../hourly-series';
import type { Micros } from '../money';
import type { ReloadRule } from '../billing';

interface Checked {
  history: HourlySeries;
  nowMs: number;
  balanceMicros: Micros;
  thresholdMicros: Micros | null;
  reload?: ReloadRule | null;
  horizonHours: number;
  seed: number;
  paths?: number;
  timeZone?: string;
}

/** Throws a RangeError describing the first problem found. */
export function validateForecastInput(input: Checked, maxHorizonHours: number): void {
  if (!Number.isFinite(input.nowMs)) throw new RangeError('now must be a valid time');
  if (input.history.usd.length === 0 || input.history.startMs >= input.nowMs) {
    throw new RangeError('no spend history before now: at least one hour is needed');
  }
  if (
    !Number.isInteger(input.horizonHours) ||
    input.horizonHours < 1 ||
    input.horizonHours > maxHorizonHours
  ) {
    throw new RangeError(
      `horizon must be between 1 and ${maxHorizonHours} hours (got ${String(input.horizonHours)})`,
    );
  }
  if (!Number.isInteger(input.balanceMicros))
    throw new RangeError('balance must be a whole number of micro-dollars');
  if (
    input.thresholdMicros !== null &&
    (!Number.isInteger(input.thresholdMicros) || input.thresholdMicros < 0)
  ) {
    throw new RangeError('threshold must be a non-negative amount');
  }
  if (!Number.isInteger(input.seed)) throw new RangeError('seed must be an integer');
  if (
    input.paths !== undefined &&
    (!Number.isInteger(input.paths) || input.paths < 10 || input.paths > 100_000)
  ) {
    throw new RangeError('paths must be between 10 and 100000');
  }
  const rule = input.reload;
  if (rule && rule.action.kind === 'restore-to' && rule.action.targetMicros <= rule.thresholdMicros) {
    throw new RangeError('the reload target must be above the threshold');
  }
  if (rule && rule.action.kind === 'add-fixed' && rule.action.amountMicros <= 0) {
    throw new RangeError('the reload amount must be positive');
  }
}
