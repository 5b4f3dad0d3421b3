/**
 * Adds an organization by name and Admin key; shows the server's validation error in words.
 */
import { useId, useState, type FormEvent } from 'react';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../api/api-context';
import { errorText } from '../hooks/use-orgs';
import { LinkedText } from './linked-text';

export const ADMIN_KEYS_URL = 'https://platform.openai.com/settings/organization/admin-keys';

export interface AddOrgFormProps {
  onAdded: (org: OrgSummary) => void;
  onCancel?: () => void;
}

/** The "Add an organization" form. */
export function AddOrgForm({ onAdded, onCancel }: AddOrgFormProps) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    try {
      const trimmedUrl = baseUrl.trim();
      const org = await api.invoke('orgs:add', {
        name,
        apiKey,
        ...(trimmedUrl ? { baseUrl: trimmedUrl } : {}),
      });
      setApiKey(''); // do not keep the key in memory longer than needed
      onAdded(org);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-describedby={`${id}-help`} data-testid="add-org-form">
      <div className="field">
        <label htmlFor={`${id}-name`}>Organization name</label>
        <input
          id={`${id}-name`}
          name="name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          placeholder="e.g. Acme Inc."
          autoComplete="organization"
          maxLength={80}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-key`}>Admin key</label>
        <input
          id={`${id}-key`}
          name="apiKey"
          type="password"
          value={apiKey}
          onChange={(e) => setApiKey(e.currentTarget.value)}
          placeholder="sk-admin-…"
          autoComplete="off"
          spellCheck={false}
          required
        />
      </div>
      <details className="advanced">
        <summary>Advanced</summary>
        <div className="field">
          <label htmlFor={`${id}-url`}>API base URL</label>
          <input
            id={`${id}-url`}
            name="baseUrl"
            type="url"
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.currentTarget.value)}
            placeholder="https://api.openai.com/v1"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-url-help`}
          />
          <p id={`${id}-url-help`} className="help">
            Only for a proxy or gateway in front of the OpenAI API. Leave empty to talk to OpenAI directly.
          </p>
        </div>
      </details>
      <div id={`${id}-help`} className="help">
        <p>
          Costs can only be read with an <strong>Admin key</strong> (it starts with <code>sk-admin-</code>); a
          project key (<code>sk-proj-…</code>) will not work. An organization owner can create one under{' '}
          <a href={ADMIN_KEYS_URL} target="_blank" rel="noreferrer noopener">
            Settings → Organization → Admin keys
          </a>{' '}
          on platform.openai.com.
        </p>
        <p>The key stays on this machine: Creditwatch stores it locally and sends it only to OpenAI.</p>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="add-org-error">
          <LinkedText text={error} />
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSaving}>
          {isSaving ? 'Checking the key…' : 'Add organization'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
