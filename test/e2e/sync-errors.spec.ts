// Sync failures reach the user in words: the demo's simulated API is made to answer 401 or 429 (with
// Retry-After), and the dashboard shows the error's kind, the server's explanation and when it retries.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServe, accountUrl } from './serve';
import { SCREENS_DIR, watchPageErrors } from './page-checks';

test.beforeAll(() => mkdirSync(SCREENS_DIR, { recursive: true }));

const CASES = [
  {
    faults: 'costs=401',
    kind: 'invalid-key',
    label: 'Key rejected',
    status: 'HTTP 401',
    screen: 'sync-error-401',
  },
  {
    faults: 'costs=429:retry-after=30',
    kind: 'rate-limited',
    label: 'Rate limited',
    status: 'HTTP 429',
    screen: 'sync-error-429',
  },
] as const;

for (const c of CASES) {
  test(`a ${c.status} from OpenAI shows as "${c.label}" with an explanation`, async ({ page }) => {
    const app = await startServe({ demo: true, demoFaults: c.faults });
    try {
      const errors = watchPageErrors(page);
      await page.goto(await accountUrl(app));
      const box = page.getByTestId('sync-error');
      await expect(box).toBeVisible({ timeout: 45_000 });
      await expect(box).toHaveAttribute('data-kind', c.kind);
      await expect(page.getByTestId('sync-error-kind')).toHaveText(c.label);
      await expect(box).toContainText(c.status);
      await expect(page.getByTestId('sync-state')).toHaveText('Sync failed');

      // The message is the server's own words, as the API reports them, not a code.
      const { selectedOrgId } = await app.call('orgs:list', {});
      const { sync } = await app.call('dashboard:get', { orgId: selectedOrgId! });
      expect(sync.lastError?.kind).toBe(c.kind);
      const message = sync.lastError!.message;
      expect(message.split(' ').length, 'a sentence, not a code').toBeGreaterThan(4);
      await expect(page.getByTestId('sync-error-message')).toHaveText(message);
      if (c.kind === 'rate-limited') {
        expect(sync.lastError?.retryAtMs, 'Retry-After is honoured').not.toBeNull();
        await expect(page.getByTestId('sync-retry')).toContainText('Next attempt');
      }
      await expect(page.getByTestId('mtd-total')).toBeVisible();
      await page.screenshot({ path: join(SCREENS_DIR, `${c.screen}.png`) });
      expect(errors).toEqual([]);
    } finally {
      await app.stop();
    }
  });
}
