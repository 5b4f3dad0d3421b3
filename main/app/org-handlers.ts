/**
 * The `orgs:*` channels: list, add (key checked by a real call before anything is saved), demo,
 * remove and select.
 */
import { ApiError, type Handlers } from '@core/api-contract';
import { isHttpAddress } from '@core/org-address';
import type { MoneyService } from '../services/money';
import { registerOrg, withoutHold, type OrgRegistrationDeps } from '../services/org-registration';
import type { SyncEngine } from '../services/sync';
import type { EventBus } from './event-bus';
import { findOrg, summarize, type KeyStateDeps } from './org-lookup';
import { ensureDemoOrgs, type DemoOrgDeps } from './demo-orgs';

type OrgChannels =
  'orgs:list' | 'orgs:add' | 'orgs:startDemo' | 'orgs:remove' | 'orgs:select' | 'orgs:confirmAddress';

/**
 * What the organization channels use: what adding an account (`registerOrg`), adding the demo accounts and
 * summarizing an account each need, and the bus, sync and money they tell of an account added or removed.
 */
export interface OrgHandlerDeps extends OrgRegistrationDeps, DemoOrgDeps, KeyStateDeps {
  bus: Pick<EventBus, 'emit'>;
  sync: Pick<SyncEngine, 'syncOrg' | 'forget'>;
  money: Pick<MoneyService, 'addEntry' | 'updateBilling' | 'forget'>;
}

/** Handlers for the organization channels. */
export function createOrgHandlers(deps: OrgHandlerDeps): Pick<Handlers, OrgChannels> {
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
      const org = await registerOrg(deps, { name, apiKey, baseUrl: baseUrl ?? null, provider });
      changed();
      startSync(org.id);
      return summarize(deps, org);
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
