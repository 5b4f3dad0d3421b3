// Temp files of killed processes are removed at start; a live process's (a write in progress) are kept.
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeLeftoverTempFiles, tempFileOwner } from '../../../../main/services/stores/leftover-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-leftover-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

// File ages are compared with a pinned instant; each file's time is set from it.
const NOW = Date.UTC(2026, 10, 18, 15, 20);
const age = (path: string, ms: number) => utimes(path, new Date(NOW - ms), new Date(NOW - ms));

describe('leftover temp files', () => {
  it('names the owner of each kind of temp file', () => {
    expect(tempFileOwner('.settings.json.4242.7.tmp')).toBe(4242);
    expect(tempFileOwner('before-restore-2026.json.partial-77')).toBe(77);
    expect(tempFileOwner('keys.json.tmp')).toBeNull();
    expect(tempFileOwner('settings.json')).toBeUndefined();
    expect(tempFileOwner('ledger-org_a.json')).toBeUndefined();
  });

  it("removes a dead process's temp files everywhere in the folder and keeps a live one's", async () => {
    await mkdir(join(dir, 'backups'));
    await mkdir(join(dir, 'history', 'org_a'), { recursive: true });
    const files = {
      dead: join(dir, '.settings.json.111.1.tmp'),
      deadHistory: join(dir, 'history', 'org_a', '.sync.json.111.4.tmp'),
      deadPartial: join(dir, 'backups', 'before-restore-x.json.partial-111'),
      live: join(dir, '.settings.json.222.1.tmp'),
      oldKeys: join(dir, 'keys.json.tmp'),
      kept: join(dir, 'settings.json'),
    };
    for (const path of Object.values(files)) await writeFile(path, '{}');
    await age(files.oldKeys, 3_600_000);
    const removed = await removeLeftoverTempFiles(dir, { nowMs: NOW, isAlive: (pid) => pid === 222 });
    expect(removed.sort()).toEqual([files.dead, files.deadHistory, files.deadPartial, files.oldKeys].sort());
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['.settings.json.222.1.tmp', 'settings.json']));
  });

  it('a fresh key-file temp (a write in progress) is left alone', async () => {
    await writeFile(join(dir, 'keys.json.tmp'), '{}');
    await age(join(dir, 'keys.json.tmp'), 60_000);
    expect(await removeLeftoverTempFiles(dir, { nowMs: NOW, isAlive: () => false })).toEqual([]);
  });
});
