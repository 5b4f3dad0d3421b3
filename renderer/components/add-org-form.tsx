/**
 * The key form, in its two uses. Adding an account: the provider first, then a name and the key that
 * provider needs (with where to create it). Giving a stored account its key again (`account`, on the "Key
 * needed" card): only the key, sent with the account's own name, provider and address so it joins the same
 * account. In both, a key of another provider is pointed out at the field before anything is sent, and the
 * server's message is shown in words.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ProviderId } from '@core/provider-info';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../api/api-context';
import { useFormSubmit } from '../hooks/use-form-submit';
import { SubmitButton } from './submit-button';
import { addOrgWords, keyFieldProblem, PROVIDER_CHOICES } from '../view-models/add-org';
import { LinkedText } from './linked-text';

export interface AddOrgFormProps {
  onAdded: (org: OrgSummary) => void;
  onCancel?: () => void;
  /** A stored account that needs its key: the form then asks for the key alone. */
  account?: OrgSummary;
}

interface AddOrgValues {
  name: string;
  apiKey: string;
  provider: ProviderId;
  baseUrl: string;
}

/** The "Add an account" form, or the key field of a stored account (`account`). */
export function AddOrgForm({ onAdded, onCancel, account }: AddOrgFormProps) {
  const api = useApi();
  const id = useId();
  const [provider, setProvider] = useState<ProviderId>(account?.provider ?? 'openai');
  const [name, setName] = useState(account?.name ?? '');
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState(account?.baseUrl ?? '');
  const words = addOrgWords(provider);
  const keyProblem = keyFieldProblem(provider, apiKey);
  const { submit, isPending, error, clear, formProps } = useFormSubmit(async (v: AddOrgValues) => {
    const trimmedUrl = v.baseUrl.trim();
    // For a stored account: same name, provider and address, so the key joins it (its id, ledger, history).
    const org = await api.invoke('orgs:add', {
      name: v.name,
      apiKey: v.apiKey,
      provider: v.provider,
      ...(trimmedUrl ? { baseUrl: trimmedUrl } : {}),
    });
    setApiKey(''); // do not keep the key in memory longer than needed
    onAdded(org);
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (keyProblem) return; // shown at the key field already
    submit({ name, apiKey, provider, baseUrl });
  }

  const keyHelp = account ? null : (
    <p id={`${id}-key-help`} className="help" data-testid="key-help">
      {words.keyHowTo}{' '}
      <a href={words.keyUrl} target="_blank" rel="noreferrer noopener">
        Create the {words.keyLabel.toLowerCase().startsWith('api') ? 'API key' : words.keyLabel}
      </a>
      .{words.keyWarning ? ` ${words.keyWarning}` : ''}
    </p>
  );
  const keyDescribedBy = [keyProblem ? `${id}-key-error` : null, account ? null : `${id}-key-help`]
    .filter(Boolean)
    .join(' ');

  return (
    <form
      className="stack"
      onSubmit={onSubmit}
      aria-describedby={account ? undefined : `${id}-help`}
      data-testid={account ? 'key-needed-form' : 'add-org-form'}
      {...formProps}
    >
      {!account && (
        <>
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
                    clear();
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
        </>
      )}
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
          aria-describedby={keyDescribedBy || undefined}
        />
        {keyProblem && (
          <p id={`${id}-key-error`} className="field-error" role="alert" data-testid="key-mismatch">
            {keyProblem}
          </p>
        )}
        {keyHelp}
      </div>
      {!account && (
        <>
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
        </>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid={account ? 'key-needed-error' : 'add-org-error'}>
          <LinkedText text={error} />
        </p>
      )}
      <SubmitButton
        label={account ? 'Save the key' : words.submitLabel}
        isPending={isPending}
        pendingLabel="Checking the key…"
        isBlocked={keyProblem !== null}
      >
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </SubmitButton>
    </form>
  );
}
