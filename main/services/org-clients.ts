/**
 * Which key and which API address each account is read with: a demo account reads its simulator, the
 * account of OPENAI_ADMIN_KEY reads OpenAI with that key only, any other account reads its provider with
 * the key stored for it — unless its address waits for the user's confirmation or the stored key is
 * another provider's. Keys never leave main and never appear in a message.
 */
import { ENV_ORG_ID } from '@core/backup/reserved-ids';
import { addressHoldReason, isHttpAddress } from '@core/org-address';
import { PROVIDERS, providerOfKey } from '@core/providers';
import type { Org } from '@core/schemas';
import { ClientSetupError } from './api-errors';
import type { GuardedSecrets, KeyState } from './guarded-secrets';
import { createProviderApi } from './providers/create-provider-api';
import type { ProviderApi } from './providers/port';

export interface OrgClientDeps {
  secrets: Pick<GuardedSecrets, 'get' | 'state'>;
  /** The Admin key from the environment, or null. */
  envKey: string | null;
  /** The OpenAI address given with it (OPENAI_BASE_URL), or null for OpenAI's own. */
  envBaseUrl: string | null;
  /** Address and key of the simulator a demo account reads. */
  demoConnection(org: Org): Promise<{ baseUrl: string; apiKey: string }>;
}

export interface OrgClients {
  /** Whether the account's key is there, missing or unreadable (demo accounts need none). */
  keyState(org: Org): Promise<KeyState>;
  hasKey(org: Org): Promise<boolean>;
  /** The API client for the account; throws `ClientSetupError` (words for the user) when it cannot be read. */
  clientFor(org: Org): Promise<ProviderApi>;
}

/** Refuses an environment address that is not http(s), before anything starts. */
export function checkEnvBaseUrl(envKey: string | null, envBaseUrl: string | null): void {
  if (envKey && envBaseUrl && !isHttpAddress(envBaseUrl))
    throw new ClientSetupError(`OPENAI_BASE_URL must be an http or https address, not '${envBaseUrl}'.`);
}

/** Creates the key and client lookup of the app's accounts. */
export function createOrgClients(deps: OrgClientDeps): OrgClients {
  const { envKey, envBaseUrl } = deps;
  const keyFor = async (org: Org): Promise<string | null> =>
    org.id === ENV_ORG_ID ? envKey : deps.secrets.get(org.id);
  const keyState = async (org: Org): Promise<KeyState> => {
    if (org.kind === 'demo') return 'present';
    return org.id === ENV_ORG_ID ? (envKey ? 'present' : 'missing') : deps.secrets.state(org.id);
  };

  const clientFor = async (org: Org): Promise<ProviderApi> => {
    if (org.kind === 'demo') {
      const { baseUrl, apiKey } = await deps.demoConnection(org);
      return createProviderApi(org.provider, { apiKey, baseURL: baseUrl });
    }
    const apiKey = await keyFor(org);
    if (!apiKey) {
      throw new ClientSetupError(
        org.id === ENV_ORG_ID
          ? 'OPENAI_ADMIN_KEY is no longer set: start Creditwatch with it set, or add the organization with its key.'
          : `No ${PROVIDERS[org.provider].keyName} is stored for this account on this machine: remove it and add it again with its key.`,
      );
    }
    // The environment key goes only to OpenAI, at its own address or the one given with it.
    if (org.id === ENV_ORG_ID)
      return createProviderApi('openai', { apiKey, baseURL: envBaseUrl ?? PROVIDERS.openai.baseUrl });
    const held = addressHoldReason(org);
    if (held) throw new ClientSetupError(held);
    const owner = providerOfKey(apiKey);
    if (owner !== null && owner !== org.provider)
      throw new ClientSetupError(
        `The key stored for this account is ${PROVIDERS[owner].name}'s, and the account is on ${PROVIDERS[org.provider].name}: remove the account and add it again with its own key.`,
      );
    return createProviderApi(org.provider, {
      apiKey,
      baseURL: org.baseUrl ?? PROVIDERS[org.provider].baseUrl,
    });
  };

  return { keyState, hasKey: async (org) => (await keyState(org)) === 'present', clientFor };
}
