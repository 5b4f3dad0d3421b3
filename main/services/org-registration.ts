/**
 * The rules for adding an account with its key (`orgs:add`): keys that can never work are refused at
 * once without a network call, the same organization is never added twice, the key is checked by one
 * real call before anything is saved, and adding again an account whose key is missing keeps its id
 * (so its ledger and history stay). Every refusal says "Nothing was saved."
 */
import { ApiError } from '@core/api-contract';
import { wrongProviderKeyProblem, type ProviderId } from '@core/providers';
import type { Org } from '@core/schemas';
import { isProjectScopedKey, projectKeyMessage } from '@core/sync-errors';
import {
  accountOfOrganization,
  accountWithKey,
  duplicateOrgMessage,
  sameOrganizationMessage,
} from './duplicate-org';
import type { SecretStore } from './secrets';
import type { SettingsStore } from './stores/settings-store';

/** Refusal of a real account while the clock is pinned (`serve --now`), for demos and tests only. */
export const PINNED_CLOCK_REAL_ORG =
  'This monitor runs on a clock set with --now (for demos and tests), so it cannot watch an organization ' +
  'on the real OpenAI API. Restart it without --now to add one. Nothing was saved.';

/** What adding an account reads and writes. */
export interface OrgRegistrationDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  /** The app runs on a pinned clock: only accounts at a local address (a simulator) can be added. */
  isClockPinned: boolean;
  /**
   * Checks a key with one call; resolves with the currency the API names (balance providers), else null,
   * and the provider's id of the key's organization where the API names it.
   */
  verifyKey(
    provider: ProviderId,
    apiKey: string,
    baseUrl: string | null,
  ): Promise<{ currency: string | null; organizationId?: string | null }>;
  /** Whether an account has a usable key. */
  hasKey(org: Org): Promise<boolean>;
  newOrgId(): string;
  nowMs(): number;
}

/** An account as the user typed it. */
export interface NewOrgRequest {
  name: string;
  apiKey: string;
  baseUrl?: string | null;
  provider: ProviderId;
}

/**
 * Checks the key, stores it and saves the account as selected; returns the account as saved.
 * Throws an `ApiError` whose message is for the user, with nothing saved, when a rule refuses it.
 */
export async function registerOrg(deps: OrgRegistrationDeps, request: NewOrgRequest): Promise<Org> {
  const { name, provider } = request;
  const baseUrl = request.baseUrl ?? null;
  const key = request.apiKey.trim();
  if (/\s/.test(key))
    throw new ApiError('invalid-argument', 'The key contains spaces: paste it again, exactly as shown.');
  // Keys that can never work here are refused at once, without a network round trip.
  if (deps.isClockPinned && !baseUrl) throw new ApiError('rejected', PINNED_CLOCK_REAL_ORG);
  const wrongProvider = wrongProviderKeyProblem(provider, key);
  if (wrongProvider) throw new ApiError('rejected', `${wrongProvider} Nothing was saved.`);
  if (provider === 'openai' && isProjectScopedKey(key))
    throw new ApiError('rejected', withFullStop(projectKeyMessage(true, 'openai')) + ' Nothing was saved.');
  // The same organization twice would be counted twice: refused at once, naming it.
  const twin = await accountWithKey(deps, key, null);
  if (twin) throw new ApiError('rejected', duplicateOrgMessage(twin));
  let currency: string | null;
  let providerOrgId: string | null;
  try {
    const verified = await deps.verifyKey(provider, key, baseUrl);
    currency = verified.currency;
    providerOrgId = verified.organizationId ?? null;
  } catch (err) {
    throw new ApiError('rejected', `${withFullStop((err as Error).message)} Nothing was saved.`);
  }
  // Adding again an org whose key is missing or unreadable keeps its id, so its ledger and history stay.
  const again = await orgNeedingKey(deps, name, baseUrl, provider);
  // Another key of an organization already here (the API names the same organization id): refused, naming it.
  if (providerOrgId) {
    const same = accountOfOrganization(deps.settings.get().orgs, provider, providerOrgId, again?.id ?? null);
    if (same) throw new ApiError('rejected', sameOrganizationMessage(same));
  }
  const org: Org = again ?? {
    id: deps.newOrgId(),
    name,
    kind: 'live',
    provider,
    ...(currency ? { currency } : {}),
    baseUrl,
    createdAtMs: deps.nowMs(),
  };
  const confirmed = (o: Org): Org => (providerOrgId ? { ...withoutHold(o), providerOrgId } : withoutHold(o));
  await deps.secrets.set(org.id, key);
  await deps.settings.update((s) => ({
    ...s,
    // The user just typed this address with this key: nothing left to confirm.
    orgs: again ? s.orgs.map((o) => (o.id === org.id ? confirmed(o) : o)) : [...s.orgs, confirmed(org)],
    selectedOrgId: org.id,
  }));
  return confirmed(org);
}

/** A configured account of this provider with this name and base URL whose key is missing or unreadable. */
async function orgNeedingKey(
  deps: Pick<OrgRegistrationDeps, 'settings' | 'hasKey'>,
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
export function withoutHold(org: Org): Org {
  const { addressToConfirm: _held, ...rest } = org;
  return rest;
}
