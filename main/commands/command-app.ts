/**
 * The app over a data folder, as a command opens it: keys from the folder's key file and the
 * environment (OPENAI_ADMIN_KEY, OPENAI_BASE_URL), and `--now` as a clock that stands still on that
 * instant, so two runs at the same `--now` say the same.
 */
import { createApp, type App } from '../app/create-app';
import { createFileSecretStore } from '../services/secrets';
import { createSimClock } from '../simulator/sim-clock';

/** Opens the app for a command; `readOnly` adds, finishes and syncs nothing (another process writes). */
export function openCommandApp(opts: {
  dataDir: string;
  version: string;
  nowMs: number | null;
  readOnly: boolean;
}): Promise<App> {
  const { dataDir, version, nowMs, readOnly } = opts;
  return createApp({
    clock: nowMs === null ? undefined : createSimClock({ startMs: nowMs, speed: 0 }),
    dataDir,
    version,
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
    envAdminKey: process.env.OPENAI_ADMIN_KEY ?? null,
    envBaseUrl: process.env.OPENAI_BASE_URL ?? null,
    readOnly,
  });
}
