/**
 * "Key needed" cards: an account that is here without its key (restored from a backup — keys never travel
 * in one — or whose key was lost) says so and takes the key in place, instead of waiting for a first sync
 * that can never come. The key is checked with the provider like any new key, and the account keeps its
 * ledger and history.
 */
import { useId } from 'react';
import type { OrgSummary } from '@core/schemas';
import { addOrgWords } from '../view-models/add-org';
import { AddOrgForm } from './add-org-form';

/** The account whose key comes from the environment is fixed by restarting with it, not here. */
const ENVIRONMENT_ORG_ID = 'org_environmentkey';

/** Accounts that need their key typed in again. */
export function accountsNeedingKey(orgs: readonly OrgSummary[]): OrgSummary[] {
  return orgs.filter((o) => o.kind !== 'demo' && !o.hasKey && o.id !== ENVIRONMENT_ORG_ID);
}

/** One card per account without its key; nothing when every account has one. */
export function KeyNeededCards({ orgs, onSaved }: { orgs: readonly OrgSummary[]; onSaved: () => void }) {
  const needing = accountsNeedingKey(orgs);
  if (needing.length === 0) return null;
  return (
    <div className="stack" data-testid="key-needed-list">
      {needing.map((org) => (
        <KeyNeededCard key={org.id} org={org} onSaved={onSaved} />
      ))}
    </div>
  );
}

function KeyNeededCard({ org, onSaved }: { org: OrgSummary; onSaved: () => void }) {
  const id = useId();
  const words = addOrgWords(org.provider);
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="key-needed" data-org-id={org.id}>
      <h2 id={`${id}-title`}>Key needed: {org.name}</h2>
      <p>
        {org.keyUnreadable
          ? `The stored ${words.keyLabel.toLowerCase()} of this ${words.accountWord} could not be read.`
          : `This ${words.accountWord} is here without its ${words.keyLabel.toLowerCase()} (backups never hold keys).`}{' '}
        Paste it to start syncing; its ledger and settings stay as they are.
      </p>
      {org.baseUrl && (
        <p>
          The key will be sent to <strong>{org.baseUrl}</strong>, the address stored with this{' '}
          {words.accountWord}. Paste it only if you trust that address.
        </p>
      )}
      <AddOrgForm account={org} onAdded={onSaved} />
    </section>
  );
}
