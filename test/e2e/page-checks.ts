// Shared checks for browser specs: where screenshots go, and collecting page errors and CSP violations.
import type { Page } from '@playwright/test';

export const SCREENS_DIR = 'test-results/screens';

/** Collects uncaught page errors and console errors (CSP violations are reported as console errors). */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // The meta-delivered CSP cannot set frame-ancestors; Chromium says so once. That is expected, not a fault.
    if (msg.type() === 'error' && !msg.text().includes('frame-ancestors'))
      errors.push(`console: ${msg.text()}`);
  });
  return errors;
}
