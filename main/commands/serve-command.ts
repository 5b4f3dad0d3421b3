/**
 * `creditwatch serve [--demo] [--port N] [--data-dir DIR] [--demo-faults SPEC]`: the monitor in a browser.
 * Runs the same services and handlers as the desktop app and serves the same renderer on 127.0.0.1.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../app/create-app';
import { PinnedClockError } from '../app/pinned-clock';
import { createSimClock } from '../simulator/sim-clock';
import { defaultDataDir, demoDataDirBeside } from '../host/data-dir';
import { createFolderSwitch, type FolderKind } from '../host/folder-switch';
import { startHost } from '../host/server';
import { createFileSecretStore } from '../services/secrets';
import type { CommandIo } from './io';
import { UsageError } from './io';
import { busyText, FolderBusyError, lockForWriting } from './folder-writer';
import { parseNowFlag } from './flags';

export const SERVE_HELP = `Usage: creditwatch serve [--demo] [--port N] [--data-dir DIR] [--demo-faults SPEC] [--now ISO]

Runs Creditwatch headless and serves its dashboard at http://127.0.0.1:PORT/?token=… (loopback only).
  --demo              open the demo accounts (spend from the built-in simulators) in the demo's own
                      folder (${demoDataDirBeside(defaultDataDir())}); adding an account there goes back
                      to your own folder. With --data-dir, the demo runs in that folder.
  --port N            port to listen on (default: a free port)
  --data-dir DIR      where settings, history and the key file live (default: ${defaultDataDir()});
                      an empty folder starts empty, with the add-account form and "Try the demo",
                      which opens the demo from DIR-demo
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
    ...serveFolders(values.demo, values['data-dir'] ?? null),
    demoFaults: values['demo-faults'] ?? null,
  };
}

/**
 * The folder serve opens first, and the two it switches between. The demo lives in a folder of its own
 * beside the user's, so its accounts never join theirs; `--demo` with a folder chosen on purpose
 * (--data-dir, CREDITWATCH_DATA_DIR) runs the demo there and switches nothing.
 *
 * Example: no flags → opens ~/.config/Creditwatch, demo in ~/.config/Creditwatch-demo; `--demo` → opens the
 * latter first.
 */
export function serveFolders(
  isDemo: boolean,
  dataDirFlag: string | null,
  env: NodeJS.ProcessEnv = process.env,
): { dataDir: string; folders: { own: string; demo: string } | null } {
  const chosen = dataDirFlag ?? (env.CREDITWATCH_DATA_DIR || null);
  if (isDemo && chosen) return { dataDir: chosen, folders: null };
  const own = chosen ?? defaultDataDir(env);
  const folders = { own, demo: demoDataDirBeside(own) };
  return { dataDir: isDemo ? folders.demo : own, folders };
}

/** Runs the host until SIGINT/SIGTERM. Resolves with the exit code. */
export async function runServeCommand(argv: string[], io: CommandIo, version: string): Promise<number> {
  const opts = parseServeArgs(argv);
  if (opts.help) {
    io.out(SERVE_HELP);
    return 0;
  }
  const log = (line: string) => io.err(`[creditwatch] ${line}`);
  const clock = opts.nowMs === null ? undefined : createSimClock({ startMs: opts.nowMs });
  // One writer per data folder: each folder serve opens is locked while it is open, released at its close.
  const openFolder = async (dataDir: string, isDemo: boolean) => {
    const lock = await lockForWriting(dataDir, 'serve');
    try {
      const opened = await createApp({
        dataDir,
        version,
        transport: 'http',
        secrets: createFileSecretStore(dataDir),
        // The demo's folder never holds a real account, the environment's included.
        envAdminKey: isDemo ? null : (process.env.OPENAI_ADMIN_KEY ?? null),
        envBaseUrl: isDemo ? null : (process.env.OPENAI_BASE_URL ?? null),
        demoFaults: opts.demoFaults,
        demo: isDemo,
        log,
        clock,
      });
      const close = opened.close.bind(opened);
      return {
        ...opened,
        async close() {
          try {
            await close();
          } finally {
            await lock.release();
          }
        },
      };
    } catch (err) {
      await lock.release();
      if (err instanceof PinnedClockError) throw new UsageError(err.message);
      throw err;
    }
  };
  const { folders } = opts;
  let first;
  try {
    first = await openFolder(opts.dataDir, opts.demo);
  } catch (err) {
    if (!(err instanceof FolderBusyError)) throw err;
    io.err(
      busyText(
        err,
        `Open the address it printed, or stop it first (two writers on one folder would lose each other's changes).`,
      ),
    );
    return 1;
  }
  const app = createFolderSwitch({
    first,
    firstKind: opts.demo ? 'demo' : 'own',
    open: folders
      ? async (kind: FolderKind) => {
          const next = await openFolder(folders[kind], kind === 'demo');
          next.start();
          return next;
        }
      : null,
    log,
  });
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
  first.start();
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
