/**
 * DeepSeek as a `BalanceApi`: one GET /user/balance per reading, one reading per currency the account
 * holds (CNY or USD), amounts parsed exactly from DeepSeek's decimal strings.
 */
import { PROVIDERS } from '@core/providers';
import { DeepSeekBalanceSchema } from './deepseek-schemas';
import { getJson } from './http';
import type { BalanceApi, BalanceReading, KeyKind } from './port';

export interface DeepSeekApiOptions {
  apiKey: string;
  /** Default https://api.deepseek.com (the simulator's `baseUrl` in tests). */
  baseURL?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Kind of a DeepSeek key from its shape. Example: 'sk-' + 32 hex digits → 'admin'; anything else → 'other'. */
export function deepSeekKeyKind(apiKey: string): KeyKind {
  return /^sk-[0-9a-f]{32}$/.test(apiKey.trim()) ? 'admin' : 'other';
}

/**
 * Creates the client. `balances()` makes ONE request; `lastAvailable` then holds `is_available`.
 *
 * Example: `{"is_available":true,"balance_infos":[{"currency":"CNY","total_balance":"110.00",
 * "granted_balance":"10.00","topped_up_balance":"100.00"}]}` → one CNY reading: balanceMicros 110_000_000,
 * grantedMicros 10_000_000, toppedUpMicros 100_000_000 (credits and usage: null, DeepSeek does not say).
 */
export function createDeepSeekApi(opts: DeepSeekApiOptions): BalanceApi {
  const base = (opts.baseURL ?? PROVIDERS.deepseek.baseUrl).replace(/\/+$/, '');
  const apiKey = opts.apiKey.trim();
  let lastAvailable: boolean | null = null;
  async function balances(): Promise<BalanceReading[]> {
    const body = await getJson({
      url: `${base}/user/balance`,
      headers: { authorization: `Bearer ${apiKey}` },
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    const parsed = DeepSeekBalanceSchema.parse(body);
    lastAvailable = parsed.is_available ?? null;
    const out: BalanceReading[] = [];
    for (const info of parsed.balance_infos ?? []) {
      const granted = info.granted_balance ?? null;
      const toppedUp = info.topped_up_balance ?? null;
      const total = info.total_balance ?? (granted !== null && toppedUp !== null ? granted + toppedUp : null);
      // Without a currency or any way to know the total, the entry says nothing usable.
      if (info.currency === undefined || total === null) continue;
      out.push({
        currency: info.currency,
        balanceMicros: total,
        creditsMicros: null,
        usageMicros: null,
        grantedMicros: granted,
        toppedUpMicros: toppedUp,
      });
    }
    return out;
  }
  return {
    provider: 'deepseek',
    source: 'balance',
    keyKind: deepSeekKeyKind(apiKey),
    get lastAvailable() {
      return lastAvailable;
    },
    balances,
    async verify() {
      await balances();
    },
  };
}
