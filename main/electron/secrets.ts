/**
 * Admin keys for the desktop app, encrypted with the OS keychain through `safeStorage`, in one file
 * with mode 0600. Keys never leave main: the renderer only learns whether one is set.
 */
import { safeStorage } from 'electron';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStore } from '../services/secrets';
import { backupStamp } from '../services/stores/backups';
import { createWriteQueue, writePrivateFile } from '../services/stores/private-file';

type EncryptedKeys = Record<string, string>; // orgId → base64 ciphertext

/** A SecretStore backed by safeStorage; refuses to write keys when no OS encryption is available. */
export function createSafeStorageSecretStore(dataDir: string): SecretStore {
  const file = join(dataDir, 'keys.enc.json');
  // Read-modify-write runs one at a time, so two keys saved at once are both kept.
  const serial = createWriteQueue();
  const load = async (): Promise<EncryptedKeys> => {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      return parsed as EncryptedKeys;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new Error(`The encrypted key file ${file} cannot be read; it was left untouched.`);
    }
  };
  const save = (keys: EncryptedKeys) => writePrivateFile(file, JSON.stringify(keys));
  return {
    get: (orgId) =>
      serial(async () => {
        const cipher = (await load())[orgId];
        if (!cipher) return null;
        try {
          return safeStorage.decryptString(Buffer.from(cipher, 'base64'));
        } catch {
          throw new Error(`The stored key for this organization in ${file} cannot be decrypted.`);
        }
      }),
    set: (orgId, key) =>
      serial(async () => {
        if (!safeStorage.isEncryptionAvailable()) {
          throw new Error(
            'This system offers no key encryption (no keychain/keyring), so the key was not saved.',
          );
        }
        let keys: EncryptedKeys;
        try {
          keys = await load();
        } catch {
          // A damaged key file: the user is adding a key again. Keep the damaged bytes aside, start anew.
          await rename(file, `${file}.corrupt-${backupStamp(Date.now())}`);
          keys = {};
        }
        keys[orgId] = safeStorage.encryptString(key).toString('base64');
        await save(keys);
      }),
    remove: (orgId) =>
      serial(async () => {
        const keys = await load();
        if (orgId in keys) {
          delete keys[orgId];
          await save(keys);
        }
      }),
    ids: () => serial(async () => Object.keys(await load())),
    has: (orgId) => serial(async () => orgId in (await load())),
  };
}
