import { describe, expect, it } from 'vitest';
import { createHttpApi, type EventSourceLike } from '../../../../renderer/api/http-api';
import { ApiRequestError } from '../../../../renderer/api/request-error';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: string) {
  const calls: Call[] = [];
  const fetchFn = async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { calls, fetch: fetchFn as typeof fetch };
}

class FakeEventSource implements EventSourceLike {
  static last: FakeEventSource | null = null;
  readonly listeners = new Map<string, Set<(e: MessageEvent) => void>>();
  isClosed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.get(type)?.delete(listener);
  }
  close() {
    this.isClosed = true;
  }
  dispatch(type: string, data: string) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data }));
  }
}

describe('createHttpApi().invoke', () => {
  it('POSTs the args as JSON to /api/<channel> with same-origin credentials and returns result', async () => {
    const { calls, fetch } = fakeFetch(200, JSON.stringify({ result: { selectedOrgId: 'org_abcdefgh' } }));
    const api = createHttpApi({ fetch });
    const result = await api.invoke('orgs:select', { orgId: 'org_abcdefgh' });
    expect(result).toEqual({ selectedOrgId: 'org_abcdefgh' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/orgs:select');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect((calls[0]!.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ orgId: 'org_abcdefgh' });
  });

  it("throws an ApiError carrying the server's code and message", async () => {
    const body = { error: { code: 'rejected', message: 'This key needs an Admin key.' } };
    const { fetch } = fakeFetch(422, JSON.stringify(body));
    const error = await createHttpApi({ fetch })
      .invoke('orgs:add', { name: 'Acme', apiKey: 'sk-proj-123456789' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).code).toBe('rejected');
    expect((error as ApiRequestError).message).toBe('This key needs an Admin key.');
  });

  it('maps an unknown error code to internal but keeps the message', async () => {
    const { fetch } = fakeFetch(418, JSON.stringify({ error: { code: 'teapot', message: 'No coffee.' } }));
    await expect(createHttpApi({ fetch }).invoke('app:info', {})).rejects.toMatchObject({
      code: 'internal',
      message: 'No coffee.',
    });
  });

  it('explains a 401 without a JSON body as a missing sign-in', async () => {
    const { fetch } = fakeFetch(401, 'Unauthorized');
    await expect(createHttpApi({ fetch }).invoke('app:info', {})).rejects.toThrow(/not signed in/);
  });

  it('says the app is unreachable when fetch itself fails', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    await expect(createHttpApi({ fetch }).invoke('app:info', {})).rejects.toThrow(/not reachable/);
  });

  it('rejects a 200 reply without a result field instead of returning undefined', async () => {
    const { fetch } = fakeFetch(200, '{"ok":true}');
    await expect(createHttpApi({ fetch }).invoke('app:info', {})).rejects.toThrow(
      /unexpected reply \(HTTP 200\)/,
    );
  });
});

describe('createHttpApi().on', () => {
  it('opens one event stream, parses payloads, and closes it when the last listener leaves', () => {
    const api = createHttpApi({
      fetch: fakeFetch(200, '{}').fetch,
      createEventSource: (url) => new FakeEventSource(url),
    });
    const statuses: unknown[] = [];
    const changes: unknown[] = [];
    const offStatus = api.on('sync:status', (p) => statuses.push(p));
    const offData = api.on('data:changed', (p) => changes.push(p));
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/api/events');

    source.dispatch('data:changed', '{"orgId":"org_abcdefgh"}');
    source.dispatch('data:changed', 'not json'); // dropped, not thrown
    expect(changes).toEqual([{ orgId: 'org_abcdefgh' }]);
    expect(statuses).toEqual([]);

    offData();
    offData(); // a second call is harmless
    source.dispatch('data:changed', '{"orgId":"org_abcdefgh"}');
    expect(changes).toHaveLength(1);
    expect(source.isClosed).toBe(false);
    offStatus();
    expect(source.isClosed).toBe(true);

    api.on('orgs:changed', () => undefined);
    expect(FakeEventSource.last).not.toBe(source); // a new listener reopens the stream
  });
});
