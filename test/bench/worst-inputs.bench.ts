/**
 * The worst inputs a request can carry, and how long each blocks the event loop: the longest single stall
 * (the largest gap between ticks of a 5 ms timer) while the request runs in-process on a synced demo account
 * with a pinned clock. Cases: the balance view over a ledger whose first purchase is the earliest date
 * accepted (2015-01-01) with the auto-reload closest to its threshold that is accepted; the hourly export over the
 * longest range accepted (5 years) and over a year typed as "0000"; the ledger export of 300 entries.
 * Goal: no request blocks the event loop for more than 250 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS, startOfUtcDay } from '@core/time';
import { createApp } from '../../main/app/create-app';
import { createFileSecretStore } from '../../main/services/secrets';

const NOW_MS = Date.UTC(2026, 11, 7, 10);
const GOAL_MS = 250;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Runs `task` and returns the longest event-loop stall seen meanwhile (ms) and the wall time. */
async function measure(task: () => Promise<unknown>): Promise<{ maxBlockMs: number; wallMs: number }> {
  // A 5 ms timer: any gap between two of its ticks beyond 5 ms is time the loop could not run.
  let last = performance.now();
  let maxBlockMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxBlockMs = Math.max(maxBlockMs, now - last - 5);
    last = now;
  }, 5);
  const started = performance.now();
  await task().catch(() => undefined); // a refusal is a fine answer: what counts is the stall
  const wallMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 20)); // the tick after the last stall
  clearInterval(timer);
  return { maxBlockMs: Math.round(maxBlockMs), wallMs: Math.round(wallMs) };
}

export async function bench(): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-bench-worst-'));
  const app = await createApp({
    dataDir,
    version: 'bench',
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
    demo: true,
    clock: { nowMs: () => NOW_MS },
  });
  try {
    const org = await app.handlers['orgs:startDemo']({});
    await app.sync.syncOrg(org.id, { force: true });
    const orgId = org.id;
    await app.handlers['ledger:addEntry']({
      orgId,
      entry: {
        id: 'first',
        kind: 'purchase',
        atMs: Date.UTC(2015, 0, 1),
        micros: 100e6,
        expiresAtMs: null,
        note: '',
      },
    });
    for (let i = 0; i < 300; i++)
      await app.handlers['ledger:addEntry']({
        orgId,
        entry: {
          id: `e${i}`,
          kind: 'reload',
          atMs: NOW_MS - (i + 1) * 3_600_000,
          micros: 1e6,
          note: `#${i}`,
        },
      });
    // The worst rule accepted: the smallest gap above the threshold the "again and again" check lets through.
    let gapAmount = 0;
    for (const gap of [1, 2, 5, 10, 15, 20, 30, 50, 100, 200, 500]) {
      const ok = await app.handlers['ledger:updateBilling']({
        orgId,
        billing: {
          mode: 'prepaid',
          hardLimitMicros: null,
          timeZone: 'UTC',
          reload: {
            enabled: true,
            thresholdMicros: 1_000e6,
            action: { kind: 'restore-to', targetMicros: 1_000e6 + gap * 1e6 },
            monthlyLimit: null,
          },
        },
      }).then(
        () => true,
        () => false,
      );
      if (ok) {
        gapAmount = gap;
        break;
      }
    }
    await app.alerts.evaluate(); // the evaluation the ledger changes started, outside the measured window
    const exportAll = async (from: string, what: 'hourly' | 'ledger') => {
      const plan = app.files.plan({ org: orgId, from, to: day(NOW_MS), what, format: 'csv' });
      let bytes = 0;
      for await (const chunk of app.files.chunks(plan)) bytes += chunk.length;
      return bytes;
    };
    const cases = {
      'money:get, purchase 2015-01-01, smallest accepted restore-to gap': () =>
        app.handlers['money:get']({ orgId }),
      'export hourly, 5 years': () =>
        exportAll(day(startOfUtcDay(NOW_MS) - (5 * 365 - 1) * DAY_MS), 'hourly'),
      'export hourly, from 0000-01-01': () => exportAll('0000-01-01', 'hourly'),
      'export ledger, 301 entries, 5 years': () =>
        exportAll(day(startOfUtcDay(NOW_MS) - (5 * 365 - 1) * DAY_MS), 'ledger'),
    };
    const results: Record<string, unknown> = {};
    let worst = 0;
    for (const [name, task] of Object.entries(cases)) {
      await task().catch(() => undefined); // warm: the first call reads files and compiles code paths
      const m = await measure(task);
      worst = Math.max(worst, m.maxBlockMs);
      results[name] = m;
    }
    return {
      ...results,
      restoreToGapUsd: gapAmount,
      worstBlockMs: worst,
      goalMs: GOAL_MS,
      meetsGoal: worst <= GOAL_MS,
    };
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
