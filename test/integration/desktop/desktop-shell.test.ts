// The desktop shell from start to quit, without Electron's binary: the built main bundle runs with a recording
// stand-in for the `electron` module, so the wiring the skipped `_electron` specs would check is checked on every
// machine — secure window, permission policy, every contract channel over IPC behind the sender check, the tray
// after a sync, one native notification per fired alert (with its urgency and its click), and Quit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { REQUEST_ARGS } from '@core/api-contract';
import { ROOT, startDesktopShell, type DesktopShell, type ShellRecord } from './shell-harness';

const RENDERER_URL = pathToFileURL(join(ROOT, 'dist/renderer/index.html')).href;
type Envelope = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

let shell: DesktopShell;
/** The account ids a data folder's settings file holds (none when it has no settings file yet). */
const readOrgIds = (dataDir: string): string[] => {
  const file = join(dataDir, 'settings.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { orgs: { id: string }[] }).orgs.map((o) => o.id);
};
const invoke = (channel: string, args: unknown, frameUrl = RENDERER_URL, isSubframe = false) =>
  shell.command<Envelope>('invoke', { channel, args, frameUrl, isSubframe });
const ok = async <T>(channel: string, args: unknown): Promise<T> => {
  const envelope = await invoke(channel, args);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.result as T;
};
const firedAlert = (r: ShellRecord) =>
  (r.payload as { alert: { id: string; title: string; body: string; severity: string } }).alert;
const after = (index: number, match: (r: ShellRecord) => boolean) => (r: ShellRecord) =>
  shell.records.indexOf(r) >= index && match(r);

describe('desktop shell (built main bundle, electron stand-in)', () => {
  beforeAll(() => {
    shell = startDesktopShell();
  }, 60_000);
  afterAll(() => {
    shell.kill();
    rmSync(`${shell.dataDir}-demo`, { recursive: true, force: true });
  });

  it('opens one window with secure web preferences and the built page', async () => {
    const created = await shell.waitFor((r) => r.kind === 'BrowserWindow.new', 'window');
    const prefs = (created.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(existsSync(String(prefs.preload))).toBe(true);
    const loaded = await shell.waitFor((r) => r.kind === 'BrowserWindow.loadURL', 'page load');
    expect(loaded.url).toBe(RENDERER_URL);
    await shell.waitFor((r) => r.kind === 'BrowserWindow.show', 'window shown');
  });

  it('grants notifications and nothing else; links leave the window only for http(s)', async () => {
    expect(await shell.command('permission', { permission: 'notifications' })).toEqual({
      requested: true,
      checked: true,
    });
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal'])
      expect(await shell.command('permission', { permission })).toEqual({ requested: false, checked: false });
    const from = shell.records.length;
    expect(await shell.command('navigate', { url: 'https://platform.openai.com/settings' })).toEqual({
      open: 'deny',
      navigationPrevented: true,
    });
    expect(await shell.command('navigate', { url: 'file:///etc/passwd' })).toEqual({
      open: 'deny',
      navigationPrevented: true,
    });
    const opened = shell.records
      .slice(from)
      .filter((r) => r.kind === 'shell.openExternal')
      .map((r) => r.url);
    expect(opened).toEqual(['https://platform.openai.com/settings', 'https://platform.openai.com/settings']);
  });

  it('registers every contract channel over IPC, and answers only the page’s own main frame', async () => {
    await shell.waitFor((r) => r.kind === 'Tray.new', 'tray');
    const channels = await shell.command<string[]>('channels');
    expect([...channels].sort()).toEqual(Object.keys(REQUEST_ARGS).sort());
    const info = await ok<{ transport: string }>('app:info', {});
    expect(info.transport).toBe('ipc');
    const foreign = await invoke('app:info', {}, 'https://evil.example/');
    expect(foreign).toMatchObject({ ok: false, error: { code: 'rejected' } });
    const framed = await invoke('app:info', {}, RENDERER_URL, true);
    expect(framed).toMatchObject({ ok: false, error: { code: 'rejected' } });
    const bad = await invoke('orgs:select', { orgId: 42 });
    expect(bad.ok).toBe(false);
  });

  it('shows the accounts in the tray after a sync, and one notification per fired alert, opening its account', async () => {
    let { orgs } = await ok<{ orgs: { id: string; name: string }[] }>('orgs:list', {});
    expect(orgs, 'the desktop app starts on an empty folder').toEqual([]);
    // "Try the demo" opens the demo's own folder beside the user's: the user's folder gets no demo account.
    await ok('orgs:startDemo', {});
    ({ orgs } = await ok<{ orgs: { id: string; name: string }[] }>('orgs:list', {}));
    expect(orgs.length).toBeGreaterThan(0);
    expect(readOrgIds(shell.dataDir)).toEqual([]);
    expect(readOrgIds(`${shell.dataDir}-demo`)).toEqual(orgs.map((o) => o.id));
    expect(orgs.length).toBeGreaterThan(0);
    const tip = await shell.waitFor(
      (r) => r.kind === 'Tray.setToolTip' && orgs.some((o) => String(r.tooltip).includes(o.name)),
      'tray tooltip naming an account',
      90_000,
    );
    expect(String(tip.tooltip)).not.toBe('Creditwatch');
    const menu = shell.records.filter((r) => r.kind === 'Tray.setContextMenu').at(-1);
    const labels = (menu?.items as { label: string | null }[]).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['Sync now', 'Open Creditwatch', 'Quit']));
    // An account's line in the menu opens that account's page (the line is read from the newest menu: its
    // figures change as syncs land).
    const target0 = orgs[0]!;
    const beforeMenu = shell.records.length;
    const lineOf = (r: ShellRecord) =>
      ((r.items ?? []) as { label: string | null }[])
        .map((i) => i.label)
        .find((l) => l?.startsWith(`${target0.name}:`));
    for (let tries = 0; ; tries++) {
      // The account's line comes with a menu built after its first sync: wait for one (a busy machine).
      await shell.waitFor(
        (r) => r.kind === 'Tray.setContextMenu' && lineOf(r) !== undefined,
        "a tray menu with the account's line",
        90_000,
      );
      const newest = shell.records.filter((r) => r.kind === 'Tray.setContextMenu').at(-1);
      const label = newest ? lineOf(newest) : undefined;
      if (label === undefined && tries < 5) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        continue;
      }
      expect(label, 'the account has a line in the tray menu').toBeDefined();
      const clicked = await shell.command('clickMenu', { label }).then(
        () => true,
        (err: Error) => (tries < 5 ? false : Promise.reject(err)),
      );
      if (clicked) break;
    }
    const opened = await shell.waitFor(
      after(beforeMenu, (r) => r.kind === 'BrowserWindow.loadURL'),
      "the account's page opened from the tray",
    );
    expect(String(opened.url)).toMatch(new RegExp(`#/org/${target0.id}$`));
    expect(shell.records.some((r) => r.kind === 'Tray.setImage' && (r.images as unknown[]).length >= 2)).toBe(
      true,
    );

    // A balance of $0.50 recorded now on a prepaid account: low credit, an alert that needs action.
    const { orgs: all } = await ok<{ orgs: { id: string; name: string; kind: string }[] }>('orgs:list', {});
    const money = await Promise.all(
      all.map(async (o) => ({ o, m: await ok<{ currency?: string }>('money:get', { orgId: o.id }) })),
    );
    const target = money.find(({ m }) => (m.currency ?? 'USD') === 'USD')!.o;
    await ok('ledger:updateBilling', {
      orgId: target.id,
      billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
    });
    const from = shell.records.length;
    // The app's own clock (the shell runs on the real one); the entry is dated by it, never by the test's.
    const { nowMs } = await ok<{ nowMs: number }>('app:info', {});
    const atMs = Math.floor(nowMs / 1000) * 1000;
    await ok('ledger:addEntry', {
      orgId: target.id,
      entry: { id: 'obs-desktop-shell', kind: 'observation', atMs, balanceMicros: 500_000, note: '' },
    });
    // The low-credit alert reaches the window as an event and the desktop as one native notification with its
    // words and an urgency that follows its severity.
    const fired = await shell.waitFor(
      after(
        from,
        (r) =>
          r.kind === 'webContents.send' &&
          r.channel === 'alerts:fired' &&
          firedAlert(r).id === `low-credit:${target.id}`,
      ),
      'the low-credit alert sent to the window',
      90_000,
    );
    const alert = firedAlert(fired);
    const created = await shell.waitFor(
      after(
        from,
        (r) => r.kind === 'Notification.new' && (r.options as { title: string }).title === alert.title,
      ),
      'a notification for the low-credit alert',
    );
    expect(created.options).toEqual({
      title: alert.title,
      body: alert.body,
      urgency: alert.severity === 'critical' ? 'critical' : 'normal',
    });
    await shell.waitFor(
      after(from, (r) => r.kind === 'Notification.show' && r.index === created.index),
      'notification shown',
    );
    const sameAlert = shell.records.filter(
      (r) => r.kind === 'Notification.new' && (r.options as { title: string }).title === alert.title,
    );
    expect(sameAlert).toHaveLength(1);

    const beforeClick = shell.records.length;
    await shell.command('clickNotification', { index: created.index });
    await shell.waitFor(
      after(beforeClick, (r) => r.kind === 'BrowserWindow.show'),
      'window shown by the click',
    );
    const selected = await ok<{ selectedOrgId: string | null }>('orgs:list', {});
    expect(selected.selectedOrgId).toBe(target.id);
  }, 240_000);

  it('quits from the tray menu', async () => {
    await shell.command('clickMenu', { label: 'Quit' });
    await shell.waitFor((r) => r.kind === 'app.quit', 'quit');
    expect(await shell.exited).toBe(0);
  });
});
