// A damaged settings file: the app starts anyway, keeps the original bytes aside, and says so on the page.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENS_DIR } from './page-checks';
import { startServe, type ServedApp, accountUrl } from './serve';

const DAMAGED = '{"version":1,"syncCron":"*/5 * * * *","orgs":[{"id":"org_mine000001", TRUNCATED';
let app: ServedApp;

test.beforeAll(async () => {
  app = await startServe({ demo: true, files: { 'settings.json': DAMAGED } });
});
test.afterAll(async () => app?.stop());

test('a corrupt settings file is set aside with its bytes intact and reported in the page', async ({
  page,
}) => {
  const kept = readdirSync(app.dataDir).filter((f) => f.startsWith('settings.json.corrupt-'));
  expect(kept).toHaveLength(1);
  expect(readFileSync(join(app.dataDir, kept[0]!), 'utf8')).toBe(DAMAGED);

  await page.goto(await accountUrl(app));
  const banner = page.getByTestId('store-problems');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('could not be read');
  await expect(banner).toContainText(kept[0]!);
  // The app still works: the demo organization syncs and shows its figures.
  await expect(page.getByTestId('mtd-total')).toContainText('$', { timeout: 30_000 });
  await page.screenshot({ path: join(SCREENS_DIR, 'store-problem.png'), fullPage: true });
  const { problems } = await app.call('app:problems', {});
  expect(problems[0]?.quarantinedAs).toContain('settings.json.corrupt-');
});
