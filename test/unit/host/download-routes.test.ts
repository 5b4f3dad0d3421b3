// The Node host's download routes sit behind the same Host and token checks as the API, stream the
// export with a download file name, and answer a bad request with its reason.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '@core/api-contract';
import { planExport } from '@core/export/request';
import type { Org } from '@core/schemas';
import type { AppFiles } from '../../../main/app/app-files';
import { createEventBus } from '../../../main/app/event-bus';
import { startHost, type RunningHost } from '../../../main/host/server';

const NOW = Date.UTC(2026, 10, 18, 15, 20);
const ORG: Org = {
  id: 'org_download01',
  name: 'Acme',
  kind: 'live',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: Date.UTC(2026, 0, 1),
};
const files: AppFiles = {
  plan: (req) => planExport(req, [ORG], NOW),
  async *chunks(plan) {
    yield 'date_utc,cost_usd\r\n';
    for (let i = 0; i < 3; i++) yield `2026-11-0${i + 1},1.000000\r\n`;
    void plan;
  },
  backupText: async () => '{"format":"creditwatch-backup"}\n',
  backupFileName: () => 'creditwatch-backup-2026-11-18.json',
  restore: async () => {
    throw new Error('not used');
  },
};

let host: RunningHost;
let staticDir: string;
beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'cw-dl-'));
  host = await startHost({
    handlers: {} as Handlers,
    bus: createEventBus(),
    files,
    staticDir,
    token: 'secret-token',
  });
});
afterAll(async () => {
  await host.close();
  rmSync(staticDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}
const auth = { authorization: 'Bearer secret-token' };
const EXPORT = '/download/export?org=Acme&from=2026-11-01&to=2026-11-03&what=costs&format=csv';

describe('download routes', () => {
  it('refuse a request without the token, or with a foreign Host header', async () => {
    expect((await get(EXPORT)).status).toBe(401);
    expect((await get('/download/backup')).status).toBe(401);
    expect((await get(EXPORT, { ...auth, host: 'evil.example:80' })).status).toBe(421);
  });

  it('stream the export as an attachment with its file name', async () => {
    const reply = await get(EXPORT, auth);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(reply.headers['content-disposition']).toContain(
      'attachment; filename="creditwatch-costs-acme-2026-11-01-2026-11-03.csv"',
    );
    expect(reply.body.split('\r\n')).toHaveLength(5);
  });

  it('send the backup as an attachment', async () => {
    const reply = await get('/download/backup', auth);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-disposition']).toContain('creditwatch-backup-2026-11-18.json');
    expect(reply.body).toContain('creditwatch-backup');
  });

  it('answer a bad request with its reason', async () => {
    const reversed = await get(
      EXPORT.replace('from=2026-11-01&to=2026-11-03', 'from=2026-11-03&to=2026-11-01'),
      auth,
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatch(/reversed/);
    const unknown = await get(EXPORT.replace('org=Acme', 'org=Nobody'), auth);
    expect(unknown.body).toMatch(/No organization "Nobody"/);
    expect((await get(EXPORT.replace('what=costs', 'what=secrets'), auth)).status).toBe(400);
  });
});
