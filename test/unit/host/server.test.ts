import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { ApiError, type Handlers } from '@core/api-contract';
import { createEventBus, type EventBus } from '../../../main/app/event-bus';
import { startHost, type RunningHost } from '../../../main/host/server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  host: RunningHost,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: `127.0.0.1:${host.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const calls: string[] = [];
const handlers = new Proxy({} as Handlers, {
  get: (_t, channel: string) => async (args: unknown) => {
    calls.push(channel);
    if (channel === 'orgs:remove') throw new ApiError('not-found', 'That organization is not configured.');
    if (channel === 'sync:now') throw new Error('boom');
    return { channel, args };
  },
});

let host: RunningHost;
let bus: EventBus;
let staticDir: string;

beforeEach(async () => {
  calls.length = 0;
  staticDir = mkdtempSync(join(tmpdir(), 'cw-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Creditwatch</title>');
  writeFileSync(join(staticDir, 'main.js'), 'console.log(1)');
  bus = createEventBus();
  host = await startHost({ handlers, bus, staticDir, token: 'secret-token-123' });
});
afterEach(async () => {
  await host.close();
  rmSync(staticDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const auth = { authorization: 'Bearer secret-token-123' };
const json = { ...auth, 'content-type': 'application/json' };

describe('Node host admission', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=secret-token-123`);
  });

  it('refuses every request without the token with 401, before routing (no handler runs)', async () => {
    for (const path of [
      '/',
      '/main.js',
      '/api/orgs:list',
      '/api/no-such-channel',
      '/nothing-here',
      '/api/events',
    ]) {
      const reply = await call(host, path, { method: path.startsWith('/api/orgs') ? 'POST' : 'GET' });
      expect(reply.status, path).toBe(401);
    }
    const wrong = await call(host, '/api/orgs:list', {
      method: 'POST',
      headers: { authorization: 'Bearer nope', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const reply = await call(host, '/api/orgs:list', {
      method: 'POST',
      headers: { ...json, host: 'evil.example:80' },
      body: '{}',
    });
    expect(reply.status).toBe(421);
    expect(calls).toEqual([]);
  });

  it('trades ?token= for an HttpOnly SameSite cookie and strips it from the address', async () => {
    const reply = await call(host, '/?token=secret-token-123');
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toContain(`cw_token_${host.port}=secret-token-123`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await call(host, '/', { headers: { cookie: `cw_token_${host.port}=secret-token-123` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Creditwatch</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describe('Node host: cookies, restarts, other local servers', () => {
  it('lets a freshly printed address win over a stale cookie from an earlier start, and replaces it', async () => {
    const stale = { cookie: `cw_token_${host.port}=token-of-the-last-start` };
    const reply = await call(host, '/?token=secret-token-123', { headers: stale });
    expect(reply.status).toBe(303);
    expect(String(reply.headers['set-cookie'])).toContain(`cw_token_${host.port}=secret-token-123`);
    expect((await call(host, '/', { headers: stale })).status).toBe(401);
  });

  it('two hosts on different ports keep their own cookies', async () => {
    const other = await startHost({ handlers, bus, staticDir, token: 'other-token-456' });
    try {
      const both = {
        cookie: `cw_token_${host.port}=secret-token-123; cw_token_${other.port}=other-token-456`,
      };
      expect((await call(host, '/', { headers: both })).status).toBe(200);
      expect((await call(other, '/', { headers: both })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('ignores cookies of other local apps, even ones that are not valid percent-encoding', async () => {
    const reply = await call(host, '/', {
      headers: { cookie: `other_app=50%; cw_token_${host.port}=secret-token-123; x=%E0%A4%A` },
    });
    expect(reply.status).toBe(200);
  });

  it('never redirects off the host', async () => {
    for (const path of [
      '/.//evil.example?token=secret-token-123',
      '//evil.example/?token=secret-token-123',
    ]) {
      const reply = await call(host, path);
      expect(reply.status, path).toBe(303);
      expect(reply.headers.location, path).toMatch(/^\/(?![/\\])/);
    }
  });
});

describe('Node host: odd requests get clear answers', () => {
  it('answers a path that is not valid percent-encoding with 400', async () => {
    expect((await call(host, '/%ZZ', { headers: auth })).status).toBe(400);
    expect((await call(host, '/api/%ZZ', { method: 'POST', headers: json, body: '{}' })).status).toBe(400);
  });

  it('answers a 50 MB body with 413, not a reset connection', async () => {
    const reply = await call(host, '/api/orgs:list', {
      method: 'POST',
      headers: json,
      body: 'x'.repeat(50 * 1024 * 1024),
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toContain('larger than');
    expect(calls).toEqual([]);
  });

  it('reads media types case-insensitively', async () => {
    const reply = await call(host, '/api/orgs:list', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'APPLICATION/JSON; charset=UTF-8' },
      body: '{}',
    });
    expect(reply.status).toBe(200);
  });
});

describe('Node host API routes', () => {
  it('dispatches POST /api/<channel> with zod-parsed arguments', async () => {
    const reply = await call(host, '/api/orgs:select', {
      method: 'POST',
      headers: json,
      body: '{"orgId":"org_abcdefgh12"}',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      result: { channel: 'orgs:select', args: { orgId: 'org_abcdefgh12' } },
    });
  });

  it('rejects invalid arguments with a readable message and never calls the handler', async () => {
    const reply = await call(host, '/api/orgs:select', {
      method: 'POST',
      headers: json,
      body: '{"orgId":"../../etc"}',
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error).toMatchObject({ code: 'invalid-argument' });
    const extra = await call(host, '/api/orgs:list', {
      method: 'POST',
      headers: json,
      body: '{"surprise":1}',
    });
    expect(extra.status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('answers malformed JSON, a wrong content type, an unknown channel and GET with clear errors', async () => {
    expect(
      (await call(host, '/api/orgs:list', { method: 'POST', headers: json, body: '{oops' })).status,
    ).toBe(400);
    expect(
      (
        await call(host, '/api/orgs:list', {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect((await call(host, '/api/orgs:hack', { method: 'POST', headers: json, body: '{}' })).status).toBe(
      404,
    );
    expect((await call(host, '/api/orgs:list', { headers: auth })).status).toBe(405);
  });

  it('maps ApiError codes to statuses and hides nothing the user needs', async () => {
    const notFound = await call(host, '/api/orgs:remove', {
      method: 'POST',
      headers: json,
      body: '{"orgId":"org_abcdefgh12"}',
    });
    expect(notFound.status).toBe(404);
    expect(JSON.parse(notFound.body).error.message).toBe('That organization is not configured.');
    const internal = await call(host, '/api/sync:now', {
      method: 'POST',
      headers: json,
      body: '{"orgId":"org_abcdefgh12"}',
    });
    expect(internal.status).toBe(500);
    expect(JSON.parse(internal.body).error.code).toBe('internal');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      expect((await call(host, path, { headers: auth })).status, path).toBe(404);
    }
  });
});

describe('Node host events', () => {
  it('streams bus events to SSE clients', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${host.port}`, ...auth },
        },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let text = '';
          res.on('data', (c) => {
            text += c;
            if (text.includes('data: {"orgId"')) {
              req.destroy();
              resolve(text);
            }
          });
          setTimeout(() => bus.emit('data:changed', { orgId: 'org_abcdefgh12' }), 50);
        },
      );
      req.on('error', (e) =>
        e.message.includes('aborted') || e.message.includes('socket hang up') ? undefined : reject(e),
      );
      req.end();
    });
    expect(received).toContain('event: data:changed\ndata: {"orgId":"org_abcdefgh12"}');
  });
});

describe('Node host static files', () => {
  it('sends hashed assets cacheable for a year, gzipped when accepted, and the page revalidated', async () => {
    const { gzipSync } = await import('node:zlib');
    writeFileSync(join(staticDir, 'main-ABCDEFGH.js'), 'console.log("hashed")');
    writeFileSync(join(staticDir, 'main-ABCDEFGH.js.gz'), gzipSync('console.log("hashed")'));
    const plain = await call(host, '/main-ABCDEFGH.js', { headers: auth });
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log("hashed")');
    const zipped = await call(host, '/main-ABCDEFGH.js', {
      headers: { ...auth, 'accept-encoding': 'gzip, br' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    const refused = await call(host, '/main-ABCDEFGH.js', {
      headers: { ...auth, 'accept-encoding': 'gzip;q=0' },
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
    const page = await call(host, '/', { headers: auth });
    expect(page.headers['cache-control']).toBe('no-cache');
    const unhashed = await call(host, '/main.js', { headers: auth });
    expect(unhashed.headers['cache-control']).toBe('no-cache');
  });
});
