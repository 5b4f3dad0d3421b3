// The desktop key store, with Electron's safeStorage replaced by a reversible stand-in: keys saved at
// once are all kept, and the file is written owner-only through the one atomic writer.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (s: string) => Buffer.from([...s].reverse().join(''), 'utf8'),
    decryptString: (b: Buffer) => [...b.toString('utf8')].reverse().join(''),
  },
}));
const { createSafeStorageSecretStore } = await import('../../../main/electron/secrets');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-enc-keys-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

describe('safeStorage secret store', () => {
  it('keeps every key when several are saved at once', async () => {
    const store = createSafeStorageSecretStore(dir);
    await Promise.all(['org_a', 'org_b', 'org_c'].map((id) => store.set(id, `sk-admin-${id}`)));
    expect((await store.ids?.())?.sort()).toEqual(['org_a', 'org_b', 'org_c']);
    expect(await store.get('org_b')).toBe('sk-admin-org_b');
  });

  it('writes an owner-only file and leaves no temp file', async () => {
    const store = createSafeStorageSecretStore(dir);
    await store.set('org_a', 'sk-admin-x');
    await store.remove('org_a');
    expect(await store.has('org_a')).toBe(false);
    expect(await readdir(dir)).toEqual(['keys.enc.json']);
    expect((await stat(join(dir, 'keys.enc.json'))).mode & 0o777).toBe(0o600);
  });
});
