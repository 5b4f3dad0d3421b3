/**
 * The `orgs:*` channels: list, add (key checked by a real call before anything is saved), demo,
 * remove and select.
 */
import { ApiError, type Handlers } from '@core/api-contract';
import { wrongProviderKeyProblem, type ProviderId } from '@core/providers';
import type { Org } from '@core/schemas';
import { isHttpAddress } from '@core/org-address';
import { isProjectScopedKey, projectKeyMessage } from '@core/sync-errors';
import type { HandlerDeps } from './handler-deps';
import { findOrg, summarize } from './org-lookup';
import { PINNED_CLOCK_REAL_ORG } from './pinned-clock';
import { ensureDemoOrgs } from './demo-orgs';
import { accountWithKey, duplicateOrgMessage } from './duplicate-org';

type OrgChannels =
  'orgs:list' | 'orgs:add' | 'orgs:startDemo' | 'orgs:remove' | 'orgs:select' | 'orgs:confirmAddress';

export { DEMO_ORG_NAMES } from './demo-orgs';

/** Handlers for the organization channels. */
export function createOrgHandlers(deps: HandlerDeps): Pick<Handlers, OrgChannels> {
  const changed = () => deps.bus.emit('orgs:changed', {});
  const startSync = (orgId: string) => void deps.sync.syncOrg(orgId, { force: true }).catch(() => {});

  return {
    'orgs:list': async () => {
      const s = deps.settings.get();
      return {
        orgs: await Promise.all(s.orgs.map((o) => summarize(deps, o))),
        selectedOrgId: s.selectedOrgId,
      };
    },
    'orgs:add': async ({ name, apiKey, baseUrl, provider = 'openai' }) => {
      const key = apiKey.trim();
      if (/\s/.test(key))
        throw new ApiError('invalid-argument', 'The key contains spaces: paste it again, exactly as shown.');
      // Keys that can never work here are refused at once, without a network round trip.
      if (deps.appInfo.isClockPinned && !baseUrl) throw new ApiError('rejected', PINNED_CLOCK_REAL_ORG);
      const wrongProvider = wrongProviderKeyProblem(provider, key);
      if (wrongProvider) throw new ApiError('rejected', `${wrongProvider} Nothing was saved.`);
      if (provider === 'openai' && isProjectScopedKey(key))
        throw new ApiError(
          'rejected',
          withFullStop(projectKeyMessage(true, 'openai')) + ' Nothing was saved.',
        );
      // The same organization twice would be counted twice: refused at once, naming it.
      const twin = await accountWithKey(deps, key, null);
      if (twin) throw new ApiError('rejected', duplicateOrgMessage(twin));
      let currency: string | null;
      try {
        ({ currency } = await deps.verifyKey(provider, key, baseUrl ?? null));
      } catch (err) {
        throw new ApiError('rejected', `${withFullStop((err as Error).message)} Nothing was saved.`);
      }
      // Adding again an org whose key is missing or unreadable keeps its id, so its ledger and history stay.
      const again = await orgNeedingKey(deps, name, baseUrl ?? null, provider);
      const org: Org = again ?? {
        id: deps.newOrgId(),
        name,
        kind: 'live',
        provider,
        ...(currency ? { currency } : {}),
        baseUrl: baseUrl ?? null,
        createdAtMs: deps.nowMs(),
      };
      await deps.secrets.set(org.id, key);
      await deps.settings.update((s) => ({
        ...s,
        // The user just typed this address with this key: nothing left to confirm.
        orgs: again ? s.orgs.map((o) => (o.id === org.id ? withoutHold(o) : o)) : [...s.orgs, org],
        selectedOrgId: org.id,
      }));
      changed();
      startSync(org.id);
      return summarize(deps, again ? withoutHold(org) : org);
    },
    'orgs:startDemo': async () => {
      const org = await ensureDemoOrgs(deps);
      changed();
      for (const demo of deps.settings.get().orgs) if (demo.kind === 'demo') startSync(demo.id);
      return summarize(deps, org);
    },
    'orgs:remove': async ({ orgId }) => {
      findOrg(deps.settings.get(), orgId);
      await deps.settings.update((s) => {
        const orgs = s.orgs.filter((o) => o.id !== orgId);
        return {
          ...s,
          orgs,
          selectedOrgId: s.selectedOrgId === orgId ? (orgs[0]?.id ?? null) : s.selectedOrgId,
        };
      });
      await deps.secrets.remove(orgId);
      await deps.sync.forget(orgId);
      await deps.money.forget(orgId);
      changed();
      return { removed: true };
    },
    'orgs:confirmAddress': async ({ orgId }) => {
      const org = findOrg(deps.settings.get(), orgId);
      if (!org.addressToConfirm) return summarize(deps, org);
      if (org.baseUrl !== null && !isHttpAddress(org.baseUrl))
        throw new ApiError(
          'rejected',
          `Only http and https addresses can be used, not ${org.baseUrl}: remove this account and add it again with the right address.`,
        );
      const confirmed = withoutHold(org);
      await deps.settings.update((s) => ({
        ...s,
        orgs: s.orgs.map((o) => (o.id === orgId ? withoutHold(o) : o)),
      }));
      changed();
      startSync(orgId);
      return summarize(deps, confirmed);
    },
    'orgs:select': async ({ orgId }) => {
      findOrg(deps.settings.get(), orgId);
      await deps.settings.update((s) => ({ ...s, selectedOrgId: orgId }));
      changed();
      return { selectedOrgId: orgId };
    },
  };
}

/** A configured account of this provider with this name and base URL whose key is missing or unreadable. */
async function orgNeedingKey(
  deps: HandlerDeps,
  name: string,
  baseUrl: string | null,
  provider: ProviderId,
): Promise<Org | null> {
  for (const o of deps.settings.get().orgs) {
    const sameName = o.name.trim().toLowerCase() === name.trim().toLowerCase();
    const same = o.kind === 'live' && o.provider === provider && sameName && o.baseUrl === baseUrl;
    if (same && !(await deps.hasKey(o))) return o;
  }
  return null;
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** The org with its address confirmed. */
function withoutHold(org: Org): Org {
  const { addressToConfirm: _held, ...rest } = org;
  return rest;
}
