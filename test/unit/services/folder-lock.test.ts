// The data folder's lock: a live holder (another pid, or this process) refuses a second writer with its
// pid; a dead holder's lock, or a damaged lock file, is taken over; release removes only its own lock.
// Liveness is injected here; the two-process case with real processes is test/integration/one-writer.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderBusyError, folderHolder, LOCK_FILE, lockDataFolder } from '../../../main/services/folder-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const foreign = (pid: number) =>
  writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid, purpose: 'serve', startedAtMs: 0, nonce: 'n1' }));

describe('the data folder lock', () => {
  it('refuses a second writer while the holder lives, naming its pid', async () => {
    await foreign(4242);
    const err = await lockDataFolder(dir, { purpose: 'restore', isAlive: () => true }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FolderBusyError);
    expect((err as Error).message).toBe('Creditwatch is already running on this folder (pid 4242).');
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: 4242 });
    expect(await folderHolder(dir, () => true)).toMatchObject({ pid: 4242 });
  });

  it('takes over the lock of a dead holder, and a damaged lock file', async () => {
    await foreign(4242);
    expect(await folderHolder(dir, () => false)).toBeNull();
    const lock = await lockDataFolder(dir, { purpose: 'serve', isAlive: () => false });
    expect(lock.record.pid).toBe(process.pid);
    await lock.release();
    await writeFile(join(dir, LOCK_FILE), '');
    const again = await lockDataFolder(dir, { purpose: 'serve', isAlive: () => false });
    await again.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second lock from this same process, and release removes only its own lock', async () => {
    const lock = await lockDataFolder(dir, { purpose: 'serve' });
    await expect(lockDataFolder(dir, { purpose: 'restore' })).rejects.toBeInstanceOf(FolderBusyError);
    expect(await folderHolder(dir)).toMatchObject({ pid: process.pid });
    // Someone else's lock replaced ours (it took over after a crash): our release leaves it alone.
    await foreign(4242);
    await lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });

  it('a lock of this pid left by an earlier run (pid reused) is stale', async () => {
    await foreign(process.pid);
    expect(await folderHolder(dir)).toBeNull();
    const lock = await lockDataFolder(dir, { purpose: 'serve' });
    await lock.release();
  });
});
