/**
 * Adds an account: the provider first, then a name and the key that provider needs (with where to create
 * it); a key of another provider is pointed out at the field before anything is sent, and the server's
 * message is shown in words.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ProviderId } from '@core/provider-info';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../api/api-context';
import { errorText } from '../hooks/use-orgs';
import { addOrgWords, keyFieldProblem, PROVIDER_CHOICES } from '../view-models/add-org';
import { LinkedText } from './linked-text';

export interface AddOrgFormProps {
  onAdded: (org: OrgSummary) => void;
  onCancel?: () => void;
}

/** The "Add an account" form. */
export function AddOrgForm({ onAdded, onCancel }: AddOrgFormProps) {
  const api = useApi();
  const id = useId();
  const [provider, setProvider] = useState<ProviderId>('openai');
  const [name, setName] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const words = addOrgWords(provider);
  const keyProblem = keyFieldProblem(provider, apiKey);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (keyProblem) return; // shown at the key field already
    setIsSaving(true);
    setError(null);
    try {
      const trimmedUrl = baseUrl.trim();
      const org = await api.invoke('orgs:add', {
        name,
        apiKey,
        provider,
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
      <fieldset className="provider-choice">
        <legend>Provider</legend>
        {PROVIDER_CHOICES.map((p) => (
          <label key={p.id} className="radio">
            <input
              type="radio"
              name={`${id}-provider`}
              value={p.id}
              checked={provider === p.id}
              onChange={() => {
                setProvider(p.id);
                setError(null);
              }}
            />{' '}
            {p.name}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-name`}>{words.nameLabel}</label>
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
        <label htmlFor={`${id}-key`}>{words.keyLabel}</label>
        <input
          id={`${id}-key`}
          name="apiKey"
          type="password"
          value={apiKey}
          onChange={(e) => setApiKey(e.currentTarget.value)}
          placeholder={words.keyPlaceholder}
          autoComplete="off"
          spellCheck={false}
          required
          aria-invalid={keyProblem !== null}
          aria-describedby={keyProblem ? `${id}-key-error ${id}-key-help` : `${id}-key-help`}
        />
        {keyProblem && (
          <p id={`${id}-key-error`} className="field-error" role="alert" data-testid="key-mismatch">
            {keyProblem}
          </p>
        )}
        <p id={`${id}-key-help`} className="help" data-testid="key-help">
          {words.keyHowTo}{' '}
          <a href={words.keyUrl} target="_blank" rel="noreferrer noopener">
            Create the {words.keyLabel.toLowerCase().startsWith('api') ? 'API key' : words.keyLabel}
          </a>
          .{words.keyWarning ? ` ${words.keyWarning}` : ''}
        </p>
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
            placeholder={words.baseUrlPlaceholder}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-url-help`}
          />
          <p id={`${id}-url-help`} className="help">
            {words.baseUrlHelp}
          </p>
        </div>
      </details>
      <div id={`${id}-help`} className="help">
        <p>{words.privacy}</p>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="add-org-error">
          <LinkedText text={error} />
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSaving || keyProblem !== null}>
          {isSaving ? 'Checking the key…' : words.submitLabel}
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
