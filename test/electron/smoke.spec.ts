// The desktop app itself, driven by Playwright's Electron support. Runs wherever Electron's binary is
// installed; elsewhere each test is reported as skipped with the reason (never as passed).
import { test, expect, _electron as electron } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../main/electron/binary';

const binary = findElectronBinary();
const skipReason = binary.found ? '' : `Electron binary not installed: ${binary.reason}`;

test.describe('desktop app (Electron)', () => {
  test.skip(!binary.found, skipReason);

  test('opens a secure window that shows the demo organization', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-electron-'));
    const app = await electron.launch({
      executablePath: binary.found ? binary.path : undefined,
      args: ['dist/main/index.mjs', '--demo'],
      env: { ...process.env, CREDITWATCH_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle(/Creditwatch/);
      // The page gets the contract and nothing of Node.
      expect(
        await page.evaluate(() => typeof (window as unknown as { creditwatch?: unknown }).creditwatch),
      ).toBe('object');
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
      await expect(page.getByTestId('mtd-total')).toContainText('$', { timeout: 30_000 });
      // Sandboxed and isolated: no Node globals in the page, and the exposed API is frozen by the bridge.
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
        'undefined',
      );
      expect(
        await page.evaluate(() =>
          Object.isFrozen((window as unknown as { creditwatch: object }).creditwatch),
        ),
      ).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });
});
