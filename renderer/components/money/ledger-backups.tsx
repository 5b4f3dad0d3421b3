/**
 * The ledger's backups (one is taken before every change): when each was taken and how many entries
 * it holds, with a two-step Restore. Restoring backs up the ledger as it was first, so it can be undone.
 */
import { useState } from 'react';
import type { LedgerBackupView } from '@core/api-contract';
import { useApi } from '../../api/api-context';
import { errorText } from '../../hooks/use-orgs';
import { useServerState } from '../../api/server-state';
import { formatDateTime, type DisplayZone } from '../../view-models/format';

/** A disclosure listing the backups of `orgId`'s ledger. */
export function LedgerBackups({ orgId, zone, nowMs }: { orgId: string; zone: DisplayZone; nowMs: number }) {
  const api = useApi();
  const { value, error } = useServerState('ledger:backups', { orgId });
  const backups = value?.backups ?? null;
  const [confirm, setConfirm] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function restore(b: LedgerBackupView) {
    if (confirm !== b.name) {
      setConfirm(b.name);
      return;
    }
    setConfirm(null);
    try {
      const ledger = await api.invoke('ledger:restoreBackup', { orgId, name: b.name });
      setMessage({
        text: `Restored the backup of ${formatDateTime(b.atMs, nowMs, zone)}: ${entryCount(ledger.entries.length)}. The ledger as it was stays among the backups.`,
        isError: false,
      });
    } catch (err) {
      setMessage({ text: errorText(err), isError: true });
    }
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
                disabled={b.entries === null}
                onClick={() => void restore(b)}
              >
                {confirm === b.name ? 'Really restore this backup?' : 'Restore'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p
          className={message.isError ? 'form-error' : 'form-notice'}
          role={message.isError ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </details>
  );
}

function entryCount(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}
