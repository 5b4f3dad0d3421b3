/**
 * The words of the "add an account" form for each provider: what the account is called, which key it needs
 * and where to create it, and the message when a pasted key belongs to another provider.
 */
import { PROVIDERS, PROVIDER_IDS, wrongProviderKeyProblem, type ProviderId } from '@core/provider-info';
import { accountWord } from './figure-source';

export interface AddOrgWords {
  provider: ProviderId;
  providerName: string;
  /** "organization" (OpenAI, Anthropic) or "account" (OpenRouter, DeepSeek). */
  accountWord: 'organization' | 'account';
  nameLabel: string;
  keyLabel: string;
  /** "sk-ant-admin01-…" */
  keyPlaceholder: string;
  keyUrl: string;
  keyHowTo: string;
  /** A warning about the key people paste by mistake, or null. */
  keyWarning: string | null;
  baseUrlPlaceholder: string;
  baseUrlHelp: string;
  submitLabel: string;
  /** "The key stays on this machine: … sends it only to Anthropic." */
  privacy: string;
}

/** The providers in the order the form offers them. */
export const PROVIDER_CHOICES: ReadonlyArray<{ id: ProviderId; name: string }> = PROVIDER_IDS.map((id) => ({
  id,
  name: PROVIDERS[id].name,
}));

const KEY_WARNINGS: Partial<Record<ProviderId, string>> = {
  openai: 'A project key (sk-proj-…) will not work: costs can only be read with an Admin key.',
  anthropic: 'An ordinary API key (sk-ant-api03-…) will not work: usage and costs need an Admin API key.',
  openrouter: 'An inference key cannot read the credits: it must be a management key.',
};

/**
 * The form's words for `provider`.
 *
 * Example: `addOrgWords('anthropic')` → keyLabel "Admin API key", keyPlaceholder "sk-ant-admin01-…",
 * nameLabel "Organization name"; `addOrgWords('deepseek')` → nameLabel "Account name", submitLabel "Add account".
 */
export function addOrgWords(provider: ProviderId): AddOrgWords {
  const p = PROVIDERS[provider];
  const word = accountWord(provider);
  const Word = word === 'organization' ? 'Organization' : 'Account';
  return {
    provider,
    providerName: p.name,
    accountWord: word,
    nameLabel: `${Word} name`,
    keyLabel: capitalize(p.keyName),
    keyPlaceholder: p.keyPrefix,
    keyUrl: p.keyUrl,
    keyHowTo: p.keyHowTo,
    keyWarning: KEY_WARNINGS[provider] ?? null,
    baseUrlPlaceholder: p.baseUrl,
    baseUrlHelp: `Only for a proxy or gateway in front of the ${p.name} API. Leave empty to talk to ${p.name} directly.`,
    submitLabel: `Add ${word}`,
    privacy: `The key stays on this machine: Creditwatch stores it locally and sends it only to ${p.name}.`,
  };
}

/**
 * The message to show at the key field while typing, before anything is sent: a key of another provider
 * (the server refuses it too); null when the key may belong here or the field is empty.
 *
 * Example: `keyFieldProblem('anthropic', 'sk-admin-abc')` → "This is an OpenAI key, and this account is on
 * Anthropic. Choose OpenAI as the provider, or paste an Anthropic Admin API key (sk-ant-admin01-…)."
 */
export function keyFieldProblem(provider: ProviderId, apiKey: string): string | null {
  return apiKey.trim() === '' ? null : wrongProviderKeyProblem(provider, apiKey);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
