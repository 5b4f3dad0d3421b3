/**
 * Sync benchmark against the loopback simulator (official SDK, real HTTP, real files):
 * requests per poll, store size after a year, bytes written per poll, poll latency.
 *
 * A year of 5-minute polls (105,120 syncs) is too slow to replay in a benchmark run, so the year is replayed
 * at a coarser step (YEAR_STEP, default 3 h) — cost and usage files do not depend on the poll rate, and
 * snapshots beyond 48 h are thinned to one per hour anyway (the few a coarse step lacks are estimated in the
 * output) — and then the last
 * WINDOW_DAYS run at true 5-minute steps, which gives bytes written per poll and latency, and the final
 * 48 h of full-rate snapshots. Both are reported under `method`.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '@core/random';
import type { Org } from '@core/schemas';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@core/time';
import { createAdminApi } from '../../main/services/openai-client';
import { openSettingsStore } from '../../main/services/stores/settings-store';
import { createMoneyService, type MoneyService } from '../../main/services/money';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { createSyncEngine } from '../../main/services/sync';
import { createSimClock, DEMO_ADMIN_KEY, startSimulator } from '../../main/simulator/index';

const SHAPE = { projects: 20, models: 5, lineItemsPerModel: 6, dailyUsd: 400 };
const START_MS = Date.UTC(2025, 10, 24, 9, 2, 0);
const YEAR_DAYS = Number(process.env.SYNC_BENCH_YEAR_DAYS ?? 365);
const YEAR_STEP_MS = Number(process.env.SYNC_BENCH_YEAR_STEP_MIN ?? 180) * MINUTE_MS;
const WINDOW_DAYS = Number(process.env.SYNC_BENCH_WINDOW_DAYS ?? 3);
const POLL_MS = 5 * MINUTE_MS;
const ORG_ID = 'org_benchsync01';
// One encoded snapshot point (with its forecast tuple) is about this many bytes in its day file.
const SNAPSHOT_BYTES = 120;

export async function bench(): Promise<Record<string, unknown>> {
  const clock = createSimClock({ startMs: START_MS, speed: 0 });
  const sim = await startSimulator({ seed: 11, clock, historyDays: 100, shape: SHAPE });
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-bench-'));
  try {
    const settings = await openSettingsStore(dataDir);
    const org: Org = {
      id: ORG_ID,
      name: 'Bench',
      kind: 'live',
      provider: 'openai',
      baseUrl: sim.baseUrl,
      createdAtMs: START_MS,
    };
    await settings.update((s) => ({ ...s, orgs: [org] }));
    const api = createAdminApi({ apiKey: DEMO_ADMIN_KEY, baseURL: sim.baseUrl });
    // As in the app: every successful poll also estimates the balance and forecasts, for its snapshot.
    let money: MoneyService | null = null;
    const engine = createSyncEngine({
      dataDir,
      settings,
      nowMs: () => clock.nowMs(),
      random: createRandom(3),
      clientFor: async () => api,
      snapshotExtras: (orgId, atMs) => money!.snapshotExtras(orgId, atMs),
    });
    const ledgers = createLedgerStore(dataDir, { nowMs: () => clock.nowMs(), meter: engine.meter });
    money = createMoneyService({
      ledgers,
      history: (id) => engine.history(id),
      nowMs: () => clock.nowMs(),
      orgOf: (id) => settings.get().orgs.find((o) => o.id === id) ?? null,
    });
    await money.addEntry(ORG_ID, {
      id: 'obs',
      kind: 'observation',
      atMs: START_MS,
      balanceMicros: 500e6,
      note: '',
    });
    await money.updateBilling(ORG_ID, {
      mode: 'prepaid',
      reload: {
        enabled: true,
        thresholdMicros: 100e6,
        action: { kind: 'restore-to', targetMicros: 1000e6 },
        monthlyLimit: null,
      },
      hardLimitMicros: null,
      timeZone: 'UTC',
    });
    const poll = async () => {
      const status = await engine.syncOrg(ORG_ID, { force: true });
      if (status.state !== 'ok') throw new Error(`bench sync failed: ${status.lastError?.message}`);
    };

    let mark = sim.requests.length;
    const backfillStart = performance.now();
    await poll();
    const backfill = {
      requests: sim.requests.length - mark,
      ms: Math.round(performance.now() - backfillStart),
      bytesWritten: engine.meter.totals().bytes,
    };

    // The year, at a coarse step.
    const yearStart = performance.now();
    let yearPolls = 0;
    const yearEnd = START_MS + YEAR_DAYS * DAY_MS - WINDOW_DAYS * DAY_MS;
    while (clock.nowMs() + YEAR_STEP_MS <= yearEnd) {
      clock.advance(YEAR_STEP_MS);
      await poll();
      yearPolls++;
    }
    const yearMs = performance.now() - yearStart;

    // The final window at the real 5-minute rate.
    engine.meter.reset();
    mark = sim.requests.length;
    const latencies: number[] = [];
    let windowPolls = 0;
    let projectPolls = 0;
    for (let t = 0; t < WINDOW_DAYS * DAY_MS; t += POLL_MS) {
      clock.advance(POLL_MS);
      const before = sim.requests.length;
      const t0 = performance.now();
      await poll();
      latencies.push(performance.now() - t0);
      windowPolls++;
      if (sim.requests.slice(before).some((r) => r.path.endsWith('/projects'))) projectPolls++;
    }
    const written = engine.meter.totals();
    const windowRequests = sim.requests.length - mark;
    const disk = await dirSize(dataDir);
    latencies.sort((a, b) => a - b);
    return {
      method: {
        shape: SHAPE,
        year: `${YEAR_DAYS} simulated days: ${yearPolls} polls every ${YEAR_STEP_MS / MINUTE_MS} min, then ${WINDOW_DAYS} days at 5-min polls (${windowPolls} polls)`,
        note: 'bytes per poll, requests per poll and latency come from the 5-minute window only; store size is after the whole year',
        clock:
          'frozen simulator clock advanced by hand; real HTTP over loopback through the openai SDK; real lowdb files in a temp dir',
        ledger:
          'one observed balance and a restore-to reload rule: every poll estimates the balance and runs the forecast for its snapshot, as the app does',
      },
      backfill90Days: { requests: backfill.requests, ms: backfill.ms, bytesWritten: backfill.bytesWritten },
      steadyState: {
        requestsPerPoll: round(windowRequests / windowPolls, 3),
        pollsWithProjectRefresh: projectPolls,
        avgBytesWrittenPerPoll: Math.round(written.bytes / windowPolls),
        filesWrittenPerPoll: round(written.writes / windowPolls, 2),
        writesSkippedUnchangedPerPoll: round(written.skipped / windowPolls, 2),
        budgetBytesPerPoll: 64 * 1024,
        latencyMs: {
          p50: round(pct(latencies, 0.5), 1),
          p95: round(pct(latencies, 0.95), 1),
          max: round(latencies.at(-1) ?? 0, 1),
        },
      },
      store: {
        // A 5-minute year keeps one snapshot per hour from 48 h to 90 days; a coarser replay keeps fewer.
        snapshotBytesMissingFromCoarseStepEstimate: Math.round(
          Math.max(0, 24 - DAY_MS / Math.max(YEAR_STEP_MS, HOUR_MS)) * 88 * SNAPSHOT_BYTES,
        ),
        totalBytes: disk.bytes,
        files: disk.files,
        budgetBytes: 10 * 1024 * 1024,
        ratioOfBudget: round(disk.bytes / (10 * 1024 * 1024), 3),
      },
      yearReplay: {
        polls: yearPolls,
        ms: Math.round(yearMs),
        msPerPoll: round(yearMs / Math.max(1, yearPolls), 2),
      },
    };
  } finally {
    await sim.close();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function dirSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}
