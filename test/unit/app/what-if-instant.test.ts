// A what-if changes the answer the page shows, so it is computed at that answer's instant (the one its
// headline quotes), not at whatever the clock reads when the keystroke arrives; once the data change or
// the clock enters another hour, the answer is computed again and the what-if follows it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '@core/time';
import { createApp, type App } from '../../../main/app/create-app';
import { createFileSecretStore } from '../../../main/services/secrets';
import { createSimClock, type AdjustableSimClock } from '../../../main/simulator/sim-clock';

const NOW = Date.UTC(2026, 10, 18, 15, 20);

let dataDir: string;
let app: App;
let clock: AdjustableSimClock;
let orgId: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cw-what-if-'));
  clock = createSimClock({ startMs: NOW, speed: 0 });
  app = await createApp({
    dataDir,
    version: '0.0.0-test',
    transport: 'http',
    secrets: createFileSecretStore(dataDir),
    demo: true,
    clock,
  });
  orgId = app.settings.get().selectedOrgId!;
  await app.sync.syncOrg(orgId, { force: true });
}, 60_000);
afterAll(async () => {
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const whatIfNow = async (balanceMicros: number) => {
  const r = await app.handlers['money:whatIf']({ orgId, balanceMicros });
  expect(r.forecast).not.toBeNull();
  return Date.parse(r.forecast!.now);
};

describe('a what-if', () => {
  it('is computed at the instant of the answer it changes', async () => {
    const answer = await app.handlers['answer:get']({ orgId });
    expect(answer.nowMs).toBe(NOW);
    clock.advance(25 * MINUTE_MS);
    expect(await whatIfNow(40e6)).toBe(answer.nowMs);
    expect(await whatIfNow(41e6)).toBe(answer.nowMs);
  });

  it('follows the answer computed again after the data change', async () => {
    await app.handlers['ledger:addEntry']({
      orgId,
      entry: {
        id: 'typed-1',
        kind: 'observation',
        atMs: clock.nowMs() - MINUTE_MS,
        balanceMicros: 120e6,
        note: '',
      },
    });
    const at = await whatIfNow(40e6);
    expect(at).toBe(clock.nowMs());
    expect(at).toBe((await app.handlers['answer:get']({ orgId })).nowMs);
  });

  it('follows the clock into another hour', async () => {
    clock.advance(HOUR_MS);
    expect(await whatIfNow(40e6)).toBe(clock.nowMs());
  });
});
