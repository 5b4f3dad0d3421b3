import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../../main/services/secrets';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-keys-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

describe('file secret store', () => {
  it('stores, reads and removes keys in a 0600 file', async () => {
    const s = createFileSecretStore(dir);
    expect(await s.has('org_a')).toBe(false);
    await s.set('org_a', 'sk-admin-one');
    await s.set('org_b', 'sk-admin-two');
    expect(await s.get('org_a')).toBe('sk-admin-one');
    expect((await stat(join(dir, 'keys.json'))).mode & 0o777).toBe(0o600);
    await s.remove('org_a');
    expect(await s.has('org_a')).toBe(false);
    expect(await createFileSecretStore(dir).get('org_b')).toBe('sk-admin-two');
  });

  it('tightens the mode of an existing looser file on write', async () => {
    await writeFile(join(dir, 'keys.json'), JSON.stringify({ version: 1, keys: {} }), { mode: 0o644 });
    await createFileSecretStore(dir).set('org_a', 'sk-admin-x');
    expect((await stat(join(dir, 'keys.json'))).mode & 0o777).toBe(0o600);
  });

  it('never reads over an unreadable key file, and a key added again sets the damaged bytes aside', async () => {
    await writeFile(join(dir, 'keys.json'), 'garbage');
    const s = createFileSecretStore(dir);
    await expect(s.get('org_a')).rejects.toThrow(/not a valid Creditwatch key file/);
    expect(await readFile(join(dir, 'keys.json'), 'utf8')).toBe('garbage');
    await s.set('org_a', 'sk-admin-x');
    expect(await s.get('org_a')).toBe('sk-admin-x');
    const aside = (await readdir(dir)).find((f) => f.startsWith('keys.json.corrupt-'));
    expect(aside && (await readFile(join(dir, aside), 'utf8'))).toBe('garbage');
  });

  it('rejects an empty key', async () => {
    await expect(createFileSecretStore(dir).set('org_a', '  ')).rejects.toThrow(/empty key/);
  });
});

describe('file secret store writes through the one atomic writer', () => {
  it('two stores on one folder (a command and the app) save at once without tripping over a shared temp file', async () => {
    const a = createFileSecretStore(dir);
    const b = createFileSecretStore(dir);
    const writes = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).set(`org_${i}`, `sk-admin-${i}`));
    const results = await Promise.allSettled(writes);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    // Across processes the last write wins (as before); what matters is that none fails, the file is
    // whole, and no temp file is left behind.
    expect((await a.ids?.())?.length).toBeGreaterThan(0);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
