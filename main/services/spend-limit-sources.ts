/**
 * Where the spend-limit refresher reads from: OpenAI's Admin API and Anthropic's (beta) publish spend
 * limits, OpenRouter the limit of the key it reads with; DeepSeek none. Projects with spend are found in
 * the stored daily costs, so only their limits are read.
 */
import { PROVIDERS, type ProviderId } from '@core/providers';
import type { Org } from '@core/schemas';
import { DAY_MS } from '@core/time';
import { isAdminApi } from './openai-client';
import { isAnthropicApi } from './providers/anthropic-client';
import { isOpenRouterApi } from './providers/openrouter-client';
import type { ProviderApi } from './providers/port';
import type { createSpendLimitSync } from './spend-limit-sync';
import type { OrgHistory } from './stores/history-store';

type SpendLimitDeps = Parameters<typeof createSpendLimitSync>[0];

/** The providers whose API says what an account may spend. */
export const SPEND_LIMIT_PROVIDERS: ReadonlySet<ProviderId> = new Set(['openai', 'anthropic', 'openrouter']);

/** The refresher's sources, from the app's accounts, clients and stored history. */
export function spendLimitSources(deps: {
  orgs(): Org[];
  clientFor(org: Org): Promise<ProviderApi>;
  history(orgId: string): Promise<OrgHistory>;
  nowMs(): number;
}): Omit<SpendLimitDeps, 'log' | 'intervalMs'> {
  return {
    orgs: () => deps.orgs().filter((o) => SPEND_LIMIT_PROVIDERS.has(o.provider)),
    clientFor: async (org) => {
      const api = await deps.clientFor(org);
      if (!isAdminApi(api) && !isAnthropicApi(api) && !isOpenRouterApi(api))
        throw new Error(`${PROVIDERS[org.provider].name} publishes no spend limits.`);
      return api;
    },
    projectsOf: async (orgId) => (await deps.history(orgId)).projects(),
    spendingProjectIds: async (orgId, sinceMs) => {
      const history = await deps.history(orgId);
      const days = await history.costDays({ startMs: sinceMs, endMs: deps.nowMs() + DAY_MS });
      const ids = new Set<string>();
      for (const d of days)
        for (const r of d.rows) if (r.projectId !== null && r.micros > 0) ids.add(r.projectId);
      return ids;
    },
    nowMs: deps.nowMs,
  };
}
