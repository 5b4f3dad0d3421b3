import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

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

describe('settings recovery', () => {
  const org = (id: string, name: string) => ({
    id,
    name,
    kind: 'live' as const,
    provider: 'openai' as const,
    baseUrl: null,
    createdAtMs: Date.UTC(2026, 0, 1),
  });

  it('falls back to the newest readable backup, with the orgs it held', async () => {
    const s = await openSettingsStore(dir, { nowMs: () => Date.UTC(2026, 0, 1) });
    await s.update((x) => ({ ...x, orgs: [org('org_aaaaaaaa01', 'Acme')] }));
    let t = Date.UTC(2026, 0, 2);
    const s2 = await openSettingsStore(dir, { nowMs: () => (t += 1000) });
    await s2.update((x) => ({ ...x, orgs: [...x.orgs, org('org_bbbbbbbb02', 'Beta')] }));
    await writeFile(join(dir, 'settings.json'), '{"version":1,"orgs":[');
    const seen: StoreProblem[] = [];
    const s3 = await openSettingsStore(dir, { onProblem: (p) => seen.push(p), nowMs: () => (t += 1000) });
    expect(s3.get().orgs.map((o) => o.name)).toEqual(['Acme', 'Beta']);
    expect(seen[0]?.message).toMatch(
      /restored the backup of 2026-01-02 00:00 UTC \(2 organizations: Acme, Beta\)/,
    );
  });

  it('leaves a file from a newer Creditwatch as it is, says so, and shows the newest backup it can read', async () => {
    let t = Date.UTC(2026, 0, 1);
    const s = await openSettingsStore(dir, { nowMs: () => (t += 1000) });
    await s.update((x) => ({ ...x, orgs: [org('org_aaaaaaaa01', 'Acme')] }));
    const newer = JSON.stringify({ version: 3, orgs: [{ id: 'org_aaaaaaaa01', shape: 'unknown here' }] });
    await writeFile(join(dir, 'settings.json'), newer);
    const seen: StoreProblem[] = [];
    const s2 = await openSettingsStore(dir, { onProblem: (p) => seen.push(p), nowMs: () => (t += 1000) });
    expect(s2.get().orgs.map((o) => o.name)).toEqual(['Acme']);
    expect(seen.map((p) => p.message).join(' ')).toMatch(
      /written by a newer Creditwatch \(version 3; this one reads up to 2\) and cannot be read by this one\. It was left as it is and nothing will be saved over it: update Creditwatch/,
    );
    await expect(s2.update((x) => ({ ...x, backfillDays: 30 }))).rejects.toThrow(
      /written by a newer Creditwatch/,
    );
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(newer);
    expect((await readdir(dir)).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('never writes over a newer file, even with no backup to show', async () => {
    const newer = JSON.stringify({ version: 3, orgs: [] });
    await writeFile(join(dir, 'settings.json'), newer);
    const seen: StoreProblem[] = [];
    const s = await openSettingsStore(dir, { onProblem: (p) => seen.push(p), nowMs: () => 0 });
    expect(seen[0]?.message).toMatch(/cannot be read by this one\..* No backup this version can read/);
    await expect(s.update((x) => x)).rejects.toThrow(/newer Creditwatch/);
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(newer);
  });

  it('rebuilds the orgs from ledgers, history folders and stored keys when nothing else is left', async () => {
    await writeFile(join(dir, 'ledger-org_aaaaaaaa01.json'), '{"version":1}');
    await mkdir(join(dir, 'history', 'org_bbbbbbbb02'), { recursive: true });
    await writeFile(join(dir, 'settings.json'), '');
    const seen: StoreProblem[] = [];
    const s = await openSettingsStore(dir, {
      onProblem: (p) => seen.push(p),
      nowMs: () => Date.UTC(2026, 0, 1),
      keyIds: async () => ['org_cccccccc03'],
      // The stored key tells the provider (a DeepSeek key here); without a key, OpenAI.
      providerOfKey: async (id) => (id === 'org_cccccccc03' ? 'deepseek' : null),
    });
    expect(s.get().orgs.map((o) => [o.id, o.provider])).toEqual([
      ['org_aaaaaaaa01', 'openai'],
      ['org_bbbbbbbb02', 'openai'],
      ['org_cccccccc03', 'deepseek'],
    ]);
    expect(s.get().selectedOrgId).toBe('org_aaaaaaaa01');
    expect(seen.map((p) => p.message).join(' ')).toMatch(/found 3 organizations on disk/);
  });

  it.each(['* * * * * *', '*/10 * * * * *', 'nope', '', 42])(
    'a stored schedule %s that is not allowed falls back to the default and is reported',
    async (cron) => {
      await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, syncCron: cron }));
      const seen: StoreProblem[] = [];
      const s = await openSettingsStore(dir, { onProblem: (p) => seen.push(p) });
      expect(s.get().syncCron).toBe(DEFAULT_SYNC_CRON);
      expect(seen).toHaveLength(1); // the file itself was not set aside
      expect(seen[0]?.message).toMatch(/stored sync schedule could not be used.*default \(every 5 minutes\)/);
      expect((await openSettingsStore(dir)).get().syncCron).toBe(DEFAULT_SYNC_CRON);
    },
  );
});
