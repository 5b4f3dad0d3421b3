// One bad stored value never blanks the page: an entry whose dates no `Date` can hold (as a hand-edited file
// from an older version could carry) leaves every panel but, at most, its own working — in real Chromium,
// over the in-memory fake API.
import { test, expect } from '@playwright/test';
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server';
import type { FakeApi } from './fake-ui/fake-api';
import { FAKE_UI_NOW } from './fake-ui/fake-now';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let outDir = '';
let server: Awaited<ReturnType<typeof serveStatic>>;

test.beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'cw-bad-values-'));
  await build({
    entryPoints: { main: join(ROOT, 'test/e2e/fake-ui/entry.tsx') },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    alias: { '@core': join(ROOT, 'main/core') },
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
  });
  copyFileSync(join(ROOT, 'renderer/index.html'), join(outDir, 'index.html'));
  server = await serveStatic(outDir);
});

test.afterAll(async () => {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

test('an entry dated beyond what a Date can hold leaves the page usable', async ({ page }) => {
  await page.goto(`${server.url}?demo=1#/org/org_fake000001`);
  await expect(page.getByTestId('mtd-total')).toBeVisible();
  const atMs = Date.parse(FAKE_UI_NOW) - 86_400_000;
  await page.evaluate(async (at) => {
    const api = (window as unknown as { fakeApi: FakeApi }).fakeApi;
    const { orgs } = await api.invoke('orgs:list', {});
    const orgId = orgs[0]!.id;
    api.injectUnchecked(orgId, {
      id: 'far',
      kind: 'purchase',
      atMs: at,
      micros: 5e6,
      expiresAtMs: 9e15,
      note: '',
    });
    api.injectUnchecked(orgId, {
      id: 'farther',
      kind: 'grant',
      atMs: 9e15,
      micros: 1e6,
      expiresAtMs: 9.1e15,
      note: '',
    });
  }, atMs);
  // The page keeps its panels: the overview, the spend figures and the organization heading.
  await expect(page.getByTestId('org-page')).toBeVisible();
  await expect(page.getByTestId('mtd-total')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeVisible();
  // The ledger lists the entries (so they can be removed), their dates shown as unreadable.
  await expect(page.getByText('an unreadable date').first()).toBeVisible();
});
