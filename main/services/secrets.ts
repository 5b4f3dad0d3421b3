/**
 * Admin key storage for the Node host: keys.json in the data folder, readable by the owner only (0600).
 * Electron implements the same port with safeStorage. Keys never go to lowdb files, logs or messages.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { backupStamp } from './stores/backups';
import { createWriteQueue, writePrivateFile } from './stores/private-file';

/** Where an org's Admin key lives; the renderer only ever learns `has`. */
export interface SecretStore {
  get(orgId: string): Promise<string | null>;
  set(orgId: string, key: string): Promise<void>;
  remove(orgId: string): Promise<void>;
  has(orgId: string): Promise<boolean>;
  /** The org ids with a stored key (to find orgs again when settings are lost); may throw when unreadable. */
  ids?(): Promise<string[]>;
}

export const KEYS_FILE = 'keys.json';

const KeysFileSchema = z.object({ version: z.literal(1), keys: z.record(z.string(), z.string()) });
type KeysFile = z.infer<typeof KeysFileSchema>;

/** Creates the file-backed secret store in `dataDir`. */
export function createFileSecretStore(dataDir: string): SecretStore {
  const path = join(dataDir, KEYS_FILE);
  const serial = createWriteQueue();

  const load = async (): Promise<KeysFile> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, keys: {} };
      throw err;
    }
    const parsed = KeysFileSchema.safeParse(safeJson(text));
    // Never start afresh over a keys file we cannot read: that would silently drop the user's keys.
    if (!parsed.success) throw new Error(`${path} is not a valid Creditwatch key file; fix or remove it.`);
    return parsed.data;
  };

  const save = (data: KeysFile): Promise<void> => writePrivateFile(path, JSON.stringify(data));

  return {
    get: (orgId) => serial(async () => (await load()).keys[orgId] ?? null),
    has: (orgId) => serial(async () => (await load()).keys[orgId] !== undefined),
    ids: () => serial(async () => Object.keys((await load()).keys)),
    set: (orgId, key) =>
      serial(async () => {
        if (!key.trim()) throw new Error('An empty key cannot be stored.');
        let data: KeysFile;
        try {
          data = await load();
        } catch {
          // A damaged key file: the user is adding a key again. Keep the damaged bytes aside, start anew.
          await rename(path, `${path}.corrupt-${backupStamp(Date.now())}`);
          data = { version: 1, keys: {} };
        }
        await save({ ...data, keys: { ...data.keys, [orgId]: key } });
      }),
    remove: (orgId) =>
      serial(async () => {
        const data = await load();
        if (!(orgId in data.keys)) return;
        const { [orgId]: _removed, ...rest } = data.keys;
        await save({ ...data, keys: rest });
      }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
