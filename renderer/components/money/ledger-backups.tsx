/**
 * The ledger's backups (one is taken before every change): when each was taken and how many entries
 * it holds, with a two-step Restore. Restoring backs up the ledger as it was first, so it can be undone.
 */
import { useState } from 'react';
import type { LedgerBackupView } from '@core/api-contract';
import { useApi } from '../../api/api-context';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { FormMessage } from '../form-message';
import { useServerState } from '../../api/server-state';
import { formatDateTime, type DisplayZone } from '../../view-models/format';

/** A disclosure listing the backups of `orgId`'s ledger. */
export function LedgerBackups({ orgId, zone, nowMs }: { orgId: string; zone: DisplayZone; nowMs: number }) {
  const api = useApi();
  const { value, error } = useServerState('ledger:backups', { orgId });
  const backups = value?.backups ?? null;
  const [confirm, setConfirm] = useState<string | null>(null);
  const save = useFormSubmit(async (b: LedgerBackupView) => {
    const ledger = await api.invoke('ledger:restoreBackup', { orgId, name: b.name });
    return `Restored the backup of ${formatDateTime(b.atMs, nowMs, zone)}: ${entryCount(ledger.entries.length)}. The ledger as it was stays among the backups.`;
  });

  function restore(b: LedgerBackupView) {
    if (confirm !== b.name) {
      setConfirm(b.name);
      return;
    }
    setConfirm(null);
    save.submit(b);
  }

  return (
    <details data-testid="ledger-backups">
      <summary>Backups of this ledger{backups ? ` (${backups.length})` : ''}</summary>
      {error && <p className="form-error">Backups could not be listed: {error}</p>}
      {backups && backups.length === 0 && (
        <p className="muted">No backups yet: one is taken before each change.</p>
      )}
      {backups && backups.length > 0 && (
        <ul className="org-list">
          {backups.map((b) => (
            <li key={b.name}>
              <span>
                {formatDateTime(b.atMs, nowMs, zone)} —{' '}
                {b.entries === null
                  ? 'cannot be read'
                  : `${b.entries} ${b.entries === 1 ? 'entry' : 'entries'}`}
              </span>
              <button
                type="button"
                className={confirm === b.name ? 'button danger' : 'button'}
                disabled={b.entries === null || save.isPending}
                onClick={() => restore(b)}
              >
                {confirm === b.name ? 'Really restore this backup?' : 'Restore'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormMessage save={save} />
    </details>
  );
}

function entryCount(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}
