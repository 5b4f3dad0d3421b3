/**
 * The monitored organizations with a two-step "Remove" (no modal dialog; a second click confirms).
 */
import { useState } from 'react';
import type { OrgSummary } from '@core/schemas';
import { orgAddress } from '@core/org-address';
import { useApi } from '../api/api-context';
import { useServerWrite } from '../api/server-state';
import { useFormSubmit } from '../hooks/use-form-submit';
import { FormMessage } from './form-message';
import { orgLabel } from './org-switcher';

export interface OrgListProps {
  orgs: OrgSummary[];
  onRemove: (orgId: string) => Promise<void>;
}

/** Lists orgs; removing one asks for a confirming second click and shows the server's error if it fails. */
export function OrgList({ orgs, onRemove }: OrgListProps) {
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const api = useApi();
  const write = useServerWrite();
  // Confirming an address and removing share one busy state and one message line: one runs at a time.
  const action = useFormSubmit(
    async ({ orgId, what }: { orgId: string; what: 'confirm-address' | 'remove' }) => {
      if (what === 'remove') {
        await onRemove(orgId);
        setConfirmId(null);
        return;
      }
      const confirmed = await api.invoke('orgs:confirmAddress', { orgId });
      // Shown at once (the host's event also refetches the list, but may come later while it syncs).
      write(
        'orgs:list',
        {},
        (list) => list && { ...list, orgs: list.orgs.map((o) => (o.id === orgId ? confirmed : o)) },
      );
    },
  );
  const busyId = action.pendingValues?.orgId ?? null;

  function remove(orgId: string) {
    if (confirmId !== orgId) {
      setConfirmId(orgId);
      return;
    }
    action.submit({ orgId, what: 'remove' });
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
                onClick={() => action.submit({ orgId: org.id, what: 'confirm-address' })}
                disabled={action.isPending}
              >
                Confirm this address
              </button>
            )}
            <button
              type="button"
              className={confirmId === org.id ? 'button danger' : 'button'}
              onClick={() => remove(org.id)}
              onBlur={() => setConfirmId((id) => (id === org.id && busyId !== org.id ? null : id))}
              disabled={action.isPending}
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
      <FormMessage save={action} />
    </div>
  );
}
