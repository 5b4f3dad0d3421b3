// Which key and address each account is read with, and the refusals a user reads when it cannot be read.
import { describe, expect, it } from 'vitest';
import type { Org } from '@core/schemas';
import { ENV_ORG_ID } from '@core/backup/reserved-ids';
import { ClientSetupError } from '../../../main/services/api-errors';
import { checkEnvBaseUrl, createOrgClients } from '../../../main/services/org-clients';

const org = (over: Partial<Org>): Org => ({
  id: 'org_clients0001',
  name: 'Acme',
  kind: 'live',
  provider: 'openai',
  baseUrl: 'http://127.0.0.1:9/v1',
  createdAtMs: 0,
  ...over,
});

function clientsWith(keys: Record<string, string>, envKey: string | null = null) {
  const demoAsked: string[] = [];
  const clients = createOrgClients({
    secrets: {
      get: async (id) => keys[id] ?? null,
      state: async (id) => (keys[id] ? 'present' : 'missing'),
    },
    envKey,
    envBaseUrl: null,
    demoConnection: async (o) => {
      demoAsked.push(o.id);
      return { baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-admin-demo' };
    },
  });
  return { clients, demoAsked };
}

describe('createOrgClients', () => {
  it('says whether a key is there: demo accounts need none, the environment account has the environment’s', async () => {
    const { clients } = clientsWith({ org_clients0001: 'sk-admin-x' });
    expect(await clients.keyState(org({}))).toBe('present');
    expect(await clients.keyState(org({ id: 'org_other00001' }))).toBe('missing');
    expect(await clients.keyState(org({ id: 'org_demo000001', kind: 'demo' }))).toBe('present');
    expect(await clients.hasKey(org({ id: ENV_ORG_ID }))).toBe(false);
    expect(await clientsWith({}, 'sk-admin-env').clients.hasKey(org({ id: ENV_ORG_ID }))).toBe(true);
  });

  it('reads a demo account from its simulator, with no stored key', async () => {
    const { clients, demoAsked } = clientsWith({});
    await clients.clientFor(org({ id: 'org_demo000001', kind: 'demo' }));
    expect(demoAsked).toEqual(['org_demo000001']);
  });

  it('refuses, in words, an account without a key, one awaiting address confirmation, and another provider’s key', async () => {
    const { clients } = clientsWith({ org_anthropic01: 'sk-ant-admin01-abcdefghijk' });
    await expect(clients.clientFor(org({ id: 'org_nokey000001' }))).rejects.toThrow(
      /No .* is stored for this account/,
    );
    await expect(clients.clientFor(org({ id: ENV_ORG_ID }))).rejects.toThrow(
      /OPENAI_ADMIN_KEY is no longer set/,
    );
    await expect(clients.clientFor(org({ id: 'org_anthropic01', provider: 'openai' }))).rejects.toThrow(
      ClientSetupError,
    );
    await expect(clients.clientFor(org({ id: 'org_anthropic01', provider: 'openai' }))).rejects.toThrow(
      /is Anthropic's, and the account is on OpenAI/,
    );
  });

  it('refuses an environment address that is not http(s), only when an environment key is given', () => {
    expect(() => checkEnvBaseUrl('sk-admin-env', 'ftp://example.com')).toThrow(
      /must be an http or https address/,
    );
    expect(() => checkEnvBaseUrl(null, 'ftp://example.com')).not.toThrow();
    expect(() => checkEnvBaseUrl('sk-admin-env', 'https://example.com/v1')).not.toThrow();
  });
});
