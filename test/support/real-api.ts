/**
 * The app's real handlers over a temporary data folder, as a `CreditwatchApi` for renderer tests: the same
 * argument parsing, wording and events as `creditwatch serve`, with the built-in simulators behind every
 * account and the clock pinned to `nowMs`. Replies cross a JSON round trip, as they do over HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseArgs,
  type CreditwatchApi,
  type EventChannel,
  type EventPayloads,
  type RequestArgs,
  type RequestChannel,
  type RequestResults,
} from '@core/api-contract';
import type { Dashboard } from '@core/dashboard';
import { createApp, type App } from '../../main/app/create-app';
import { createFileSecretStore } from '../../main/services/secrets';
import { createSimClock } from '../../main/simulator/sim-clock';

export interface RealApi extends CreditwatchApi {
  /** Every request in order, as the renderer sent it. */
  readonly calls: Array<{ channel: RequestChannel; args: unknown }>;
  /** The app behind the handlers (its sync engine, settings and event bus). */
  readonly app: App;
  /** Closes the app and deletes its data folder. */
  close(): Promise<void>;
}

export interface RealApiOptions {
  /**
   * The instant the app's clock stands at (it does not move). Without it the app runs on the real clock, as
   * it must to add a real account (a pinned clock is refused then): only for tests where time plays no part.
   */
  nowMs?: number;
  /** Start with the demo accounts, the company demo selected and synced once from its simulator. */
  demo?: boolean;
}

/** Opens the app in a new temporary folder; call `close()` when done. */
export async function openRealApi(options: RealApiOptions): Promise<RealApi> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-renderer-'));
  const app = await createApp({
    dataDir,
    version: '0.0.0-test',
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
    demo: options.demo ?? false,
    ...(options.nowMs === undefined ? {} : { clock: createSimClock({ startMs: options.nowMs, speed: 0 }) }),
  });
  const selected = app.settings.get().selectedOrgId;
  if (options.demo && selected) await app.sync.syncOrg(selected, { force: true });
  const calls: RealApi['calls'] = [];
  return {
    app,
    calls,
    async invoke<K extends RequestChannel>(channel: K, args: RequestArgs<K>): Promise<RequestResults[K]> {
      calls.push({ channel, args });
      const parsed = parseArgs(channel, JSON.parse(JSON.stringify(args ?? {})) as unknown);
      const handler = app.handlers[channel] as (a: typeof parsed) => Promise<RequestResults[K]>;
      const result = await handler(parsed);
      return (result === undefined ? result : JSON.parse(JSON.stringify(result))) as RequestResults[K];
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      return app.bus.subscribe((name, payload) => {
        if ((name as EventChannel) === event) listener(payload as EventPayloads[E]);
      });
    },
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** The company demo's dashboard at `nowMs`, synced from its simulator: a real month of named projects. */
export async function demoDashboard(nowMs: number): Promise<Dashboard> {
  const api = await openRealApi({ nowMs, demo: true });
  try {
    const { selectedOrgId } = await api.invoke('orgs:list', {});
    return await api.invoke('dashboard:get', { orgId: selectedOrgId! });
  } finally {
    await api.close();
  }
}
