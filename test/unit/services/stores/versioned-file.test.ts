import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createProblemList } from '../../../../main/services/stores/store-problem';
import { openVersionedFile, upgrade, type FileSpec } from '../../../../main/services/stores/versioned-file';
import { createWriteMeter } from '../../../../main/services/stores/write-meter';

const V2 = z.object({ version: z.literal(2), name: z.string(), tags: z.array(z.string()) });
type V2 = z.infer<typeof V2>;
const SPEC: FileSpec<V2> = {
  label: 'test file',
  version: 2,
  schema: V2,
  // v1 had a single `tag`; v2 has a list.
  migrations: { 1: ({ tag, ...rest }) => ({ ...rest, version: 2, tags: tag ? [String(tag)] : [] }) },
  defaults: () => ({ version: 2, name: 'default', tags: [] }),
};
const NOW = Date.UTC(2026, 2, 10, 12, 0);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-vf-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

describe('upgrade', () => {
  it('runs migrations in order and validates', () => {
    expect(upgrade({ version: 1, name: 'a', tag: 'x' }, SPEC)).toEqual({
      version: 2,
      name: 'a',
      tags: ['x'],
    });
  });
  it.each([
    [null, /not a JSON object/],
    [{ name: 'a' }, /version/],
    [{ version: 3, name: 'a', tags: [] }, /newer Creditwatch/],
    [{ version: 2, name: 5, tags: [] }, /invalid content at name/],
  ])('rejects %o', (raw, message) => {
    expect(() => upgrade(raw, SPEC)).toThrow(message);
  });
});

describe('openVersionedFile', () => {
  it('starts from defaults, writes, and reads back an upgraded old file', async () => {
    const path = join(dir, 'a.json');
    const fresh = await openVersionedFile(path, SPEC, { nowMs: () => NOW });
    expect(fresh.data().name).toBe('default');
    await writeFile(path, JSON.stringify({ version: 1, name: 'old', tag: 't' }));
    const f = await openVersionedFile(path, SPEC, { nowMs: () => NOW });
    expect(f.data()).toEqual({ version: 2, name: 'old', tags: ['t'] });
    await f.write({ version: 2, name: 'new', tags: [] });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ version: 2, name: 'new', tags: [] });
  });

  it('quarantines a corrupt file, reports it and keeps its bytes', async () => {
    const path = join(dir, 'b.json');
    await writeFile(path, '{"version": 2, "name": "trunc');
    const problems = createProblemList();
    const seen: string[] = [];
    const f = await openVersionedFile(path, SPEC, {
      nowMs: () => NOW,
      problems: { ...problems, report: (p) => (seen.push(p.message), problems.report(p)) },
    });
    expect(f.data().name).toBe('default');
    const [problem] = problems.list();
    expect(problem?.quarantinedAs).toBe(`${path}.corrupt-2026-03-10T12-00-00-000Z`);
    expect(seen[0]).toMatch(/could not be read/);
    expect(await readFile(problem?.quarantinedAs ?? '', 'utf8')).toBe('{"version": 2, "name": "trunc');
    await f.write({ version: 2, name: 'after', tags: [] });
    expect((await readdir(dir)).sort()).toEqual(['b.json', 'b.json.corrupt-2026-03-10T12-00-00-000Z']);
  });

  it('quarantines a file from a newer version instead of overwriting it', async () => {
    const path = join(dir, 'c.json');
    await writeFile(path, JSON.stringify({ version: 9, name: 'future' }));
    const problems = createProblemList();
    await openVersionedFile(path, SPEC, { nowMs: () => NOW, problems });
    expect(problems.list()[0]?.message).toMatch(/newer Creditwatch/);
  });

  it('refuses an invalid value and skips writes that change nothing, counting bytes', async () => {
    const meter = createWriteMeter();
    const f = await openVersionedFile(join(dir, 'd.json'), SPEC, { nowMs: () => NOW, meter });
    await expect(f.write({ version: 2, name: 7 } as unknown as V2)).rejects.toThrow();
    await f.write({ version: 2, name: 'x', tags: [] });
    await f.write({ version: 2, name: 'x', tags: [] });
    const text = JSON.stringify({ version: 2, name: 'x', tags: [] });
    expect(meter.totals()).toEqual({ bytes: text.length, writes: 1, skipped: 1 });
  });
});
