// The one dispatch both transports (IPC and HTTP) use: schema parse, handler call, envelope.
import { describe, expect, it } from 'vitest';
import { ApiError, type Handlers } from '@core/api-contract';
import { dispatchRequest } from '@core/api-dispatch';

const handlersWith = (impl: Partial<Handlers>): Handlers => impl as Handlers;

describe('dispatchRequest', () => {
  it('passes the parsed argument to the handler and wraps its result', async () => {
    const seen: unknown[] = [];
    const handlers = handlersWith({
      'orgs:select': async (args) => {
        seen.push(args);
        return undefined as never;
      },
    });
    const reply = await dispatchRequest(
      handlers,
      'orgs:select',
      { orgId: 'org_dispatch01' },
      () => {},
      'IPC',
    );
    expect(reply).toEqual({ ok: true, result: undefined });
    expect(seen).toEqual([{ orgId: 'org_dispatch01' }]);
  });

  it('refuses an argument the contract’s schema rejects, without calling the handler', async () => {
    let called = false;
    const handlers = handlersWith({
      'orgs:select': async () => {
        called = true;
        return undefined as never;
      },
    });
    const reply = await dispatchRequest(handlers, 'orgs:select', { orgId: 42 }, () => {}, 'API');
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('invalid-argument');
    expect(called).toBe(false);
  });

  it('passes a user-facing ApiError on unchanged, and logs nothing for it', async () => {
    const log: string[] = [];
    const handlers = handlersWith({
      'orgs:select': async () => {
        throw new ApiError('not-found', 'No such account.');
      },
    });
    const reply = await dispatchRequest(
      handlers,
      'orgs:select',
      { orgId: 'org_dispatch01' },
      (l) => log.push(l),
      'IPC',
    );
    expect(reply).toEqual({ ok: false, error: { code: 'not-found', message: 'No such account.' } });
    expect(log).toEqual([]);
  });

  it('turns an unexpected failure into "internal", logged with the transport and channel', async () => {
    const log: string[] = [];
    const handlers = handlersWith({
      'orgs:select': async () => {
        throw new Error('disk full');
      },
    });
    const reply = await dispatchRequest(
      handlers,
      'orgs:select',
      { orgId: 'org_dispatch01' },
      (l) => log.push(l),
      'API',
    );
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong: disk full' },
    });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^API orgs:select failed: Error: disk full/);
  });
});
