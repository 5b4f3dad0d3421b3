// Adding an organization: a project key is refused with the "needs an Admin key" explanation (checked against
// a local simulator standing in for OpenAI), and the host refuses every request that lacks the token.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSimClock, startSimulator, type Simulator } from '../../main/simulator/index';
import { E2E_NOW, startServe, type ServedApp } from './serve';
import { SCREENS_DIR, watchPageErrors } from './page-checks';

let app: ServedApp;
let sim: Simulator;

test.beforeAll(async () => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  [app, sim] = await Promise.all([
    startServe(),
    startSimulator({ seed: 3, clock: createSimClock({ startMs: Date.parse(E2E_NOW) }) }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([app?.stop(), sim?.close()]);
});

/** Opens the add-org form: the welcome page's when no org exists, else the one behind the header button. */
async function openAddOrgForm(page: Page): Promise<void> {
  const welcome = page.getByRole('heading', { name: 'Welcome to Creditwatch' });
  const headerButton = page.getByRole('navigation').getByRole('button', { name: 'Add organization' });
  await expect(welcome.or(headerButton)).toBeVisible();
  if (await headerButton.isVisible()) await headerButton.click();
  await expect(page.getByTestId('add-org-form')).toBeVisible();
}

async function fillAddOrgForm(page: Page, name: string, apiKey: string): Promise<void> {
  const form = page.getByTestId('add-org-form');
  await form.getByLabel('Organization name').fill(name);
  await form.getByLabel('Admin key').fill(apiKey);
  await expect(form.getByLabel('Admin key')).toHaveAttribute('type', 'password');
  await form.getByText('Advanced').click();
  await form.getByLabel('API base URL').fill(sim.baseUrl);
  await form.getByRole('button', { name: 'Add organization' }).click();
}

test('a project key is refused with the "needs an Admin key" message and nothing is saved', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  await page.goto(app.url);
  await openAddOrgForm(page);
  await fillAddOrgForm(page, 'Acme', 'sk-proj-e2e-not-an-admin-key-0123456789');

  const error = page.getByTestId('add-org-error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText(/needs an Admin key/i);
  await expect(error).not.toContainText('sk-proj-e2e'); // the key is never echoed back
  await page.screenshot({ path: join(SCREENS_DIR, 'add-org-project-key.png'), fullPage: true });
  const { orgs } = await app.call('orgs:list', {});
  expect(orgs.map((o) => o.name)).not.toContain('Acme');
  expect(errors).toEqual([]);
});

test('an Admin key adds the organization and its dashboard appears', async ({ page }) => {
  await page.goto(app.url);
  await openAddOrgForm(page);
  await fillAddOrgForm(page, 'Simulated org', 'sk-admin-e2e-0123456789abcdef');
  await expect(page.getByTestId('add-org-form')).toHaveCount(0);
  const { orgs, selectedOrgId } = await app.call('orgs:list', {});
  const added = orgs.find((o) => o.name === 'Simulated org');
  expect(added, 'the org was stored').toBeDefined();
  expect(selectedOrgId).toBe(added!.id);
  // The folder started empty (no demo accounts), so it is the only account: named, not a choice.
  expect(orgs.map((o) => o.name)).toEqual(['Simulated org']);
  // The page goes to the new account's own page (its route), with its dashboard.
  await expect(page).toHaveURL(new RegExp(`#/org/${added!.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: /Simulated org/ })).toBeVisible();
  await expect(page.getByTestId('as-of')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('mtd-total')).toHaveText(/^\$[\d,]+\.\d\d$/);
});

test('without the token the server answers 401 to pages, API calls and the event stream', async ({
  request,
}) => {
  const api = await request.post(`${app.origin}/api/orgs:list`, {
    data: {},
    headers: { 'Content-Type': 'application/json' },
  });
  expect(api.status()).toBe(401);
  expect((await request.get(`${app.origin}/`)).status()).toBe(401);
  expect((await request.get(`${app.origin}/api/events`)).status()).toBe(401);
  const wrong = await request.post(`${app.origin}/api/orgs:list`, {
    data: {},
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not-the-token' },
  });
  expect(wrong.status()).toBe(401);
  // With the token the same call succeeds, so the 401s above are about the token and nothing else.
  const ok = await request.post(`${app.origin}/api/orgs:list`, {
    data: {},
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
  });
  expect(ok.status()).toBe(200);
});
