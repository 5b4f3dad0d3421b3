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
  const header = ORG_ID_HEADER[provider];
  if (!header) return withKeyScrubbed(adapterOf(provider, opts), opts.apiKey);
  let seen: string | null = null;
  const inner = opts.fetch ?? ((input, init) => fetch(input, init));
  const recording: typeof fetch = async (input, init) => {
    const res = await inner(input, init);
    const id = res.ok ? res.headers.get(header)?.trim() : undefined;
    if (id && ORG_ID_PATTERN.test(id)) seen = id;
    return res;
  };
  const adapter = adapterOf(provider, { ...opts, fetch: recording });
  return withKeyScrubbed(Object.assign(adapter, { organizationId: () => seen }), opts.apiKey);
}

/**
 * The response header naming the organization a key belongs to, where the provider sends one on every
 * answer (OpenAI API reference "Debugging requests"; Anthropic API overview "Response headers").
 * OpenRouter and DeepSeek name none.
 */
const ORG_ID_HEADER: Record<ProviderId, string | null> = {
  openai: 'openai-organization',
  anthropic: 'anthropic-organization-id',
  openrouter: null,
  deepseek: null,
};
/** What an organization id may look like (`org-…`, a UUID): anything else is ignored. */
const ORG_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

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

/** What checking a key learned about its account. */
export interface VerifiedKey {
  /** The currency the account's API names (balance providers), else null. */
  currency: string | null;
  /** The provider's id of the organization the key belongs to, where the API names it; else null. */
  organizationId: string | null;
}

/**
 * Checks a key with one cheap call before anything is saved; returns what the answer said about the
 * account. Throws a SyncFailure whose message tells the user what to do.
 */
export async function verifyProviderKey(api: ProviderApi, nowMs: number): Promise<VerifiedKey> {
  try {
    if (api.source === 'costs') {
      await api.verify(nowMs);
      return { currency: null, organizationId: api.organizationId?.() ?? null };
    }
    const currency = pickReading(await api.balances(), null).currency;
    return { currency, organizationId: api.organizationId?.() ?? null };
  } catch (err) {
    throw toSyncFailure(err, api.keyKind, api.provider);
  }
}
