// What the one run command opens: the demo (in its own folder) only when the user's folder has nothing to show.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoDataDirBeside } from '../../../main/host/data-dir';
import { firstRunArgs, folderHasAccounts } from '../../../main/host/first-run';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-firstrun-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('first run', () => {
  it('the demo folder sits beside the real one', () => {
    expect(demoDataDirBeside('/home/ann/.config/Creditwatch')).toBe('/home/ann/.config/Creditwatch-demo');
  });

  it('opens the demo only with no key and nothing in the folder', () => {
    expect(firstRunArgs([], {}, () => false)).toEqual(['--demo']);
    expect(firstRunArgs([], { OPENAI_ADMIN_KEY: 'sk-admin-x' }, () => false)).toEqual([]);
    expect(firstRunArgs([], {}, () => true)).toEqual([]);
    expect(firstRunArgs(['--data-dir', '/x'], {}, () => false)).toEqual(['--data-dir', '/x']);
    expect(firstRunArgs(['--port', '8080'], {}, () => false)).toEqual(['--port', '8080', '--demo']);
    expect(firstRunArgs([], { CREDITWATCH_DATA_DIR: '/mine' }, () => false)).toEqual([]);
  });

  it('reads whether a folder holds an account', async () => {
    expect(folderHasAccounts(join(dir, 'missing'))).toBe(false);
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, orgs: [] }));
    expect(folderHasAccounts(dir)).toBe(false);
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, orgs: [{ id: 'org_a' }] }));
    expect(folderHasAccounts(dir)).toBe(true);
    await writeFile(join(dir, 'settings.json'), '{"version":1,"or');
    expect(folderHasAccounts(dir), 'a damaged file is recovered in place, not replaced by the demo').toBe(
      true,
    );
  });
});
