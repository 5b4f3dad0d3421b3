import { describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '@core/schemas';
import { describeSync, SYNC_ERROR_LABELS } from '../../../../renderer/view-models/sync-view';

const NOW = Date.UTC(2026, 10, 24, 15, 0);
const UTC = { locale: 'en-US', timeZone: 'UTC' };

function failed(partial: Partial<NonNullable<SyncStatus['lastError']>>, failures = 1): SyncStatus {
  return {
    state: 'error',
    lastAttemptMs: NOW - 60_000,
    lastSuccessMs: NOW - 3_600_000,
    failures,
    lastError: {
      kind: 'rate-limited',
      message: 'OpenAI is rate-limiting this key.',
      status: 429,
      atMs: NOW - 60_000,
      retryAtMs: NOW + 30_000,
      ...partial,
    },
  };
}

describe('describeSync', () => {
  it('describes a 429 with its kind, status, time and the next attempt', () => {
    const view = describeSync(failed({}, 3), NOW, UTC);
    expect(view.tone).toBe('error');
    expect(view.headline).toBe('Sync failed');
    expect(view.lastSuccessText).toBe('Last synced Tue 24 Nov, 14:00 (1 hour ago)');
    expect(view.failuresText).toBe('3 attempts in a row have failed');
    expect(view.error).toEqual({
      kind: 'rate-limited',
      kindLabel: 'Rate limited',
      message: 'OpenAI is rate-limiting this key.',
      statusText: 'HTTP 429',
      atText: 'Failed at Tue 24 Nov, 14:59 (1 minute ago)',
      retryText: 'Next attempt Tue 24 Nov, 15:00 (now)',
    });
  });

  it('says a failure and a success that already happened as past, even when this clock lags', () => {
    const ahead = NOW + 5_000; // recorded by a clock 5 s ahead of this one
    const status: SyncStatus = { ...failed({ atMs: ahead }), lastSuccessMs: ahead };
    const view = describeSync(status, NOW, UTC);
    expect(view.error?.atText).toBe('Failed at Tue 24 Nov, 15:00 (just now)');
    expect(view.lastSuccessText).toBe('Last synced Tue 24 Nov, 15:00 (just now)');
    expect(view.error?.atText).not.toMatch(/\(in /);
  });

  it('describes a network error without an HTTP status and a retry already due', () => {
    const view = describeSync(failed({ kind: 'network', status: null, retryAtMs: NOW - 1 }), NOW, UTC);
    expect(view.error?.kindLabel).toBe('Network problem');
    expect(view.error?.statusText).toBeNull();
    expect(view.error?.retryText).toBe('Retrying at the next scheduled sync');
  });

  it('hides a stale error once a sync has succeeded', () => {
    const status: SyncStatus = { ...failed({}), state: 'ok', lastSuccessMs: NOW, failures: 0 };
    const view = describeSync(status, NOW, UTC);
    expect(view).toMatchObject({ tone: 'ok', headline: 'Up to date', error: null, failuresText: null });
    expect(view.lastSuccessText).toBe('Last synced Tue 24 Nov, 15:00 (just now)');
  });

  it('says when nothing has synced yet, and when a sync is running', () => {
    expect(describeSync(INITIAL_SYNC_STATUS, NOW, UTC)).toMatchObject({
      tone: 'idle',
      lastSuccessText: 'Never synced yet',
      error: null,
    });
    expect(describeSync({ ...INITIAL_SYNC_STATUS, state: 'syncing' }, NOW, UTC).tone).toBe('busy');
  });

  it('has a label for every error kind', () => {
    for (const label of Object.values(SYNC_ERROR_LABELS)) expect(label.length).toBeGreaterThan(3);
  });
});
