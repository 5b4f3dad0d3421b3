/**
 * The monitored organizations with a two-step "Remove" (no modal dialog; a second click confirms).
 */
import { useState } from 'react';
import type { OrgSummary } from '@core/schemas';
import { orgAddress } from '@core/org-address';
import { useApi } from '../api/api-context';
import { useServerWrite } from '../api/server-state';
import { errorText } from '../hooks/use-orgs';
import { orgLabel } from './org-switcher';

export interface OrgListProps {
  orgs: OrgSummary[];
  onRemove: (orgId: string) => Promise<void>;
}

/** Lists orgs; removing one asks for a confirming second click and shows the server's error if it fails. */
export function OrgList({ orgs, onRemove }: OrgListProps) {
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const api = useApi();
  const write = useServerWrite();

  async function confirmAddress(orgId: string) {
    setBusyId(orgId);
    setError(null);
    try {
      const confirmed = await api.invoke('orgs:confirmAddress', { orgId });
      // Shown at once (the host's event also refetches the list, but may come later while it syncs).
      write(
        'orgs:list',
        {},
        (list) => list && { ...list, orgs: list.orgs.map((o) => (o.id === orgId ? confirmed : o)) },
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusyId(null);
    }
  }

  async function remove(orgId: string) {
    if (confirmId !== orgId) {
      setConfirmId(orgId);
      return;
    }
    setBusyId(orgId);
    setError(null);
    try {
      await onRemove(orgId);
      setConfirmId(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="stack">
      <ul className="org-list" data-testid="org-list">
        {orgs.map((org) => (
          <li key={org.id}>
            <span>
              {orgLabel(org)}
              {org.keyUnreadable ? (
                <span className="badge warn">key unreadable — add it again</span>
              ) : (
                !org.hasKey && <span className="badge warn">no key stored</span>
              )}
              {org.addressToConfirm && (
                <span className="badge warn" data-testid="address-to-confirm">
                  paused: confirm this address — {orgAddress(org)}
                </span>
              )}
            </span>
            {org.addressToConfirm && (
              <button
                type="button"
                className="button"
                onClick={() => void confirmAddress(org.id)}
                disabled={busyId === org.id}
              >
                Confirm this address
              </button>
            )}
            <button
              type="button"
              className={confirmId === org.id ? 'button danger' : 'button'}
              onClick={() => void remove(org.id)}
              onBlur={() => setConfirmId((id) => (id === org.id && busyId !== org.id ? null : id))}
              disabled={busyId === org.id}
            >
              {confirmId === org.id ? `Really remove ${org.name}?` : 'Remove'}
            </button>
          </li>
        ))}
      </ul>
      <p className="help">
        Removing an organization deletes its stored key from this machine and stops syncing it.
      </p>
      {orgs.some((o) => o.addressToConfirm) && (
        <p className="help">
          An account marked “confirm this address” came back from a backup, or was rebuilt from the data
          folder, with an address nobody typed on this machine. Its key is not sent anywhere until you confirm
          the address is yours; if it is not, remove the account.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
