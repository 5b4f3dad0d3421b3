/**
 * Run by test/unit/simulator/allocation.test.ts in a node of its own (`--expose-gc`, a young generation
 * large enough that no collection runs while measuring): prints, as JSON, the heap bytes the Anthropic simulator allocates per
 * cost line (`linesOf`) and per 31-day daily analytics cost report over the Claude team demo's spend, and
 * a control allocation of over 10 MB (it shows that no collection hid what was allocated).
 */
import { DEMO_SIMULATORS } from '../../main/app/demo-backend';
import { handleAnalyticsCost } from '../../main/simulator/anthropic/analytics-report';
import { linesOf } from '../../main/simulator/anthropic/mapping';
import { readParams } from '../../main/simulator/anthropic/params';
import { createSimulatedSpendModel } from '../../main/simulator/index';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const NOW = Date.UTC(2026, 11, 7, 9, 23);
const HOUR_MS = 3_600_000;
const { seed, historyDays, shape } = DEMO_SIMULATORS.anthropic;
const model = createSimulatedSpendModel({ seed, historyDays, shape, costLagMinutes: 5 }, NOW);
const startMs = Date.UTC(2026, 10, 6);
const endMs = Date.UTC(2026, 11, 7);
for (let h = startMs; h < endMs; h += HOUR_MS) model.hourly(h); // the rows exist before measuring

const allocated = (run: () => unknown): number => {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = run(); // kept alive until measured
  const bytes = process.memoryUsage().heapUsed - before;
  if (kept === undefined) throw new Error('nothing returned');
  return bytes;
};

let lineCount = 0;
const lineBytes = allocated(() => {
  const all = [];
  for (let h = startMs; h < endMs; h += HOUR_MS) for (const row of model.hourly(h)) all.push(linesOf(row));
  lineCount = all.reduce((n, lines) => n + lines.length, 0);
  return all;
});
const search = new URLSearchParams({
  starting_at: '2026-11-06T00:00:00Z',
  ending_at: '2026-12-07T00:00:00Z',
  time_bucket_width: '1d',
  limit: '1000',
});
for (const g of ['workspace_id', 'api_key_id', 'model', 'cost_type', 'token_type'])
  search.append('group_by[]', g);
const reportBytes = allocated(() => handleAnalyticsCost(readParams(search), model, NOW, 5 * 60_000));
const controlBytes = allocated(() => Array.from({ length: 10 * 1024 * 64 }, (_, i) => ({ i, j: i })));
process.stdout.write(
  JSON.stringify({ lineCount, bytesPerLine: lineBytes / lineCount, reportBytes, controlBytes }),
);
