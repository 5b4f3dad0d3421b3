/**
 * The Node host at rest, two ways: a real user's host (one OpenAI account, no demo: `creditwatch serve` with
 * `OPENAI_ADMIN_KEY` pointed at a local simulator) and the demo host (`serve --demo`, five accounts), each
 * after its first sync, sampled for 2 minutes between polls (the schedule is set to a yearly cron in a
 * pre-written settings file so no poll lands in the window). CPU is the process's user + system time over the
 * window as a share of one core (from /proc/<pid>/stat, Linux); RSS is the largest resident set seen from the
 * start on (/proc/<pid>/status VmHWM: the first sync's peak counts, as V8 keeps the heap it grew). Needs
 * `npm run build`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProviderSimulator } from '../../main/simulator/start-provider';

const WINDOW_MS = Number(process.env.IDLE_BENCH_MS ?? 120_000);
const SETTLE_MS = 15_000;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

const cpuTicks = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15 of stat)
};
const statusMb = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function bench(): Promise<Record<string, unknown>> {
  if (process.platform !== 'linux') return { skipped: 'reads /proc: Linux only' };
  if (!existsSync('dist/cli.mjs'))
    return { skipped: 'run `npm run build` first (the bench starts dist/cli.mjs)' };
  // A real user's account: the OpenAI simulator stands in for OpenAI (a year of history, default shape).
  const sim = await startProviderSimulator('openai', { seed: 7, historyDays: 400 });
  try {
    const realUser = await measure([], { OPENAI_ADMIN_KEY: sim.apiKey, OPENAI_BASE_URL: sim.baseUrl });
    const demo = await measure(['--demo'], {});
    return {
      realUser: { ...realUser, goalPeakRssMb: 150 },
      demo: { ...demo, goalPeakRssMb: 200 },
      goals: { cpuPercentOfOneCore: 1 },
      method:
        'serve (one OpenAI account from the environment, at a local simulator) and serve --demo, after the first sync, no poll in the window; /proc utime+stime, VmRSS and VmHWM',
    };
  } finally {
    await sim.close();
  }
}

async function measure(args: string[], env: Record<string, string>): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-idle-'));
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: 1, syncCron: '0 0 1 1 *' }));
  const child = spawn(
    process.execPath,
    ['dist/cli.mjs', 'serve', ...args, '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OPENAI_ADMIN_KEY: '', OPENAI_BASE_URL: '', ...env },
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  try {
    const t0 = Date.now();
    while (!/running at/.test(output)) {
      if (Date.now() - t0 > 120_000) throw new Error(`serve did not start:\n${output}`);
      await sleep(200);
    }
    const startupSeconds = (Date.now() - t0) / 1000;
    await sleep(SETTLE_MS); // the first sync, its forecast and the first alert evaluation
    const pid = child.pid!;
    const startTicks = cpuTicks(pid);
    const start = Date.now();
    let peakRss = statusMb(pid, 'VmRSS');
    while (Date.now() - start < WINDOW_MS) {
      await sleep(5_000);
      peakRss = Math.max(peakRss, statusMb(pid, 'VmRSS'));
    }
    const cpuSeconds = (cpuTicks(pid) - startTicks) / TICKS_PER_SECOND;
    const wallSeconds = (Date.now() - start) / 1000;
    return {
      startupSeconds: Math.round(startupSeconds * 10) / 10,
      windowSeconds: Math.round(wallSeconds),
      cpuPercentOfOneCore: Math.round((cpuSeconds / wallSeconds) * 100 * 1000) / 1000,
      peakRssMb: Math.round(peakRss),
      highWaterRssMb: Math.round(statusMb(pid, 'VmHWM')),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
