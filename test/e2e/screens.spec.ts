// Screenshots that assert: the overview and an account page at 1440×900 and 390×844, light and dark, compared
// with stored images (`toHaveScreenshot`). The host starts at a pinned instant with the demo's fixed seeds, the
// page runs with reduced motion and no animations; what moves with the host's running clock (every
// `data-figure`, "as of" times, the charts' canvases) is masked, so the comparison judges the layout, the
// words and the colours.
//
// Pixels differ between Chromium builds and font sets, so the comparison runs where the stored images were
// made: the Chromium inside @sparticuz/chromium (the one `npm ci` installs and CI uses) at BASELINE_CHROMIUM,
// on Linux. Anywhere else the tests say why they are skipped. After a deliberate change of the page, refresh
// the images with `CREDITWATCH_CHROMIUM=packaged npx playwright test test/e2e/screens.spec.ts --update-snapshots`
// and look at every changed image before committing it.
import { test, expect, type Page } from '@playwright/test';
import { accountUrl, startServe, type ServedApp } from './serve';

const NOW = '2026-12-07T09:23:00Z';
/** The Chromium the stored images were made with (`browser.version()` of @sparticuz/chromium 147). */
const BASELINE_CHROMIUM = '147.0.7727.0';
const isPackaged = process.env.CREDITWATCH_CHROMIUM_SOURCE === '@sparticuz/chromium';
let app: ServedApp | undefined;
let companyId: string;

test.describe.configure({ mode: 'serial' });
test.skip(
  !isPackaged || process.platform !== 'linux',
  `the stored images were made on Linux with the Chromium inside @sparticuz/chromium; this run uses ` +
    `${process.env.CREDITWATCH_CHROMIUM_SOURCE ?? 'another'} Chromium on ${process.platform} (set CREDITWATCH_CHROMIUM=packaged)`,
);

test.beforeEach(async ({ browser }) => {
  test.skip(
    browser.version() !== BASELINE_CHROMIUM,
    `the stored images were made with Chromium ${BASELINE_CHROMIUM}; this one is ${browser.version()}`,
  );
  if (app) return;
  app = await startServe({ demo: true, now: NOW });
  const { orgs } = await app.call('orgs:list', {});
  companyId = orgs.find((o) => o.demoProfile === 'company')!.id;
  for (const o of orgs)
    await expect
      .poll(async () => (await app!.call('dashboard:get', { orgId: o.id })).sync.state, { timeout: 60_000 })
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
];

/**
 * A figure's words move with the host's running clock ("a good chance…" one run, "a very good chance…" the
 * next), and a longer sentence wraps onto another line and moves the page below it. The figures are masked, so
 * while the picture is taken each is given one fixed height in pixels (a figure's type size follows its words):
 * the comparison judges the layout around them, never their length.
 */
const STEADY_FIGURES = '[data-figure] { display: block; height: 64px; overflow: hidden; }';

/**
 * Font antialiasing may move a few edge pixels between runs; anything larger (a line of text, a colour, a
 * box that moved) is a change. 1440×900 has 1.3 million pixels: 0.2 % is about 2,600 of them.
 */
const SAME = {
  animations: 'disabled',
  maxDiffPixelRatio: 0.002,
  threshold: 0.2,
  style: STEADY_FIGURES,
} as const;

for (const scheme of ['light', 'dark'] as const)
  for (const [w, h] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    test(`overview and account page at ${w}×${h}, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width: w, height: h });
      await page.goto(app!.url);
      await expect(page.getByTestId('overview-card')).toHaveCount(5, { timeout: 45_000 });
      await expect(page.locator('.ov-hero-value').first()).toBeVisible();
      await expect(page).toHaveScreenshot(`overview-${w}-${scheme}.png`, { mask: moving(page), ...SAME });
      await page.goto(await accountUrl(app!, companyId));
      await expect(page.getByTestId('balance-chart')).toBeVisible({ timeout: 45_000 });
      await expect(page).toHaveScreenshot(`account-${w}-${scheme}.png`, { mask: moving(page), ...SAME });
    });
  }
