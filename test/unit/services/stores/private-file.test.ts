// The one atomic writer and write queue every store and key file uses.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createKeyedWriteQueue,
  createWriteQueue,
  writePrivateFile,
} from '../../../../main/services/stores/private-file';
import { tempFileOwner } from '../../../../main/services/stores/leftover-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-private-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

describe('writePrivateFile', () => {
  it('replaces a looser file with an owner-only one and leaves no temp file', async () => {
    const path = join(dir, 'sub', 'a.json');
    await writePrivateFile(path, 'one');
    await writeFile(path, 'loose', { mode: 0o644 });
    await writePrivateFile(path, 'two');
    expect(await readFile(path, 'utf8')).toBe('two');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'sub'))).toEqual(['a.json']);
  });

  it('names its temp files so a killed process’s leftovers are recognised as its own', async () => {
    const seen = new Set<string>();
    const path = join(dir, 'b.json');
    const writes = Array.from({ length: 10 }, (_, i) => writePrivateFile(path, String(i)));
    // Temp files exist only while writes are in flight: look while they are.
    const looking = (async () => {
      for (let i = 0; i < 50; i++) for (const f of await readdir(dir)) if (f !== 'b.json') seen.add(f);
    })();
    await Promise.all([...writes, looking]);
    for (const name of seen) expect(tempFileOwner(name)).toBe(process.pid);
  });
});

describe('createWriteQueue', () => {
  it('runs tasks one after another, and a failed task does not stop the next', async () => {
    const queue = createWriteQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 1));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([queue(task('a')), queue(task('b', true)), queue(task('c'))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('keeps a read-modify-write whole: concurrent increments are all counted', async () => {
    const queue = createWriteQueue();
    const path = join(dir, 'count.txt');
    await writePrivateFile(path, '0');
    const bump = () =>
      queue(async () => writePrivateFile(path, String(Number(await readFile(path, 'utf8')) + 1)));
    await Promise.all(Array.from({ length: 8 }, bump));
    expect(await readFile(path, 'utf8')).toBe('8');
  });
});

describe('createKeyedWriteQueue', () => {
  it('serialises per key and lets different keys run side by side', async () => {
    const queue = createKeyedWriteQueue();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a1 = queue('a', async () => {
      await gate;
      log.push('a1');
    });
    const a2 = queue('a', async () => log.push('a2'));
    await queue('b', async () => log.push('b1'));
    expect(log).toEqual(['b1']);
    release();
    await Promise.all([a1, a2]);
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });
});
