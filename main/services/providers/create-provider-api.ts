/**
 * One place that turns a provider, a key and an optional base URL into that provider's adapter.
 */
import type { ProviderId } from '@core/providers';
import { toSyncFailure } from '../api-errors';
import { pickReading } from '../balance-sync-run';
import { createAdminApi } from '../openai-client';
import { createAnthropicApi } from './anthropic-client';
import { createDeepSeekApi } from './deepseek-client';
import { createOpenRouterApi } from './openrouter-client';
import type { ProviderApi } from './port';
import { withKeyScrubbed } from './key-scrub';

/**
 * The adapter of `provider` for `apiKey` (`baseURL` null = the provider's own API). Its errors never
 * carry the key, in any of the forms a provider may echo it (see `withKeyScrubbed`).
 */
export function createProviderApi(
  provider: ProviderId,
  opts: { apiKey: string; baseURL: string | null; fetch?: typeof fetch },
): ProviderApi {
  return withKeyScrubbed(adapterOf(provider, opts), opts.apiKey);
}

function adapterOf(
  provider: ProviderId,
  opts: { apiKey: string; baseURL: string | null; fetch?: typeof fetch },
): ProviderApi {
  switch (provider) {
    case 'openai':
      return createAdminApi(opts);
    case 'anthropic':
      return createAnthropicApi(opts);
    case 'openrouter':
      return createOpenRouterApi(opts);
    case 'deepseek':
      return createDeepSeekApi(opts);
  }
}

/**
 * Checks a key with one cheap call before anything is saved; returns the currency the account's API
 * names (balance providers), else null. Throws a SyncFailure whose message tells the user what to do.
 */
export async function verifyProviderKey(
  api: ProviderApi,
  nowMs: number,
): Promise<{ currency: string | null }> {
  try {
    if (api.source === 'costs') {
      await api.verify(nowMs);
      return { currency: null };
    }
    return { currency: pickReading(await api.balances(), null).currency };
  } catch (err) {
    throw toSyncFailure(err, api.keyKind, api.provider);
  }
}
