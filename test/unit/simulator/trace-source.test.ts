import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '@core/time';
import { createSimulatedSpendModel } from '../../../main/simulator/index';
import { parseTraceCsv } from '../../../main/simulator/trace-csv';
import { traceIndexFor } from '../../../main/simulator/trace-source';

const TRACE_DIR = new URL('../../fixtures/traces/', import.meta.url);
const TRACE_FILES = readdirSync(TRACE_DIR).filter((f) => f.endsWith('.csv') && f !== 'index.csv');
const readTrace = (file: string): string => readFileSync(new URL(file, TRACE_DIR), 'utf8');
const NOW = Date.UTC(2026, 10, 24, 15, 20);
const WEEK_MS = 7 * 24 * HOUR_MS;

/** The first replay of the trace that starts on or after the history start (replays repeat every whole week). */
function replayStart(firstHourMs: number, historyStartMs: number): number {
  return firstHourMs + Math.ceil((historyStartMs - firstHourMs) / WEEK_MS) * WEEK_MS;
}

describe('parseTraceCsv', () => {
  it('reads a fixture trace', () => {
    const t = parseTraceCsv(readTrace('m-large_c031.csv'), 'm-large_c031');
    expect(t.hours).toBe(144);
    expect(t.firstHourMs).toBe(Date.UTC(2025, 3, 1));
    expect(t.rows[0]).toEqual({
      hourStartMs: Date.UTC(2025, 3, 1),
      model: 'gpt-4o',
      requests: 1461,
      inputTokens: 852634,
      outputTokens: 54440,
      costMicros: 2_675_985,
    });
  });

  it.each([
    [
      'hour_utc,model,requests\n2025-04-01T00:00:00Z,gpt-4o,1',
      /missing column\(s\) input_tokens, output_tokens, cost_usd/,
    ],
    ['hour_utc,model,requests,input_tokens,output_tokens,cost_usd\n', /no data rows/],
    [
      'hour_utc,model,requests,input_tokens,output_tokens,cost_usd\nyesterday,gpt-4o,1,1,1,0.1',
      /line 2: hour_utc must be an ISO UTC time/,
    ],
    [
      'hour_utc,model,requests,input_tokens,output_tokens,cost_usd\n2025-04-01T00:30:00Z,gpt-4o,1,1,1,0.1',
      /on the hour/,
    ],
    [
      'hour_utc,model,requests,input_tokens,output_tokens,cost_usd\n2025-04-01T00:00:00Z,gpt-4o,-1,1,1,0.1',
      /requests must be a whole number/,
    ],
    [
      'hour_utc,model,requests,input_tokens,output_tokens,cost_usd\n2025-04-01T00:00:00Z,gpt-4o,1,1,1,abc',
      /cost_usd must be a number/,
    ],
    [
      'hour_utc,model,requests,input_tokens,output_tokens,cost_usd\n2025-04-01T00:00:00Z,gpt-4o,1,1,1,0.1\n2025-04-01T02:00:00Z,gpt-4o,1,1,1,0.1',
      /hour 2025-04-01T01:00:00.000Z is missing/,
    ],
  ])('rejects a bad trace with a clear message (%#)', (csv, message) => {
    expect(() => parseTraceCsv(csv, 'bad')).toThrow(message);
  });
});

describe('traceIndexFor', () => {
  const first = Date.UTC(2025, 3, 1); // Tuesday 00:00
  it('keeps weekday and hour of day when tiling by whole weeks', () => {
    for (let k = -3; k <= 80; k++) {
      for (const offset of [0, 13, 50, 143]) {
        const h = first + k * WEEK_MS + offset * HOUR_MS;
        const i = traceIndexFor(h, first, 144);
        expect(i).toBe(offset);
        const traceHour = first + i * HOUR_MS;
        expect(new Date(traceHour).getUTCDay()).toBe(new Date(h).getUTCDay());
      }
    }
  });

  it('fills the uncovered day (Monday of a Tue–Sun trace) with the next covered day at the same hour', () => {
    const monday10 = first + 6 * 24 * HOUR_MS + 10 * HOUR_MS + 52 * WEEK_MS;
    expect(traceIndexFor(monday10, first, 144)).toBe(10);
  });
});

describe('trace-driven spend', () => {
  it.each(TRACE_FILES)('replays %s with totals equal to the CSV to the micro', (file) => {
    const csvText = readTrace(file);
    const trace = parseTraceCsv(csvText, file);
    const model = createSimulatedSpendModel({ seed: 3, trace: { name: file, csvText } }, NOW);
    const start = replayStart(trace.firstHourMs, model.historyStartMs);
    const csvTotal = trace.rows.reduce((a, r) => a + r.costMicros, 0);
    expect(model.costMicros(start, start + trace.hours * HOUR_MS)).toBe(csvTotal);
    // Each hour exactly, and spread over several projects and line items when there is spend.
    for (let i = 0; i < trace.hours; i += 17) {
      const rows = model.hourly(start + i * HOUR_MS);
      expect(rows.reduce((a, r) => a + r.costMicros, 0)).toBe(trace.rows[i]!.costMicros);
      if (trace.rows[i]!.costMicros > 1000) {
        expect(new Set(rows.map((r) => r.projectId)).size).toBeGreaterThan(1);
        expect(new Set(rows.map((r) => r.lineItem)).size).toBeGreaterThan(2);
      }
    }
  });

  it('scales costs by rounding each hour to the micro', () => {
    const csvText = readTrace('m-small_aggregate.csv');
    const trace = parseTraceCsv(csvText, 'agg');
    const model = createSimulatedSpendModel({ seed: 3, trace: { name: 'agg', csvText, scale: 0.37 } }, NOW);
    const start = replayStart(trace.firstHourMs, model.historyStartMs);
    const expected = trace.rows.reduce((a, r) => a + Math.round(r.costMicros * 0.37), 0);
    expect(model.costMicros(start, start + trace.hours * HOUR_MS)).toBe(expected);
  });

  it('rejects a trace whose model has no known price, and a bad scale', () => {
    const csvText =
      'hour_utc,model,requests,input_tokens,output_tokens,cost_usd\n2025-04-01T00:00:00Z,qwen-max,1,1,1,0.1';
    expect(() => createSimulatedSpendModel({ trace: { name: 'q', csvText } }, NOW)).toThrow(
      /unknown model 'qwen-max'/,
    );
    expect(() => createSimulatedSpendModel({ trace: { name: 'q', csvText, scale: 0 } }, NOW)).toThrow(
      /scale/,
    );
  });
});
