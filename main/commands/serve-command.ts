/**
 * `creditwatch serve [--demo] [--port N] [--data-dir DIR] [--demo-faults SPEC]`: the monitor in a browser.
 * Runs the same services and handlers as the desktop app and serves the same renderer on 127.0.0.1.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../app/create-app';
import { PinnedClockError } from '../app/pinned-clock';
import { createSimClock } from '../simulator/sim-clock';
import { defaultDataDir } from '../host/data-dir';
import { startHost } from '../host/server';
import { createFileSecretStore } from '../services/secrets';
import type { CommandIo } from './io';
import { UsageError } from './io';
import { parseNowFlag } from './flags';

export const SERVE_HELP = `Usage: creditwatch serve [--demo] [--port N] [--data-dir DIR] [--demo-faults SPEC] [--now ISO]

Runs Creditwatch headless and serves its dashboard at http://127.0.0.1:PORT/?token=… (loopback only).
  --demo              add and select the demo organization (spend from the built-in simulator)
  --port N            port to listen on (default: a free port)
  --data-dir DIR      where settings, history and the key file live (default: ${defaultDataDir()})
  --demo-faults SPEC  make the demo's simulated API fail, e.g. costs=429:retry-after=30 (see creditwatch simulate --help)
  --now ISO           start the clock at this instant (e.g. 2026-12-31T23:30:00Z); it then runs in real time.
                      For demos and tests only: refused with OPENAI_ADMIN_KEY or real organizations in DIR.
Admin keys: set OPENAI_ADMIN_KEY, or add an organization in the page (stored in DIR/keys.json, mode 0600).`;

/** Parses the serve flags; throws UsageError with a clear message. */
export function parseServeArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      demo: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'demo-faults': { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not '${values.port}'.`);
  }
  return {
    nowMs: values.now === undefined ? null : parseNowFlag(values.now),
    help: values.help,
    demo: values.demo,
    port,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    demoFaults: values['demo-faults'] ?? null,
  };
}

/** Runs the host until SIGINT/SIGTERM. Resolves with the exit code. */
export async function runServeCommand(argv: string[], io: CommandIo, version: string): Promise<number> {
  const opts = parseServeArgs(argv);
  if (opts.help) {
    io.out(SERVE_HELP);
    return 0;
  }
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  const log = (line: string) => io.err(`[creditwatch] ${line}`);
  const clock = opts.nowMs === null ? undefined : createSimClock({ startMs: opts.nowMs });
  let app;
  try {
    app = await createApp({
      dataDir: opts.dataDir,
      version,
      transport: 'http',
      secrets: createFileSecretStore(opts.dataDir),
      envAdminKey: process.env.OPENAI_ADMIN_KEY ?? null,
      demoFaults: opts.demoFaults,
      demo: opts.demo,
      log,
      clock,
    });
  } catch (err) {
    if (err instanceof PinnedClockError) throw new UsageError(err.message);
    throw err;
  }
  if (clock)
    log(`clock set to ${new Date(clock.nowMs()).toISOString()} (--now): figures are as of that time.`);
  const staticDir =
    process.env.CREDITWATCH_RENDERER_DIR ?? fileURLToPath(new URL('./renderer/', import.meta.url));
  let host;
  try {
    host = await startHost({
      handlers: app.handlers,
      bus: app.bus,
      files: app.files,
      staticDir,
      port: opts.port,
      log,
    });
  } catch (err) {
    await app.close();
    const code = (err as NodeJS.ErrnoException).code;
    io.err(
      code === 'EADDRINUSE'
        ? `Port ${opts.port} is in use: pick another with --port, or 0 for any free port.`
        : String(err),
    );
    return 1;
  }
  app.start();
  io.out(`Creditwatch is running at ${host.url}`);
  io.out(`Data folder: ${opts.dataDir}. Press Ctrl+C to stop.`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await app.close();
  return 0;
}
