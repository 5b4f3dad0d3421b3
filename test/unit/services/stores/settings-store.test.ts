import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_CRON } from '@core/schemas';
import { openSettingsStore } from '../../../../main/services/stores/settings-store';
import type { StoreProblem } from '../../../../main/services/stores/store-problem';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-settings-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('starts with defaults and persists updates', async () => {
    const s = await openSettingsStore(dir);
    expect(s.get().syncCron).toBe(DEFAULT_SYNC_CRON);
    await s.update((x) => ({ ...x, backfillDays: 30 }));
    expect((await openSettingsStore(dir)).get().backfillDays).toBe(30);
  });

  it('rejects an invalid update and keeps the old value', async () => {
    const s = await openSettingsStore(dir);
    await expect(s.update((x) => ({ ...x, backfillDays: 0 }))).rejects.toThrow(
      /Invalid settings \(backfillDays/,
    );
    expect(s.get().backfillDays).toBe(90);
  });

  it('runs concurrent updates one after another', async () => {
    const s = await openSettingsStore(dir);
    await Promise.all([1, 2, 3].map((n) => s.update((x) => ({ ...x, backfillDays: x.backfillDays + n }))));
    expect(s.get().backfillDays).toBe(96);
  });

  it('quarantines a corrupt settings file and reports it', async () => {
    await writeFile(join(dir, 'settings.json'), '{"version":1,"orgs":[{"id":"bad"}]}');
    const seen: StoreProblem[] = [];
    const s = await openSettingsStore(dir, { onProblem: (p) => seen.push(p), nowMs: () => 0 });
    expect(s.get().orgs).toEqual([]);
    expect(seen[0]?.message).toMatch(/settings: invalid content at orgs/);
    expect(await readdir(dir)).toContain('settings.json.corrupt-1970-01-01T00-00-00-000Z');
  });
});
