/** The `ledger:backups` and `ledger:restoreBackup` channels. */
import { ApiError, type Handlers } from '@core/api-contract';
import type { LedgerBackups } from '../services/ledger-backups';
import type { SettingsStore } from '../services/stores/settings-store';
import type { EventBus } from './event-bus';
import { findOrg } from './org-lookup';

type BackupChannels = 'ledger:backups' | 'ledger:restoreBackup';

/** What the ledger-backup channels use. */
export interface BackupHandlerDeps {
  bus: Pick<EventBus, 'emit'>;
  /** Ledger backups (list and restore); absent in hosts or tests that do not offer them. */
  ledgerBackups?: LedgerBackups;
  settings: Pick<SettingsStore, 'get'>;
}

/** Handlers for ledger backups; a restore is announced with `data:changed`. */
export function createBackupHandlers(deps: BackupHandlerDeps): Pick<Handlers, BackupChannels> {
  const backups = () => {
    if (!deps.ledgerBackups) throw new ApiError('rejected', 'Ledger backups are not available here.');
    return deps.ledgerBackups;
  };
  return {
    'ledger:backups': async ({ orgId }) => ({
      backups: await backups().list(findOrg(deps.settings.get(), orgId).id),
    }),
    'ledger:restoreBackup': async ({ orgId, name }) => {
      const known = findOrg(deps.settings.get(), orgId).id;
      try {
        const ledger = await backups().restore(known, name);
        deps.bus.emit('data:changed', { orgId });
        return ledger;
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw new ApiError('rejected', (err as Error).message);
      }
    },
  };
}
