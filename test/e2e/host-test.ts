// A Playwright `test` whose `app` is the real host (`creditwatch serve`) over a fresh data folder, started
// for each test with the options the spec sets (`test.use({ serve: { … } })`) and stopped after it.
import { test as base } from '@playwright/test';
import { startServe, type ServedApp, type ServeOptions } from './serve';

export { expect } from '@playwright/test';

/** `test` with `serve` (the host's options, default: an empty folder, no demo) and `app` (the running host). */
export const test = base.extend<{ serve: ServeOptions; app: ServedApp }>({
  serve: [{}, { option: true }],
  app: async ({ serve }, use) => {
    const app = await startServe(serve);
    try {
      await use(app);
    } finally {
      await app.stop();
    }
  },
});
