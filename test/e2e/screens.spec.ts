// Screenshots that assert: the overview and an account page at 1440×900 and 390×844, light and dark, compared
// with stored images (`toHaveScreenshot`). The host starts at a pinned instant with the demo's fixed seeds;
// figures that move with the host's running clock (every `data-figure`, "as of" times, the charts) are masked.
//
// Pixels differ between Chromium builds and font sets, so the comparison runs only where the stored images
// were made: set CREDITWATCH_SCREENSHOTS=1 (images from the Chromium inside @sparticuz/chromium on Debian;
// refresh them with `CREDITWATCH_SCREENSHOTS=1 npx playwright test test/e2e/screens.spec.ts
// --update-snapshots` after a deliberate change of the page). Elsewhere the specs say why they are skipped.
import { test, expect, type Page } from '@playwright/test';
import { accountUrl, startServe, type ServedApp } from './serve';

const NOW = '2026-12-07T09:23:00Z';
const isOn = process.env.CREDITWATCH_SCREENSHOTS === '1';
let app: ServedApp;
let companyId: string;

test.describe.configure({ mode: 'serial' });
test.skip(
  !isOn,
  'pixel comparisons need the Chromium build the stored images were made with: set CREDITWATCH_SCREENSHOTS=1 to run them',
);

test.beforeAll(async () => {
  if (!isOn) return;
  app = await startServe({ demo: true, now: NOW });
  const { orgs } = await app.call('orgs:list', {});
  companyId = orgs.find((o) => o.demoProfile === 'company')!.id;
  for (const o of orgs)
    await expect
      .poll(async () => (await app.call('dashboard:get', { orgId: o.id })).sync.state, { timeout: 60_000 })
      .toBe('ok');
});
test.afterAll(async () => {
  await app?.stop();
});

const moving = (page: Page) => [
  page.locator('[data-figure]'),
  page.locator('.ov-marker, .ov-as-of, time, .as-of, [data-testid="ov-sync"]'),
  page.locator('[data-testid="overview-total"] strong'),
  page.locator('canvas'),
  page.locator('.alerts'),
];

for (const scheme of ['light', 'dark'] as const)
  for (const [w, h] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    test(`overview and account page at ${w}×${h}, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width: w, height: h });
      await page.goto(app.url);
      await expect(page.getByTestId('overview-card')).toHaveCount(5, { timeout: 45_000 });
      await expect(page.locator('.ov-hero-value').first()).toBeVisible();
      await expect(page).toHaveScreenshot(`overview-${w}-${scheme}.png`, {
        mask: moving(page),
        animations: 'disabled',
        maxDiffPixelRatio: 0.02,
      });
      await page.goto(await accountUrl(app, companyId));
      await expect(page.getByTestId('balance-chart')).toBeVisible({ timeout: 45_000 });
      await expect(page).toHaveScreenshot(`account-${w}-${scheme}.png`, {
        mask: moving(page),
        animations: 'disabled',
        maxDiffPixelRatio: 0.02,
      });
    });
  }
