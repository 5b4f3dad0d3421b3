/** The app's key store, guarded so an unreadable key file is reported and never breaks a channel. */
import { guardSecrets, type GuardedSecrets } from '../services/guarded-secrets';
import type { SecretStore } from '../services/secrets';
import type { ProblemList } from '../services/stores/store-problem';

/** `secrets` wrapped by `guardSecrets`, reporting into the app's problem list. */
export function guardAppSecrets(
  secrets: SecretStore,
  problems: ProblemList,
  dataDir: string,
  nowMs: () => number,
): GuardedSecrets {
  return guardSecrets(secrets, (message) =>
    problems.report({ file: dataDir, quarantinedAs: null, atMs: nowMs(), message }),
  );
}
