// Tray and notifications of the desktop app, driven by Playwright's Electron support. Runs wherever
// Electron's binary is installed; elsewhere each test is reported as skipped with the reason.
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../main/electron/binary';

const binary = findElectronBinary();
const skipReason = binary.found ? '' : `Electron binary not installed: ${binary.reason}`;

async function launch(): Promise<{ app: ElectronApplication; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-electron-alerts-'));
  const app = await electron.launch({
    executablePath: binary.found ? binary.path : undefined,
    args: ['dist/main/index.mjs', '--demo'],
    env: { ...process.env, CREDITWATCH_DATA_DIR: dataDir },
  });
  return { app, dataDir };
}

test.describe('desktop tray and notifications (Electron)', () => {
  test.skip(!binary.found, skipReason);

  test('the tray tooltip carries the glance once the demo org has synced', async () => {
    const { app, dataDir } = await launch();
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('mtd-total')).toContainText('$', { timeout: 30_000 });
      // Electron keeps no public list of trays: record what the app sets, then cause a refresh (a sync).
      await app.evaluate(({ Tray }) => {
        const seen: string[] = [];
        (globalThis as { __tooltips?: string[] }).__tooltips = seen;
        const proto = Tray.prototype as unknown as { setToolTip(t: string): void };
        const original = proto.setToolTip;
        proto.setToolTip = function (t: string) {
          seen.push(t);
          original.call(this, t);
        };
      });
      await page.evaluate(async () => {
        const api = (
          window as unknown as { creditwatch: { invoke(c: string, a: unknown): Promise<unknown> } }
        ).creditwatch;
        const { selectedOrgId } = (await api.invoke('orgs:list', {})) as { selectedOrgId: string };
        await api.invoke('sync:now', { orgId: selectedOrgId });
      });
      await expect
        .poll(() =>
          app.evaluate(() => ((globalThis as { __tooltips?: string[] }).__tooltips ?? []).at(-1) ?? ''),
        )
        .toContain('Demo organization: ');
      const tooltip = await app.evaluate(() => (globalThis as { __tooltips?: string[] }).__tooltips!.at(-1)!);
      expect(tooltip).toMatch(/^Creditwatch\nDemo organization: /);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });

  test('a low balance shows one native notification whose click opens the org', async () => {
    const { app, dataDir } = await launch();
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('mtd-total')).toContainText('$', { timeout: 30_000 });
      await app.evaluate(({ Notification }) => {
        const shown: string[] = [];
        (globalThis as { __shown?: string[] }).__shown = shown;
        const proto = Notification.prototype as unknown as { show(): void; title: string };
        const original = proto.show;
        proto.show = function () {
          shown.push(this.title);
          (globalThis as { __last?: unknown }).__last = this;
          original.call(this);
        };
      });
      await page.evaluate(async () => {
        const api = (
          window as unknown as { creditwatch: { invoke(c: string, a: unknown): Promise<unknown> } }
        ).creditwatch;
        const { selectedOrgId } = (await api.invoke('orgs:list', {})) as { selectedOrgId: string };
        const now = ((await api.invoke('app:info', {})) as { nowMs: number }).nowMs;
        await api.invoke('ledger:addEntry', {
          orgId: selectedOrgId,
          entry: {
            id: crypto.randomUUID(),
            kind: 'observation',
            atMs: now - 60_000,
            balanceMicros: 5e6,
            note: '',
          },
        });
      });
      await expect
        .poll(() =>
          app.evaluate(
            () =>
              ((globalThis as { __shown?: string[] }).__shown ?? []).filter((t) => /credit low/.test(t))
                .length,
          ),
        )
        .toBe(1);
      await app.evaluate(() => (globalThis as { __last?: { emit(e: string): void } }).__last?.emit('click'));
      expect(
        await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible())),
      ).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });
});
