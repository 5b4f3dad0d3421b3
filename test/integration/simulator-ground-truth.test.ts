import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@core/time';
import { createSimClock, parseTraceCsv, startSimulator, type Simulator } from '../../main/simulator/index';
import { rawGet, rs, sdkFor } from '../unit/simulator/sdk-client';

const NOW = Date.UTC(2026, 10, 24, 15, 20, 45);
const sec = (ms: number): number => Math.floor(ms / 1000);
const started: Simulator[] = [];

async function start(opts: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  const sim = await startSimulator({ clock: createSimClock({ startMs: NOW, speed: 0 }), ...opts });
  started.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

/** Sums every amount /costs reports for [startSec, endSec), paging through next_page, in micro-dollars. */
async function sumCosts(
  client: OpenAI,
  startSec: number,
  endSec: number | undefined,
  groupBy: string[] = [],
): Promise<number> {
  let micros = 0;
  let page: string | undefined;
  do {
    const res = await client.admin.organization.usage.costs({
      start_time: startSec,
      ...(endSec !== undefined ? { end_time: endSec } : {}),
      limit: 5,
      group_by: groupBy as never,
      ...(page ? { page } : {}),
    });
    for (const b of res.data) for (const r of rs(b)) micros += Math.round(Number(r.amount!.value) * 1e6);
    page = res.has_more ? res.next_page! : undefined;
  } while (page);
  return micros;
}

describe('ground truth', () => {
  it('the sum of /costs equals the model to the micro, grouped or not, with any start', async () => {
    const sim = await start({ seed: 21, historyDays: 40 });
    const client = sdkFor(sim);
    for (const [a, b] of [
      [NOW - 35 * DAY_MS, undefined],
      [NOW - 20 * DAY_MS + 7 * HOUR_MS + 1234, NOW - 2 * DAY_MS],
      [Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 24)],
    ] as const) {
      const endMs = b ?? NOW;
      const truth = sim.model.visibleCostMicros(sec(a) * 1000, sec(endMs) * 1000, NOW);
      expect(truth).toBeGreaterThan(0);
      expect(await sumCosts(client, sec(a), b === undefined ? undefined : sec(b))).toBe(truth);
      expect(
        await sumCosts(client, sec(a), b === undefined ? undefined : sec(b), [
          'project_id',
          'line_item',
          'api_key_id',
        ]),
      ).toBe(truth);
    }
  });

  it('costs appear costLagMinutes after the hour ends; usage shows the current hour already', async () => {
    const clock = createSimClock({ startMs: Date.UTC(2026, 10, 24, 10, 5), speed: 0 });
    const sim = await start({ seed: 4, clock, costLagMinutes: 45, historyDays: 3 });
    const client = sdkFor(sim);
    const today = sec(Date.UTC(2026, 10, 24));
    const at = async (): Promise<number> => sumCosts(client, today, undefined);
    const through = (h: number): number => sim.model.costMicros(today * 1000, Date.UTC(2026, 10, 24, h));
    expect(await at()).toBe(through(9)); // 09:00–10:00 ends at 10:00, visible at 10:45
    clock.set(Date.UTC(2026, 10, 24, 10, 44, 59));
    expect(await at()).toBe(through(9));
    clock.set(Date.UTC(2026, 10, 24, 10, 45));
    expect(await at()).toBe(through(10));
    const usage = await client.admin.organization.usage.completions({
      start_time: sec(Date.UTC(2026, 10, 24, 10)),
      bucket_width: '1h',
    });
    expect(rs(usage.data[0]!)[0]!.num_model_requests).toBeGreaterThan(0);
  });

  it('a running clock moves the data: speed 3600 makes an hour pass in a second', async () => {
    const clock = createSimClock({ startMs: Date.UTC(2026, 10, 24, 10, 0), speed: 3600 });
    const sim = await start({ seed: 4, clock, costLagMinutes: 0, historyDays: 2 });
    const t0 = sim.clock.nowMs();
    await new Promise((r) => setTimeout(r, 300));
    expect(sim.clock.nowMs() - t0).toBeGreaterThanOrEqual(290 * 3600);
  });

  it('is deterministic for a seed, across simulators', async () => {
    const a = await start({ seed: 99, historyDays: 20 });
    const b = await start({ seed: 99, historyDays: 20 });
    const c = await start({ seed: 100, historyDays: 20 });
    const q = `/organization/costs?start_time=${sec(NOW - 15 * DAY_MS)}&limit=15&group_by[]=project_id&group_by[]=line_item`;
    const [ra, rb, rc] = await Promise.all([rawGet(a, q), rawGet(b, q), rawGet(c, q)]);
    expect(ra.text).toBe(rb.text);
    expect(ra.text).not.toBe(rc.text);
    const u = `/organization/usage/completions?start_time=${sec(NOW - DAY_MS)}&bucket_width=1h&group_by[]=model&group_by[]=project_id`;
    expect((await rawGet(a, u)).text).toBe((await rawGet(b, u)).text);
    expect((await rawGet(a, '/organization/projects')).text).toBe(
      (await rawGet(b, '/organization/projects')).text,
    );
  });

  it('trace-driven: /costs over one replay of the trace equals the CSV total', async () => {
    const csvText = readFileSync(new URL('../fixtures/traces/m-mid_c091.csv', import.meta.url), 'utf8');
    const trace = parseTraceCsv(csvText, 'm-mid_c091');
    const sim = await start({ seed: 2, historyDays: 30, trace: { name: 'm-mid_c091', csvText } });
    const week = 7 * DAY_MS;
    const replay =
      trace.firstHourMs + Math.ceil((sim.model.historyStartMs - trace.firstHourMs) / week) * week;
    expect(new Date(replay).getUTCDay()).toBe(new Date(trace.firstHourMs).getUTCDay());
    const csvTotal = trace.rows.reduce((s, r) => s + r.costMicros, 0);
    const fromApi = await sumCosts(sdkFor(sim), sec(replay), sec(replay + trace.hours * HOUR_MS), [
      'project_id',
      'line_item',
    ]);
    expect(fromApi).toBe(csvTotal);
  });

  it('stays cheap over a long run of polls (memoised hours)', async () => {
    const clock = createSimClock({ startMs: NOW, speed: 0 });
    const sim = await start({
      seed: 3,
      clock,
      historyDays: 90,
      shape: { projects: 20, models: 5, lineItemsPerModel: 6, dailyUsd: 300 },
    });
    const client = sdkFor(sim);
    await sumCosts(client, sec(NOW - 90 * DAY_MS), undefined, ['project_id', 'line_item']);
    // A day of 5-minute polls of today and yesterday.
    for (let i = 0; i < 288; i += 12) {
      clock.advance(12 * 5 * MINUTE_MS);
      const t = clock.nowMs();
      const total = await sumCosts(client, sec(t - DAY_MS - (t % DAY_MS)), undefined, [
        'project_id',
        'line_item',
      ]);
      expect(total).toBe(sim.model.visibleCostMicros(t - DAY_MS - (t % DAY_MS), sec(t) * 1000, t));
    }
  });
});
