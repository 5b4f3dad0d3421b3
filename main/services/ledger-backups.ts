/**
 * Listing and restoring an org's ledger backups, for the UI and the command line.
 */
import type { LedgerBackupView } from '@core/api-contract';
import type { LedgerView } from '@core/money-view';
import type { LedgerStore } from './stores/ledger-store';

export interface LedgerBackups {
  list(orgId: string): Promise<LedgerBackupView[]>;
  /** Makes a backup current (the ledger as it was is backed up first) and returns the ledger. */
  restore(orgId: string, name: string): Promise<LedgerView>;
}

/** Backups over the ledger store. */
export function createLedgerBackups(ledgers: LedgerStore): LedgerBackups {
  return {
    list: async (orgId) =>
      (await ledgers.backups(orgId)).map(({ name, atMs, entries }) => ({ name, atMs, entries })),
    async restore(orgId, name) {
      const l = await ledgers.restore(orgId, name);
      return { billing: l.billing, entries: [...l.entries].sort((a, b) => b.atMs - a.atMs) };
    },
  };
}
