import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CostDay, SpendSnapshot, UsageRow } from '@core/sync-data';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@core/time';
import { openOrgHistory } from '../../../../main/services/stores/history-store';
import { createProblemList } from '../../../../main/services/stores/store-problem';
import { createWriteMeter } from '../../../../main/services/stores/write-meter';

const D = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const cost = (dayStartMs: number, micros: number, projectId: string | null = 'proj_a'): CostDay => ({
  dayStartMs,
  rows: [{ projectId, lineItem: 'gpt-4o, input', micros }],
});
const usage = (hourStartMs: number, requests: number): UsageRow => ({
  hourStartMs,
  projectId: 'proj_a',
  model: 'gpt-4o',
  requests,
  inputTokens: 10,
  outputTokens: 5,
});
const snap = (atMs: number): SpendSnapshot => ({
  atMs,
  monthToDateMicros: 1,
  todayMicros: 1,
  state: 'ok',
  errorKind: null,
  balanceMicros: null,
  forecast: null,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-hist-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));
const open = (nowMs = D('2026-03-11')) =>
  openOrgHistory(dir, { nowMs: () => nowMs, meter: createWriteMeter(), problems: createProblemList() });

describe('org history', () => {
  it('puts settled days in month files and the rest in the recent file; empty fetched days clear old data', async () => {
    const h = await open();
    const range = { startMs: D('2026-02-27'), endMs: D('2026-03-12') };
    await h.putCosts(
      range,
      [
        cost(D('2026-02-27'), 5),
        cost(D('2026-03-02'), 7),
        cost(D('2026-03-10'), 9),
        cost(D('2026-03-11'), 1),
      ],
      D('2026-03-10'),
    );
    expect((await readdir(dir)).filter((f) => f.startsWith('costs-')).sort()).toEqual([
      'costs-2026-02.json',
      'costs-2026-03.json',
      'costs-recent.json',
    ]);
    expect((await h.costDays(range)).map((d) => d.dayStartMs)).toEqual([
      D('2026-02-27'),
      D('2026-03-02'),
      D('2026-03-10'),
      D('2026-03-11'),
    ]);

    // Next poll: yesterday's bucket came back empty (e.g. a refund netted out) → it must read as empty.
    await h.putCosts(
      { startMs: D('2026-03-10'), endMs: D('2026-03-12') },
      [cost(D('2026-03-11'), 3)],
      D('2026-03-10'),
    );
    const days = await h.costDays(range);
    expect(days.find((d) => d.dayStartMs === D('2026-03-10'))?.rows).toEqual([]);
    expect(days.find((d) => d.dayStartMs === D('2026-03-11'))?.rows[0]?.micros).toBe(3);

    // Reopening reads the same from disk.
    expect(await (await open()).costDays(range)).toEqual(days);
  });

  it('keeps open usage hours apart from closed ones and merges them on read', async () => {
    const h = await open();
    const t = D('2026-03-11') + 10 * HOUR_MS;
    await h.putUsage(
      { startMs: D('2026-03-10'), endMs: t + HOUR_MS },
      [usage(D('2026-03-10') + HOUR_MS, 4), usage(t - HOUR_MS, 2), usage(t, 1)],
      t - HOUR_MS,
    );
    await h.putUsage(
      { startMs: t - HOUR_MS, endMs: t + HOUR_MS },
      [usage(t - HOUR_MS, 3), usage(t, 2)],
      t - HOUR_MS,
    );
    const rows = await h.usage({ startMs: D('2026-03-10'), endMs: D('2026-03-12') });
    expect(rows.map((r) => r.requests)).toEqual([4, 3, 2]);
    await h.putUsage(
      { startMs: t - HOUR_MS, endMs: t + 2 * HOUR_MS },
      [usage(t - HOUR_MS, 3), usage(t, 5)],
      t,
    );
    expect(
      (await h.usage({ startMs: D('2026-03-11'), endMs: D('2026-03-12') })).map((r) => r.requests),
    ).toEqual([3, 5]);
  });

  it('compacts snapshots by age and drops expired usage days', async () => {
    const h = await open();
    const now = D('2026-06-01') + 12 * HOUR_MS;
    const old = D('2026-01-15');
    const threeDaysAgo = D('2026-05-29');
    for (let i = 0; i < 12; i++) {
      await h.addSnapshot(snap(old + i * 5 * MINUTE_MS));
      await h.addSnapshot(snap(threeDaysAgo + i * 5 * MINUTE_MS));
      await h.addSnapshot(snap(now - i * 5 * MINUTE_MS));
    }
    await h.putUsage(
      { startMs: D('2026-05-01'), endMs: D('2026-05-01') + HOUR_MS },
      [usage(D('2026-05-01'), 1)],
      D('2026-05-01') + HOUR_MS,
    );
    await h.compact(now);
    const files = await readdir(dir);
    expect(files).not.toContain('snapshots-2026-01-15.json');
    expect(files).not.toContain('usage-2026-05-01.json');
    const all = await h.snapshots({ startMs: 0, endMs: now + 1 });
    expect(all.filter((s) => s.atMs < D('2026-01-16'))).toHaveLength(1);
    expect(all.filter((s) => s.atMs >= threeDaysAgo && s.atMs < threeDaysAgo + DAY_MS)).toHaveLength(1);
    expect(all.filter((s) => s.atMs > now - DAY_MS)).toHaveLength(12);
  });

  it('quarantines a corrupt history file and reports it without losing it', async () => {
    await writeFile(join(dir, 'sync.json'), 'not json');
    const problems = createProblemList();
    const h = await openOrgHistory(dir, { nowMs: () => D('2026-03-11'), problems });
    expect(h.sync().status.state).toBe('never');
    expect(problems.list()).toHaveLength(1);
    expect((await readdir(dir)).some((f) => f.startsWith('sync.json.corrupt-'))).toBe(true);
  });

  it('remove() deletes the folder', async () => {
    const h = await open();
    await h.addSnapshot(snap(D('2026-03-11')));
    await h.remove();
    await expect(readdir(dir)).rejects.toThrow();
  });
});
