/**
 * Fields the providers' specs mark optional or nullable are tolerated: an OpenAI project without a name
 * (`name` null or absent) is named by its id; DeepSeek's balance answer may lack any of its documented fields.
 */
import { describe, expect, it } from 'vitest';
import { createAdminApi } from '../../../main/services/openai-client';
import { createDeepSeekApi } from '../../../main/services/providers/deepseek-client';

const json =
  (body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('OpenAI projects without a name', () => {
  it('names a project with a null or absent name by its id, keeps the others', async () => {
    const page = {
      object: 'list',
      data: [
        {
          id: 'proj_named',
          object: 'organization.project',
          name: 'Checkout',
          created_at: 1,
          status: 'active',
        },
        { id: 'proj_null', object: 'organization.project', name: null, created_at: 2, status: 'active' },
        { id: 'proj_absent', object: 'organization.project', created_at: 3, status: 'archived' },
      ],
      first_id: 'proj_named',
      last_id: 'proj_absent',
      has_more: false,
    };
    const api = createAdminApi({
      apiKey: 'sk-admin-test',
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: json(page),
    });
    expect(await api.projects()).toEqual([
      { id: 'proj_named', name: 'Checkout' },
      { id: 'proj_null', name: 'proj_null' },
      { id: 'proj_absent', name: 'proj_absent' },
    ]);
  });
});

describe('DeepSeek optional fields', () => {
  const read = (body: unknown) =>
    createDeepSeekApi({ apiKey: `sk-${'a'.repeat(32)}`, fetch: json(body) }).balances();

  it('a missing total is the sum of its parts; missing parts are unknown, not zero', async () => {
    expect(
      await read({
        balance_infos: [
          { currency: 'CNY', granted_balance: '10.00', topped_up_balance: '100.00' },
          { currency: 'USD', total_balance: '5.50' },
        ],
      }),
    ).toEqual([
      {
        currency: 'CNY',
        balanceMicros: 110_000_000,
        creditsMicros: null,
        usageMicros: null,
        grantedMicros: 10_000_000,
        toppedUpMicros: 100_000_000,
      },
      {
        currency: 'USD',
        balanceMicros: 5_500_000,
        creditsMicros: null,
        usageMicros: null,
        grantedMicros: null,
        toppedUpMicros: null,
      },
    ]);
  });

  it('is_available absent reads as unknown; entries without a currency or any total are left out', async () => {
    const api = createDeepSeekApi({
      apiKey: `sk-${'a'.repeat(32)}`,
      fetch: json({
        balance_infos: [{ total_balance: '1.00' }, { currency: 'CNY', granted_balance: '1.00' }],
      }),
    });
    expect(await api.balances()).toEqual([]);
    expect(api.lastAvailable).toBeNull();
    expect(await read({})).toEqual([]);
  });

  it('a present amount that does not parse still fails (a malformed answer, the previous figures kept)', async () => {
    await expect(read({ balance_infos: [{ currency: 'CNY', total_balance: '12,30' }] })).rejects.toThrow();
  });
});
