// Crash loop: a populated app (the demo org syncing, ledger entries being added) is killed with SIGKILL
// at a random moment, again and again, on the same data folder. Counts files that do not parse after a
// kill, problems the app reports when it starts again, and acknowledged ledger writes that are missing.
// Then restores killed half-way: the next start must bring every account back and say so.
// "filesCorrupted", "acknowledgedWritesLost", "accountsMissing" and "ledgersWithoutAccount" must be 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '@core/random';
import { restoreAndKill, startAppOn, threeAccountBackup } from '../support/killed-restore';

const KILLS = Number(process.env.CRASH_LOOP_KILLS ?? 50);
/** Rounds in which two processes start on the folder at once (one must be refused, nothing lost). */
const PAIRS = Number(process.env.CRASH_LOOP_PAIRS ?? 10);
const child = new URL('./crash-child.ts', import.meta.url).pathname;
/** Restores killed with SIGKILL after their ledger writes and before their settings write. */
const RESTORE_KILLS = Number(process.env.CRASH_LOOP_RESTORE_KILLS ?? 5);
/** Kills restores mid-way; after each, the next start must finish it (every account back) and say so. */
async function killDuringRestore(): Promise<Record<string, unknown>> {
  const root = mkdtempSync(join(tmpdir(), 'cw-crash-restore-'));
  let accountsMissing = 0;
  let ledgersWithoutAccount = 0;
  let reported = 0;
  try {
    const { file, orgIds } = await threeAccountBackup(root);
    for (let i = 0; i < RESTORE_KILLS; i++) {
      const dataDir = join(root, `target-${i}`);
      await restoreAndKill(dataDir, file);
      const app = await startAppOn(dataDir);
      try {
        const ids = new Set((await app.handlers['orgs:list']({})).orgs.map((o) => o.id));
        accountsMissing += orgIds.filter((id) => !ids.has(id)).length;
        ledgersWithoutAccount += readdirSync(dataDir)
          .filter((n) => /^ledger-.*\.json$/.test(n))
          .filter((n) => !ids.has(n.slice('ledger-'.length, -'.json'.length))).length;
        const { problems } = await app.handlers['app:problems']({});
        if (problems.some((p) => /was cut off before it finished/.test(p.message))) reported++;
      } finally {
        await app.close();
      }
    }
    return {
      restoreKills: RESTORE_KILLS,
      accountsMissing,
      ledgersWithoutAccount,
      restoresReportedAtNextStart: reported,
    };
  } finally {
    rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

/** JSON files below `dir` (temp files and set-aside copies excluded) that do not parse. */
function unparsable(dir: string): string[] {
  const bad: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) bad.push(...unparsable(path));
    else if (name.endsWith('.json') && !name.startsWith('.')) {
      try {
        JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        bad.push(path);
      }
    }
  }
  return bad;
}

/** Runs the child until READY plus a random delay, then SIGKILLs it; returns the ACKed ids and problems. */
function runOnce(
  dataDir: string,
  prefix: string,
  delayMs: number,
): Promise<{ acked: string[]; problems: string[]; busy: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, prefix], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    const problems: string[] = [];
    let buffer = '';
    let timer: NodeJS.Timeout | null = null;
    let busy = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ACK ')) acked.push(line.slice(4));
        else if (line.startsWith('PROBLEM ')) problems.push(line.slice(8));
        else if (line.startsWith('BUSY ')) busy = true;
        else if (line === 'READY' && !timer) timer = setTimeout(() => proc.kill('SIGKILL'), delayMs);
      }
    });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ acked, problems, busy: false });
      else if (code === 3 && busy) resolve({ acked, problems, busy: true });
      else reject(new Error(`child exited (${code}) before the kill: ${stderr.slice(-2000)}`));
    });
  });
}

export async function bench(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-crash-'));
  const random = createRandom(7);
  const acked = new Set<string>();
  const corrupted = new Set<string>();
  const reported: string[] = [];
  const started = Date.now();
  try {
    for (let i = 0; i < KILLS; i++) {
      const run = await runOnce(dataDir, `k${i}`, Math.round(100 + random() * 1400));
      run.acked.forEach((id) => acked.add(id));
      reported.push(...run.problems);
      for (const f of unparsable(dataDir)) corrupted.add(f);
    }
    // Two processes on one folder at once: the second is refused while the first lives (or takes over
    // once it was killed); either way no acknowledged write may be lost.
    let refused = 0;
    for (let i = 0; i < PAIRS; i++) {
      const runs = await Promise.all([
        runOnce(dataDir, `p${i}a`, Math.round(100 + random() * 1400)),
        runOnce(dataDir, `p${i}b`, Math.round(100 + random() * 1400)),
      ]);
      for (const run of runs) {
        run.acked.forEach((id) => acked.add(id));
        reported.push(...run.problems);
        if (run.busy) refused++;
      }
      for (const f of unparsable(dataDir)) corrupted.add(f);
    }
    const app = await startAppOn(dataDir);
    const problems = (await app.handlers['app:problems']({})).problems.map((p) => p.message);
    const orgId = app.settings.get().orgs.find((o) => o.kind === 'demo')!.id;
    const stored = new Set((await app.handlers['ledger:get']({ orgId })).entries.map((e) => e.id));
    await app.close();
    const lost = [...acked].filter((id) => !stored.has(id));
    const killedRestores = await killDuringRestore();
    return {
      method: `${KILLS} SIGKILLs at random moments (100–1500 ms after start) while the demo org syncs continuously and ledger entries are added one after another; then ${PAIRS} rounds of two such processes started at once on the folder (each holds the folder's lock or is refused); the same data folder throughout; then ${RESTORE_KILLS} restores of a three-account backup killed between their ledger writes and their settings write, each followed by a start on that folder`,
      kills: KILLS,
      twoProcessRounds: PAIRS,
      secondWriterRefused: refused,
      acknowledgedWrites: acked.size,
      acknowledgedWritesLost: lost.length,
      filesCorrupted: corrupted.size,
      problemsReportedOnRestart: reported.length + problems.length,
      killDuringRestore: killedRestores,
      seconds: Math.round((Date.now() - started) / 1000),
      ...(lost.length ? { lostIds: lost.slice(0, 10) } : {}),
      ...(corrupted.size ? { corruptedFiles: [...corrupted].slice(0, 10) } : {}),
      ...(reported.length + problems.length ? { problems: [...reported, ...problems].slice(0, 5) } : {}),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
