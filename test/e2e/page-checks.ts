// Shared checks for browser specs: where screenshots go, and collecting page errors, CSP violations and
// failed asset loads (API error replies are expected answers, not faults, and are left to the specs).
import type { Page } from '@playwright/test';

export const SCREENS_DIR = 'test-results/screens';

/** Collects uncaught page errors, console errors (CSP violations land there) and failed non-API loads. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    // Failed loads are judged below, from the responses.
    if (msg.type() !== 'error' || text.startsWith('Failed to load resource')) return;
    errors.push(`console: ${text}`);
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() >= 400 && !path.startsWith('/api/'))
      errors.push(`HTTP ${response.status()} for ${path}`);
  });
  page.on('requestfailed', (request) => {
    const path = new URL(request.url()).pathname;
    // The event stream is cut when the page closes, and API calls in flight when the page reloads or closes
    // are aborted by the browser; anything else failing is a fault.
    const isAbortedApiCall = path.startsWith('/api/') && request.failure()?.errorText === 'net::ERR_ABORTED';
    if (path !== '/api/events' && !isAbortedApiCall)
      errors.push(`request failed: ${path} (${request.failure()?.errorText ?? '?'})`);
  });
  return errors;
}
