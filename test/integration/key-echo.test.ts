// A provider that echoes the key in its error text — without its prefix, URL-encoded or in base64 — must
// not get it onto the page (sync status), the event stream or a log line. A loopback stand-in for the
// provider answers 400 with the key in the form under test; the sync's words are then searched for it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderId } from '@core/providers';
import { createApp } from '../../main/app/create-app';
import { createFileSecretStore } from '../../main/services/secrets';
import { keyForms } from '../../main/services/providers/key-scrub';

const OPENAI_KEY = 'sk-admin-AbC+dEf/GhI=jKl_0123456789mnopQRST';
const OPENROUTER_KEY = `sk-or-v1-${'0123456789abcdef'.repeat(4)}`;
const ORG = 'org_keyecho00001';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const FORMS: [string, (key: string) => string][] = [
  ['without its prefix', (k) => k.replace(/^sk-(admin|or-v1)-/, '')],
  ['without sk-', (k) => k.slice(3)],
  ['URL-encoded', (k) => encodeURIComponent(k)],
  ['in base64', (k) => b64(k)],
  ['in base64 without its prefix', (k) => b64(k.replace(/^sk-(admin|or-v1)-/, ''))],
];

let dir: string;
let server: Server;
let echo = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-echo-'));
  server = createServer((_req, res) => {
    res.writeHead(400, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        error: { message: `Incorrect API key provided: ${echo}.`, code: 'invalid_api_key' },
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
});
afterEach(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

async function syncWords(provider: ProviderId, key: string): Promise<string> {
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const org = { id: ORG, name: 'Echo', kind: 'openai', provider, baseUrl, createdAtMs: 1_764_547_200_000 };
  await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, orgs: [org] }));
  await writeFile(join(dir, 'keys.json'), JSON.stringify({ version: 1, keys: { [ORG]: key } }), {
    mode: 0o600,
  });
  const seen: string[] = [];
  const app = await createApp({
    dataDir: dir,
    version: '0',
    transport: 'http',
    secrets: createFileSecretStore(dir),
    log: (line) => seen.push(line),
  });
  app.bus.subscribe((event, payload) => seen.push(`${event} ${JSON.stringify(payload)}`));
  try {
    await app.sync.syncOrg(ORG, { force: true });
    const board = await app.handlers['dashboard:get']({ orgId: ORG });
    seen.push(JSON.stringify(board.sync));
    expect(board.sync.state, 'the stand-in refused the request').toBe('error');
    return seen.join('\n');
  } finally {
    await app.close();
  }
}

describe('a key echoed by the provider', () => {
  for (const [provider, key] of [
    ['openai', OPENAI_KEY],
    ['openrouter', OPENROUTER_KEY],
  ] as const) {
    it.each(FORMS)(`${provider}: %s never reaches the page, events or log`, async (_what, form) => {
      echo = form(key);
      const words = await syncWords(provider, key);
      expect(words).toContain('Incorrect API key provided');
      expect(words).not.toContain(echo);
    });
  }

  it('knows the forms it removes', () => {
    const forms = keyForms(OPENAI_KEY);
    for (const [, form] of FORMS) expect(forms).toContain(form(OPENAI_KEY));
  });
});
