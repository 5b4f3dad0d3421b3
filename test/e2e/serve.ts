// Starts the real Node host (`creditwatch serve`) as a child process for a spec, and talks to its API.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RequestArgs, RequestChannel, RequestResults } from '@core/api-contract';

const READY_LINE = /Creditwatch is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/;

/**
 * The instant every spec's host starts at unless it asks for another: the suite never reads the machine's
 * calendar (a mid-month weekday afternoon; edge-of-month specs pass their own).
 */
export const E2E_NOW = '2026-11-18T15:20:00Z';

export interface ServeOptions {
  demo?: boolean;
  /** `--now`: the host's clock starts here (default `E2E_NOW`). */
  now?: string;
  /** `--demo-faults` spec, e.g. `costs=429:retry-after=30`. */
  demoFaults?: string;
  env?: Record<string, string>;
  /** Files to place in the fresh data dir before start (relative path → content), e.g. a damaged settings.json. */
  files?: Record<string, string>;
}

export interface ServedApp {
  /** The URL with `?token=` that `serve` printed (opening it signs the page in). */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** Calls the API with the bearer token, as a script would; throws with the server's message on an error reply. */
  call<K extends RequestChannel>(channel: K, args: RequestArgs<K>): Promise<RequestResults[K]>;
  stop(): Promise<void>;
}

/** Spawns `node dist/cli.mjs serve --port 0` with a fresh data dir; resolves when it prints its URL. */
export async function startServe(options: ServeOptions = {}): Promise<ServedApp> {
  const cli = process.env.CREDITWATCH_CLI ?? 'dist/cli.mjs';
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-e2e-'));
  for (const [name, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(dataDir, name)), { recursive: true });
    writeFileSync(join(dataDir, name), content);
  }
  const args = [cli, 'serve', '--port', '0', '--data-dir', dataDir, '--now', options.now ?? E2E_NOW];
  if (options.demo) args.push('--demo');
  if (options.demoFaults) args.push('--demo-faults', options.demoFaults);
  // A key in the tester's environment would add a real org; the specs see only what they set up.
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.OPENAI_ADMIN_KEY;
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  // If the test gives up first (its own timeout), the server must not outlive the test worker.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));

  // Waits for the server's own answer, its ready line or its exit, however long a loaded machine takes
  // to start it (the demo's warm-up polls its simulators a few hundred times); the test's timeout is the
  // only limit, so a slow start is never mistaken for a failed one.
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const onData = () => {
      const found = READY_LINE.exec(output);
      if (found) {
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        resolve(found);
      }
    };
    function fail(why: string) {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      reject(new Error(`creditwatch serve did not start (${why}). Output:\n${output}`));
    }
    const onExit = (code: number | null) => fail(`exited with code ${code}`);
    child.stdout.on('data', onData);
    child.on('exit', onExit);
  });
  const [, url, port, token] = match as unknown as [string, string, string, string];
  const origin = `http://127.0.0.1:${port}`;

  return {
    url,
    origin,
    token,
    dataDir,
    output: () => output,
    async call(channel, callArgs) {
      const { status, text } = await postOnFreshConnection(
        `${origin}/api/${channel}`,
        token,
        JSON.stringify(callArgs),
      );
      const body = JSON.parse(text) as { result?: unknown; error?: { message: string } };
      if (status < 200 || status >= 300)
        throw new Error(`${channel} → HTTP ${status}: ${body.error?.message ?? 'no message'}`);
      return body.result as RequestResults[typeof channel];
    },
    stop: () => stopChild(child, dataDir),
  };
}

/**
 * One POST on its own connection. `fetch` reuses idle keep-alive sockets, and on a loaded machine the host
 * may close one just as the next call is written on it ("fetch failed: other side closed"); a fresh
 * connection per call cannot meet a socket the server is closing.
 */
function postOnFreshConnection(
  url: string,
  token: string,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Authorization: `Bearer ${token}`,
          Connection: 'close',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

/** The id of the demo account `oneDemoOrgFiles` sets up. */
export const DEMO_ORG_ID = 'org_demo00000001';

/**
 * A data folder holding one demo account, "Demo organization" (read from the local simulator like every demo
 * account), as `files` for `startServe`; `extra` adds files beside it (e.g. its ledger). Without `demo: true`
 * the host adds no other demo account, so removing this one leaves none.
 */
export function oneDemoOrgFiles(extra: Record<string, string> = {}): Record<string, string> {
  const org = {
    id: DEMO_ORG_ID,
    name: 'Demo organization',
    kind: 'demo',
    provider: 'openai',
    baseUrl: null,
    createdAtMs: Date.parse(E2E_NOW),
  };
  return {
    'settings.json': JSON.stringify({ version: 1, orgs: [org], selectedOrgId: DEMO_ORG_ID }),
    ...extra,
  };
}

/**
 * The address of one account's page (`#/org/<id>`): the given account, else the selected one (the first
 * account when none is). The overview is `app.url` itself.
 */
export async function accountUrl(app: ServedApp, orgId?: string): Promise<string> {
  const list = await app.call('orgs:list', {});
  const id = orgId ?? list.selectedOrgId ?? list.orgs[0]?.id;
  if (!id) throw new Error('accountUrl: there is no account');
  return `${app.url}#/org/${encodeURIComponent(id)}`;
}
