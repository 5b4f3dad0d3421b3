/**
 * A key store that cannot break the app: when the key file is unreadable (truncated, not JSON, not
 * decryptable), the org's key state is `unreadable` ("key unreadable — add it again"), the problem is
 * reported once, and every other channel keeps working. Adding the key again replaces the damaged
 * file (its bytes are kept by the store as `<file>.corrupt-<stamp>`).
 */
import { ClientSetupError } from './api-errors';
import type { SecretStore } from './secrets';

export type KeyState = 'present' | 'missing' | 'unreadable';

/** Shown on the org and in sync errors. */
export const KEY_UNREADABLE_MESSAGE = 'key unreadable — add it again';

export interface GuardedSecrets extends SecretStore {
  state(orgId: string): Promise<KeyState>;
  ids(): Promise<string[]>;
}

/** Wraps `store`; `report` receives one message per distinct failure. */
export function guardSecrets(store: SecretStore, report: (message: string) => void): GuardedSecrets {
  const reported = new Set<string>();
  const note = (err: unknown) => {
    const message = `The stored Admin keys could not be read (${(err as Error).message}). Organizations show "${KEY_UNREADABLE_MESSAGE}"; adding an organization's key again replaces the damaged file.`;
    if (!reported.has(message)) {
      reported.add(message);
      report(message);
    }
  };
  const state = async (orgId: string): Promise<KeyState> => {
    try {
      return (await store.get(orgId)) === null ? 'missing' : 'present';
    } catch (err) {
      note(err);
      return 'unreadable';
    }
  };
  return {
    state,
    has: async (orgId) => (await state(orgId)) === 'present',
    async get(orgId) {
      try {
        return await store.get(orgId);
      } catch (err) {
        note(err);
        throw new KeyUnreadableError();
      }
    },
    set: (orgId, key) => store.set(orgId, key),
    remove: async (orgId) => {
      // Removing an org must work even when the key file is damaged (nothing readable to remove).
      try {
        await store.remove(orgId);
      } catch (err) {
        note(err);
      }
    },
    ids: async () => (store.ids ? store.ids() : []),
  };
}

/** Thrown by `get` when the key file cannot be read. */
export class KeyUnreadableError extends ClientSetupError {
  constructor() {
    super(
      `The stored Admin key cannot be read (${KEY_UNREADABLE_MESSAGE}): add the organization again with the same name and its key; its ledger and history are kept.`,
    );
  }
}
