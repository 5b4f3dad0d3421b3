// The Node host over two folders: "Try the demo" on an empty folder opens the demo from its own folder (the
// user's stays empty), and adding an account while the demo is open goes back to the user's folder and adds
// it there — demo and real accounts never share a folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app/create-app';
import { createBackupText } from '../../main/services/backup';
import { createLedgerStore } from '../../main/services/stores/ledger-store';
import { serveFolders } from '../../main/commands/serve-command';
import { createFolderSwitch, type FolderKind } from '../../main/host/folder-switch';
import { createFileSecretStore } from '../../main/services/secrets';
import { openSettingsStore } from '../../main/services/stores/settings-store';
import { createSimClock, startSimulator, type Simulator } from '../../main/simulator/index';

const NOW = Date.UTC(2026, 10, 18, 15, 20);
let root: string;
let sim: Simulator;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cw-switch-'));
  sim = await startSimulator({ seed: 3, clock: createSimClock({ startMs: NOW, speed: 0 }) });
});
afterAll(async () => {
  await sim.close();
  await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const orgsIn = async (dir: string) => (await openSettingsStore(dir)).get().orgs;

describe('serve folders', () => {
  it('plans the demo beside the user folder, and no switching for a folder chosen with --demo', () => {
    const env = { XDG_CONFIG_HOME: '/home/ann/.config' };
    expect(serveFolders(false, null, env)).toEqual({
      dataDir: '/home/ann/.config/Creditwatch',
      folders: { own: '/home/ann/.config/Creditwatch', demo: '/home/ann/.config/Creditwatch-demo' },
    });
    expect(serveFolders(true, null, env).dataDir).toBe('/home/ann/.config/Creditwatch-demo');
    expect(serveFolders(true, '/tmp/x', env)).toEqual({ dataDir: '/tmp/x', folders: null });
    expect(serveFolders(false, '/tmp/x', env).folders).toEqual({ own: '/tmp/x', demo: '/tmp/x-demo' });
  });

  it('"Try the demo" opens the demo folder; adding an account goes back to the own folder', async () => {
    const folders = { own: join(root, 'Creditwatch'), demo: join(root, 'Creditwatch-demo') };
    const clock = createSimClock({ startMs: NOW, speed: 0 });
    const open = (kind: FolderKind) =>
      createApp({
        dataDir: folders[kind],
        version: 't',
        transport: 'http',
        secrets: createFileSecretStore(folders[kind]),
        demo: kind === 'demo',
        clock,
      });
    const host = createFolderSwitch({ first: await open('own'), firstKind: 'own', open, log: () => {} });
    const changed: string[] = [];
    host.bus.subscribe((event) => changed.push(event));
    try {
      expect((await host.handlers['orgs:list']({})).orgs).toEqual([]);
      const demo = await host.handlers['orgs:startDemo']({});
      expect(demo.kind).toBe('demo');
      expect(host.kind()).toBe('demo');
      expect(changed).toContain('orgs:changed');
      expect((await host.handlers['orgs:list']({})).orgs.every((o) => o.kind === 'demo')).toBe(true);
      expect(await orgsIn(folders.own), 'nothing of the demo in the own folder').toEqual([]);

      const added = await host.handlers['orgs:add']({
        name: 'Acme',
        apiKey: 'sk-admin-switch-0123456789abcdef',
        baseUrl: sim.baseUrl,
      });
      expect(host.kind()).toBe('own');
      expect((await host.handlers['orgs:list']({})).orgs.map((o) => o.id)).toEqual([added.id]);
      expect((await orgsIn(folders.own)).map((o) => o.name)).toEqual(['Acme']);
      expect((await orgsIn(folders.demo)).every((o) => o.kind === 'demo')).toBe(true);
    } finally {
      await host.close();
    }
  }, 60_000);

  it('a backup restored while the demo is open lands in the own folder', async () => {
    const folders = { own: join(root, 'Mine'), demo: join(root, 'Mine-demo') };
    const other = join(root, 'other-machine');
    const settings = await openSettingsStore(other);
    await settings.update((s) => ({
      ...s,
      orgs: [
        {
          id: 'org_acme00000001',
          name: 'Acme',
          kind: 'live',
          provider: 'openai',
          baseUrl: null,
          createdAtMs: NOW,
        },
      ],
    }));
    const text = await createBackupText({
      settings,
      ledgers: createLedgerStore(other, { nowMs: () => NOW }),
      dataDir: other,
      nowMs: () => NOW,
      appVersion: 't',
    });
    const clock = createSimClock({ startMs: NOW, speed: 0 });
    const open = (kind: FolderKind) =>
      createApp({
        dataDir: folders[kind],
        version: 't',
        transport: 'http',
        secrets: createFileSecretStore(folders[kind]),
        demo: kind === 'demo',
        clock,
      });
    const host = createFolderSwitch({ first: await open('demo'), firstKind: 'demo', open, log: () => {} });
    try {
      const preview = await host.handlers['backup:restore']({ text, preview: true });
      expect(preview).toMatchObject({ isPreview: true, orgsAdded: ['Acme'] });
      expect(host.kind(), 'a preview only reads').toBe('demo');
      await host.handlers['backup:restore']({ text });
      expect(host.kind()).toBe('own');
      expect((await orgsIn(folders.own)).map((o) => o.name)).toEqual(['Acme']);
      expect((await orgsIn(folders.demo)).every((o) => o.kind === 'demo')).toBe(true);
    } finally {
      await host.close();
    }
  }, 60_000);
});
