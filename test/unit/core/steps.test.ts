// The money view and the forecast in steps: the host lets other work run between them, and the result
// is the same as running them at once.
import { describe, expect, it } from 'vitest';
import { forecastSpend, forecastSteps, PATHS_PER_STEP, type ForecastInput } from '@core/forecast/engine';
import { createHourlySeries } from '@core/hourly-series';
import { runAllSteps } from '@core/steps';
import { HOUR_MS } from '@core/time';
import { runSteps } from '../../../main/services/run-steps';

const NOW = Date.UTC(2025, 3, 10, 7);
const input: ForecastInput = {
  history: createHourlySeries(NOW - 14 * 24 * HOUR_MS, new Array(14 * 24).fill(1.5)),
  nowMs: NOW,
  balanceMicros: 60e6,
  thresholdMicros: 10e6,
  horizonHours: 24 * 31,
  seed: 7,
  paths: 2000,
  lots: [
    { remainingMicros: 40e6, expiresAtMs: NOW + 10 * HOUR_MS },
    { remainingMicros: 20e6, expiresAtMs: NOW + 400 * 24 * HOUR_MS },
  ],
};

describe('a forecast in steps', () => {
  it('pauses after every batch of paths', () => {
    const steps = forecastSteps(input);
    let pauses = 0;
    while (!steps.next().done) pauses++;
    expect(pauses).toBe(2000 / PATHS_PER_STEP - 1);
  });

  it('gives exactly the result of the forecast run at once', async () => {
    expect(runAllSteps(forecastSteps(input))).toEqual(forecastSpend(input));
    expect(await runSteps(forecastSteps(input))).toEqual(forecastSpend(input));
  });

  it('lets the event loop run between the steps', async () => {
    const order: string[] = [];
    function* work() {
      order.push('step 1');
      yield;
      order.push('step 2');
      yield;
      order.push('step 3');
      return 'done';
    }
    setImmediate(() => order.push('other work'));
    expect(await runSteps(work())).toBe('done');
    expect(order).toEqual(['step 1', 'other work', 'step 2', 'step 3']);
  });
});
