/**
 * Runs the built desktop main bundle (dist/main/index.mjs) in a child Node process whose `electron` import is
 * the recording stand-in (test/support/electron-stand-in), and gives the test what the shell did and a way to
 * act on it: invoke an IPC channel as a frame, click a tray menu item or a notification.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = join(ROOT, 'dist/main/index.mjs');
const REGISTER = join(ROOT, 'test/support/electron-stand-in/register.mjs');

export interface ShellRecord {
  type: 'record';
  kind: string;
  [field: string]: unknown;
}

/** Builds dist/ when the bundle is missing (a lone `npx vitest run` of this file). */
export function ensureBuilt(): void {
  if (existsSync(BUNDLE)) return;
  const built = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
}

export interface DesktopShell {
  records: ShellRecord[];
  dataDir: string;
  /** Resolves with the first record (from the start) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (r: ShellRecord) => boolean, what: string, timeoutMs?: number): Promise<ShellRecord>;
  command<T>(cmd: string, fields?: Record<string, unknown>): Promise<T>;
  exited: Promise<number | null>;
  stderr(): string;
  kill(): void;
}

/** Starts the desktop shell on a new, empty data folder. */
export function startDesktopShell(): DesktopShell {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-desktop-'));
  let err = '';
  const child: ChildProcess = fork(BUNDLE, [], {
    cwd: ROOT,
    execArgv: ['--import', REGISTER],
    env: { ...process.env, CREDITWATCH_DATA_DIR: dataDir, CREDITWATCH_STANDIN_HOME: dataDir },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const records: ShellRecord[] = [];
  const waiters = new Set<() => void>();
  const replies = new Map<number, (msg: { result?: unknown; error?: string }) => void>();
  let nextId = 1;
  child.on(
    'message',
    (msg: ShellRecord | { type: 'reply'; id: number; result?: unknown; error?: string }) => {
      if (msg.type === 'record') {
        records.push(msg as ShellRecord);
        for (const wake of [...waiters]) wake();
      } else if (msg.type === 'reply') replies.get((msg as { id: number }).id)?.(msg);
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    records,
    dataDir,
    exited,
    stderr: () => err,
    kill: () => child.kill('SIGKILL'),
    waitFor(match, what, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = records.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`desktop shell: no ${what} within ${timeoutMs} ms; stderr:\n${err}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    command<T>(cmd: string, fields: Record<string, unknown> = {}) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        replies.set(id, (msg) => {
          replies.delete(id);
          if (msg.error) reject(new Error(msg.error));
          else resolve(msg.result as T);
        });
        child.send({ id, cmd, ...fields });
      });
    },
  };
}
