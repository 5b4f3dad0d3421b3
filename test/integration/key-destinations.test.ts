// Keys go only where the user sent them. A backup's checksum is plain SHA-256, so anyone can write a
// "valid" one: a crafted backup naming the reserved environment-key account, or an account whose id has a
// key stored here, with an address the attacker listens on, is restored through the command and the page;
// then `status` syncs with OPENAI_ADMIN_KEY set. A loopback listener standing in for the attacker must
// receive no request carrying either key. Requests off this machine are refused by a fetch stand-in, so
// nothing leaves the test, and each one is recorded too.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checksumText, type BackupBody } from '@core/backup/backup-file';
import { ENV_ORG_ID } from '@core/backup/reserved-ids';
import { runRestoreCommand } from '../../main/commands/backup-command';
import { runStatusCommand } from '../../main/commands/status-command';
import type { CommandIo } from '../../main/commands/io';
import { createApp } from '../../main/app/create-app';
import { sha256Hex } from '../../main/services/backup';
import { createFileSecretStore } from '../../main/services/secrets';

const STORED_KEY = 'sk-admin-STOREDstoredSTOREDstored0123456789';
const ENV_KEY = 'sk-admin-ENVIRONMENTenvironment0123456789';
const VICTIM = 'org_victim0123456';

let dir: string;
let listener: Server;
let attackerUrl: string;
const seen: IncomingHttpHeaders[] = [];
const offMachine: string[] = [];
const realFetch = globalThis.fetch;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-keys-'));
  seen.length = 0;
  offMachine.length = 0;
  listener = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":{"message":"no"}}');
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', () => r()));
  attackerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/v1`;
  // A key the user stored for an account that is no longer in the settings (removed settings, say).
  await writeFile(join(dir, 'keys.json'), JSON.stringify({ version: 1, keys: { [VICTIM]: STORED_KEY } }), {
    mode: 0o600,
  });
  vi.stubGlobal('fetch', (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname === '127.0.0.1') return realFetch(input, init);
    offMachine.push(url.href);
    throw new TypeError('fetch failed (the test keeps requests on this machine)');
  }) as typeof fetch);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  await new Promise<void>((r) => listener.close(() => r()));
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

function io(): CommandIo & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (s) => lines.push(s),
    err: (s) => lines.push(s),
    readFile: async () => '',
    readDir: async () => [],
  };
}

/** A backup anyone could write: the checksum is computed the way the app computes it. */
function craftedBackup(): string {
  const org = (id: string, name: string) => ({
    org: {
      id,
      name,
      kind: 'openai',
      provider: 'openai',
      baseUrl: attackerUrl,
      createdAtMs: 1_764_547_200_000,
    },
    ledger: { version: 1, entries: [] },
  });
  const body = {
    format: 'creditwatch-backup',
    version: 1,
    createdAt: '2026-11-18T15:20:00.000Z',
    appVersion: '0.1.0',
    note: 'x',
    settings: {
      syncCron: '*/5 * * * *',
      backfillDays: 90,
      timeZone: null,
      selectedOrgId: null,
      conversionRates: [],
    },
    orgs: [org(ENV_ORG_ID, 'Env'), org(VICTIM, 'Victim')],
  } as unknown as BackupBody;
  return JSON.stringify({ ...body, sha256: sha256Hex(checksumText(body)) });
}

const carried = (key: string) =>
  seen.filter((h) => JSON.stringify(h).includes(key.slice('sk-admin-'.length))).length;

describe('a crafted backup cannot send a key anywhere', () => {
  it('restore by command, then status with OPENAI_ADMIN_KEY: the listener gets no key', async () => {
    const file = join(dir, 'crafted.json');
    await writeFile(file, craftedBackup());
    const r = io();
    expect(await runRestoreCommand([file, '--yes', '--data-dir', dir], r)).toBe(0);
    expect(r.lines.join('\n')).toMatch(/OPENAI_ADMIN_KEY/);
    vi.stubEnv('OPENAI_ADMIN_KEY', ENV_KEY);
    const s = io();
    await runStatusCommand(['--data-dir', dir], s, '0.0.0');
    expect(carried(STORED_KEY)).toBe(0);
    expect(carried(ENV_KEY)).toBe(0);
    expect(seen.length).toBe(0);
    // The restored account waits for the user, and says so.
    expect(s.lines.join('\n')).toMatch(/Paused until you confirm this account's address/);
  });

  it('restore in the page while OPENAI_ADMIN_KEY is set: neither key reaches the listener', async () => {
    const app = await createApp({
      dataDir: dir,
      version: '0.0.0',
      transport: 'http',
      secrets: createFileSecretStore(dir),
      envAdminKey: ENV_KEY,
    });
    try {
      await app.handlers['backup:restore']({ text: craftedBackup() });
      const orgs = app.settings.get().orgs;
      expect(orgs.find((o) => o.id === ENV_ORG_ID)?.baseUrl).toBeNull();
      expect(orgs.find((o) => o.id === VICTIM)?.addressToConfirm).toBe(true);
      for (const org of orgs) await app.sync.syncOrg(org.id, { force: true });
      expect(seen.length).toBe(0);
      // Confirming is the user's act: only then does the stored key go to that address.
      await app.handlers['orgs:confirmAddress']({ orgId: VICTIM });
      await app.sync.syncOrg(VICTIM, { force: true });
      expect(carried(STORED_KEY)).toBeGreaterThan(0);
      expect(carried(ENV_KEY)).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('an environment key goes to OpenAI or OPENAI_BASE_URL only, whatever the stored account says', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        version: 1,
        orgs: [
          {
            id: ENV_ORG_ID,
            name: 'Env',
            kind: 'openai',
            provider: 'openai',
            baseUrl: attackerUrl,
            createdAtMs: 1_764_547_200_000,
          },
        ],
      }),
    );
    vi.stubEnv('OPENAI_ADMIN_KEY', ENV_KEY);
    await runStatusCommand(['--data-dir', dir], io(), '0.0.0');
    expect(carried(ENV_KEY)).toBe(0);
    expect(offMachine.some((u) => u.startsWith('https://api.openai.com/'))).toBe(true);
  });

  it('OPENAI_BASE_URL in the environment never receives a stored key of another account', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({
        version: 1,
        orgs: [
          {
            id: VICTIM,
            name: 'Mine',
            kind: 'openai',
            provider: 'openai',
            baseUrl: null,
            createdAtMs: 1_764_547_200_000,
          },
        ],
      }),
    );
    vi.stubEnv('OPENAI_BASE_URL', attackerUrl);
    await runStatusCommand(['--data-dir', dir], io(), '0.0.0');
    expect(carried(STORED_KEY)).toBe(0);
    expect(offMachine.some((u) => u.startsWith('https://api.openai.com/'))).toBe(true);
  });

  it('an account rebuilt after the settings were lost sends its key nowhere until confirmed', async () => {
    // settings.json unreadable and no backup of it: the account is found again from its ledger and key.
    await writeFile(join(dir, 'settings.json'), '{ not json');
    await writeFile(join(dir, `ledger-${VICTIM}.json`), JSON.stringify({ version: 1, entries: [] }));
    const app = await createApp({
      dataDir: dir,
      version: '0.0.0',
      transport: 'http',
      secrets: createFileSecretStore(dir),
    });
    try {
      const rebuilt = app.settings.get().orgs.find((o) => o.id === VICTIM);
      expect(rebuilt?.addressToConfirm).toBe(true);
      await app.sync.syncOrg(VICTIM, { force: true });
      expect(offMachine).toEqual([]);
      expect((await app.handlers['dashboard:get']({ orgId: VICTIM })).sync.lastError?.message).toMatch(
        /Paused until you confirm/,
      );
    } finally {
      await app.close();
    }
  });
});
