/**
 * "Key needed" cards: an account that is here without its key (restored from a backup — keys never travel
 * in one — or whose key was lost) says so and takes the key in place, instead of waiting for a first sync
 * that can never come. The key is checked with the provider like any new key, and the account keeps its
 * ledger and history.
 */
import { useId, useState, type FormEvent } from 'react';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../api/api-context';
import { errorText } from '../hooks/use-orgs';
import { addOrgWords, keyFieldProblem } from '../view-models/add-org';
import { LinkedText } from './linked-text';

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
  const api = useApi();
  const id = useId();
  const words = addOrgWords(org.provider);
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const problem = keyFieldProblem(org.provider, apiKey);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (problem) return;
    setIsSaving(true);
    setError(null);
    try {
      // Same name, provider and address as the stored account: the key joins it (its id, ledger, history).
      await api.invoke('orgs:add', {
        name: org.name,
        apiKey,
        provider: org.provider,
        ...(org.baseUrl ? { baseUrl: org.baseUrl } : {}),
      });
      setApiKey('');
      onSaved();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setIsSaving(false);
    }
  }

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
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-key`}>{words.keyLabel}</label>
          <input
            id={`${id}-key`}
            type="password"
            value={apiKey}
            onChange={(e) => setApiKey(e.currentTarget.value)}
            placeholder={words.keyPlaceholder}
            autoComplete="off"
            spellCheck={false}
            required
            aria-invalid={problem !== null}
          />
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="key-needed-error">
            <LinkedText text={error} />
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={isSaving || problem !== null}>
            {isSaving ? 'Checking the key…' : 'Save the key'}
          </button>
        </div>
      </form>
    </section>
  );
}
