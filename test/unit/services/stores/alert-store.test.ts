// Alert settings keep rotating backups like the ledgers: a damaged alert-settings.json comes back from its
// newest readable backup (and says so), instead of every threshold, quiet hour and webhook going back to defaults.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAlertSettings } from '@core/alerts/alert-settings';
import { ALERT_SETTINGS_BACKUPS_KEPT, openAlertStore } from '../../../../main/services/stores/alert-store';
import { createProblemList } from '../../../../main/services/stores/store-problem';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-alertstore-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

describe('alert settings backups', () => {
  it('a damaged file comes back from its newest backup, reported', async () => {
    let t = Date.UTC(2026, 10, 18, 15, 20);
    const nowMs = () => t++;
    const store = await openAlertStore(dir, { nowMs });
    await store.saveSettings({ ...defaultAlertSettings(), quietHours: { start: '22:00', end: '07:00' } });
    await store.saveSettings({
      ...defaultAlertSettings(),
      quietHours: { start: '22:00', end: '07:00' },
      webhookUrl: 'https://hooks.example.com/x',
    });
    await writeFile(join(dir, 'alert-settings.json'), '{"version":1,"quietHours":{"st');

    const problems = createProblemList();
    const again = await openAlertStore(dir, { nowMs, problems });
    expect(again.settings().webhookUrl).toBe('https://hooks.example.com/x');
    expect(again.settings().quietHours).toEqual({ start: '22:00', end: '07:00' });
    expect(
      problems
        .list()
        .map((p) => p.message)
        .join(' '),
    ).toMatch(/restored the backup of .*a webhook/);
  });

  it('keeps a bounded number of backups', async () => {
    let t = Date.UTC(2026, 10, 18, 15, 20);
    const store = await openAlertStore(dir, { nowMs: () => t++ });
    for (let i = 0; i < ALERT_SETTINGS_BACKUPS_KEPT + 5; i++)
      await store.saveSettings({ ...defaultAlertSettings(), defaults: { lowRunwayDays: i } });
    const kept = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('alert-settings.'));
    expect(kept).toHaveLength(ALERT_SETTINGS_BACKUPS_KEPT);
  });
});
