/**
 * Export benchmark: one year of a 20-project organization (20 projects × 5 models × 6 line items, ~$400/day,
 * as in the sync benchmark) exported by the real command, `node dist/cli.mjs export`, in a child process:
 * wall time from start to exit and the child's peak RSS (process.resourceUsage().maxRSS at exit). The store
 * is written directly through the history store (the exporter's speed does not depend on how it was synced);
 * hourly usage covers the 14 days the store keeps, snapshots one per hour for 90 days.
 * Targets: < 2 s and < 200 MB.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRandom } from '@core/random';
import type { CostDay, UsageRow } from '@core/sync-data';
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';
import { openOrgHistory } from '../../main/services/stores/history-store';
import { openSettingsStore } from '../../main/services/stores/settings-store';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOW_MS = Date.UTC(2026, 10, 18, 15, 20);
const ORG_ID = 'org_benchexport1';
const PROJECTS = 20;
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'o3', 'gpt-4.1', 'text-embedding-3-small'];
const ITEMS = ['input', 'output', 'cached input', 'batch input', 'batch output', 'audio'];
// Prints the child's peak RSS when it exits (loaded before the CLI with --import).
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS_KB '+process.resourceUsage().maxRSS+'\\n'))`;

export async function bench(): Promise<Record<string, unknown>> {
  await run(process.execPath, ['build.mjs'], { cwd: ROOT });
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-bench-export-'));
  try {
    const seeded = await seed(dataDir);
    const from = new Date(startOfUtcDay(NOW_MS) - 364 * DAY_MS).toISOString().slice(0, 10);
    const to = new Date(NOW_MS).toISOString().slice(0, 10);
    const results: Record<string, unknown> = {};
    for (const [what, format] of [
      ['costs', 'csv'],
      ['costs', 'json'],
      ['hourly', 'csv'],
      ['usage', 'csv'],
      ['snapshots', 'csv'],
    ] as const) {
      const out = join(dataDir, `out-${what}.${format}`);
      const started = performance.now();
      const { stderr } = await run(
        process.execPath,
        [
          '--import',
          RSS_HOOK,
          join(ROOT, 'dist/cli.mjs'),
          'export',
          '--data-dir',
          dataDir,
          '--now',
          new Date(NOW_MS).toISOString(),
          '--org',
          ORG_ID,
          '--from',
          from,
          '--to',
          to,
          '--what',
          what,
          '--format',
          format,
          '--out',
          out,
        ],
        { maxBuffer: 1 << 20 },
      );
      const ms = performance.now() - started;
      const rssKb = Number(/MAXRSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN);
      results[`${what}.${format}`] = {
        ms: Math.round(ms),
        peakRssMb: Math.round(rssKb / 1024),
        bytes: (await stat(out)).size,
      };
    }
    return {
      method: `node dist/cli.mjs export, ${from}..${to}, one child process per export (start to exit)`,
      store: seeded,
      targets: { ms: 2000, peakRssMb: 200 },
      results,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

export async function seed(dataDir: string) {
  const random = createRandom(5);
  const settings = await openSettingsStore(dataDir);
  await settings.update((s) => ({
    ...s,
    orgs: [
      {
        id: ORG_ID,
        name: 'Bench, "Export"',
        kind: 'live',
        provider: 'openai',
        baseUrl: null,
        createdAtMs: 0,
      },
    ],
  }));
  const history = await openOrgHistory(join(dataDir, 'history', ORG_ID), { nowMs: () => NOW_MS });
  await history.saveProjects(
    Array.from({ length: PROJECTS }, (_, p) => ({ id: `proj_${p}`, name: `Project ${p}` })),
  );
  const today = startOfUtcDay(NOW_MS);
  const start = today - 400 * DAY_MS;
  const days: CostDay[] = [];
  let costRows = 0;
  for (let d = start; d <= today; d += DAY_MS) {
    const rows = [];
    for (let p = 0; p < PROJECTS; p++)
      for (const m of MODELS)
        for (const item of ITEMS)
          rows.push({
            projectId: `proj_${p}`,
            lineItem: `${m}, ${item}`,
            micros: Math.round(random() * 1_300_000),
          });
    costRows += rows.length;
    days.push({ dayStartMs: d, rows });
  }
  await history.putCosts({ startMs: start, endMs: today + DAY_MS }, days, today - DAY_MS);
  const usage: UsageRow[] = [];
  const usageStart = today - 14 * DAY_MS;
  for (let h = usageStart; h < NOW_MS - HOUR_MS; h += HOUR_MS)
    for (let p = 0; p < PROJECTS; p++)
      for (const model of MODELS)
        usage.push({
          hourStartMs: h,
          projectId: `proj_${p}`,
          model,
          requests: 10,
          inputTokens: Math.round(random() * 1e5),
          outputTokens: Math.round(random() * 2e4),
        });
  await history.putUsage({ startMs: usageStart, endMs: NOW_MS }, usage, startOfUtcDay(NOW_MS) + 14 * HOUR_MS);
  for (let t = NOW_MS - 90 * DAY_MS; t < NOW_MS; t += HOUR_MS)
    await history.addSnapshot({
      atMs: t,
      monthToDateMicros: 1,
      todayMicros: 1,
      state: 'ok',
      errorKind: null,
      balanceMicros: 5,
      forecast: null,
    });
  return { costRows, usageRows: usage.length, snapshots: 90 * 24 };
}
