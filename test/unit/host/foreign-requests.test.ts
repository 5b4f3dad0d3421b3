// Another page may not drive the host: a page on another site, or on another server of 127.0.0.1 (which a
// browser counts as the same site, whatever the port, and sends the token cookie to), is refused by its
// Sec-Fetch-Site or Origin header — downloads included — even with the token. The host's own page,
// typed addresses and header-less clients (curl, scripts) are served. The `?token=` redirect keeps the rest
// of the query, so a download link with the token still downloads what it asked for.
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '@core/api-contract';
import type { AppFiles } from '../../../main/app/app-files';
import { createEventBus } from '../../../main/app/event-bus';
import { startHost, type RunningHost } from '../../../main/host/server';

const TOKEN = 'secret-token-123';
let host: RunningHost;
let staticDir: string;
let backups = 0;

const files = {
  backupText: async () => {
    backups++;
    return '{"format":"creditwatch-backup"}';
  },
  backupFileName: () => 'creditwatch-backup.json',
} as unknown as AppFiles;
const handlers = new Proxy({} as Handlers, { get: () => async () => ({ ok: true }) });

beforeEach(async () => {
  backups = 0;
  staticDir = mkdtempSync(join(tmpdir(), 'cw-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Creditwatch</title>');
  host = await startHost({ handlers, bus: createEventBus(), files, staticDir, token: TOKEN });
});
afterEach(async () => {
  await host.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function get(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method,
        headers: { host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      },
    );
    req.on('error', reject);
    if (method === 'POST') req.end('{}');
    else req.end();
  });
}

const cookie = () => ({ cookie: `cw_token_${host.port}=${TOKEN}` });

describe('requests from other pages', () => {
  it.each([
    ['another site', { 'sec-fetch-site': 'cross-site' }],
    ['another server on 127.0.0.1', { 'sec-fetch-site': 'same-site' }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['another port as Origin', { origin: 'http://127.0.0.1:1' }],
    ['a sandboxed page', { origin: 'null' }],
  ])('%s cannot download the backup, even with the token cookie', async (_what, headers) => {
    const reply = await get('/download/backup', { ...cookie(), ...headers });
    expect(reply.status).toBe(403);
    expect(backups).toBe(0);
  });

  it('refuses API calls from a foreign Origin, even with the bearer token', async () => {
    const reply = await get(
      '/api/app:info',
      {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        origin: 'http://127.0.0.1:8080',
      },
      'POST',
    );
    expect(reply.status).toBe(403);
  });

  it("serves the host's own page, typed addresses and scripts", async () => {
    const own = { ...cookie(), 'sec-fetch-site': 'same-origin', origin: `http://127.0.0.1:${host.port}` };
    expect((await get('/download/backup', own)).status).toBe(200);
    expect((await get('/download/backup', { ...cookie(), 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await get('/download/backup', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect(backups).toBe(3);
  });
});

describe('the ?token= redirect', () => {
  it('keeps the rest of the query', async () => {
    const reply = await get(`/download/export?what=costs&token=${TOKEN}&from=2026-11-01`, {});
    expect(reply.status).toBe(303);
    expect(reply.location).toBe('/download/export?what=costs&from=2026-11-01');
    expect((await get(`/?token=${TOKEN}`, {})).location).toBe('/');
  });
});
