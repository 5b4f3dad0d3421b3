/**
 * The balance demos (OpenRouter, DeepSeek) read spend from how the balance moves, so a new account has
 * no spend history until it has been polled for a while. A new demo account is given that history the
 * honest way: the real adapter and sync step poll a second simulator of the same demo every six hours
 * over the last `WARM_UP_DAYS` days (from UTC midnights), as if Creditwatch had been running then. OpenRouter
 * needs one reading at today's midnight: its first sync then reads 30 days of per-model spend from
 * `/activity`, as a real account's does.
 */
import { PROVIDERS } from '@core/providers';
import { INITIAL_SYNC_STATUS, type Org } from '@core/schemas';
import { EMPTY_CURSOR } from '@core/sync-plan';
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';
import { runBalanceSync } from '../services/balance-sync-run';
import { createProviderApi } from '../services/providers/create-provider-api';
import type { OrgHistory } from '../services/stores/history-store';
import { createSimClock } from '../simulator/sim-clock';
import type { DemoBackend } from './demo-backend';
import { demoProfileOf } from './demo-orgs';

/** Days of readings a new balance demo starts with. */
export const WARM_UP_DAYS = 45;
/**
 * One reading every six hours: a reading that holds a top-up hides the spend of its interval (DeepSeek
 * has no usage counter), so a finer step hides less; 180 readings take well under a second.
 */
export const WARM_UP_STEP_MS = 6 * HOUR_MS;

/** Fills `history` of the new demo account `org` (a balance provider; others are left alone). */
export async function warmUpBalanceDemo(opts: {
  org: Org;
  history: OrgHistory;
  demo: DemoBackend;
  nowMs: number;
}): Promise<void> {
  const { org, history } = opts;
  if (org.kind !== 'demo' || PROVIDERS[org.provider].source !== 'balance') return;
  if (history.sync().cursor.backfillStartMs !== null) return; // it has history already
  const clock = createSimClock({ startMs: opts.nowMs, speed: 0 });
  const sim = await opts.demo.pastConnection(demoProfileOf(org), clock);
  try {
    const api = createProviderApi(org.provider, { apiKey: sim.apiKey, baseURL: sim.baseUrl });
    if (api.source !== 'balance') return;
    let cursor = EMPTY_CURSOR;
    let lastMs: number | null = null;
    const today = startOfUtcDay(opts.nowMs);
    // A provider that publishes past spend (OpenRouter /activity) needs one reading, at today's midnight,
    // as if the account had been connected then: its first sync fills the 30 days before from /activity.
    const firstAt = api.activity ? today : today - WARM_UP_DAYS * DAY_MS;
    for (let at = firstAt; at <= today; at += WARM_UP_STEP_MS) {
      clock.set(at);
      ({ cursor } = await runBalanceSync({
        api,
        history,
        cursor,
        nowMs: at,
        currency: org.currency ?? null,
      }));
      lastMs = at;
    }
    const status = {
      ...INITIAL_SYNC_STATUS,
      state: 'ok' as const,
      lastAttemptMs: lastMs,
      lastSuccessMs: lastMs,
    };
    await history.saveSync(status, cursor);
  } finally {
    await sim.close();
  }
}
