/**
 * The API providers an organization (an "account") can belong to: what each one's key looks like, where
 * to create it, and what its API can tell us. Pure facts without zod, so the renderer can use them too;
 * `providers.ts` adds the schema.
 */
export const PROVIDER_IDS = ['openai', 'anthropic', 'openrouter', 'deepseek'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ProviderInfo {
  id: ProviderId;
  /** e.g. "Anthropic". */
  name: string;
  /** The key the provider's monitoring API needs, as the provider's console names it. */
  keyName: string;
  /** How that key starts, for the form's placeholder. Example: "sk-ant-admin01-…". */
  keyPrefix: string;
  /** Where to create that key. */
  keyUrl: string;
  /** One sentence on how to get the key (who may create it, which menu). */
  keyHowTo: string;
  /** Default API base URL. */
  baseUrl: string;
  /**
   * Where the figures come from. `costs`: the API reports spend (cost buckets) but no balance, so the
   * balance comes from what the user records (OpenAI, Anthropic). `balance`: the API reports the balance,
   * and spend is inferred from how it moves between polls (OpenRouter, DeepSeek).
   */
  source: 'costs' | 'balance';
  /** The currency the provider bills in; null when the API says (DeepSeek: CNY or USD). */
  currency: string | null;
  /** The provider's own names for its billing page's parts, so the page reads like the one the user knows. */
  words: ProviderWords;
}

/**
 * What a provider's billing page calls things, as its help pages word them (checked December 2026): OpenAI's
 * billing page shows "Credit balance", "Auto recharge" and "Credit grants"; Anthropic's help says "credit
 * balance", "auto-reload" and "Buy credits"; OpenRouter's credits page says "Credits", "Auto Top-Up" and "Add
 * Credits"; DeepSeek's balance API and page say "Balance", "granted balance" and "Top up", with no automatic
 * top-up.
 */
export interface ProviderWords {
  /** The prepaid balance. Example: "Credit balance". */
  balance: string;
  /** The automatic top-up when the balance runs low, as a noun; null when the provider has none. Example: "Auto recharge". */
  autoReload: string | null;
  /** Free or promotional credit the provider gives. Example: "Credit grants". */
  grants: string;
  /** The button that buys credit. Example: "Add to credit balance". */
  buy: string;
}

/** A provider's word for its automatic top-up, in lower case inside a sentence; "auto-reload" when it has none. */
export function autoReloadWord(provider: ProviderId): string {
  const word = PROVIDERS[provider].words.autoReload ?? 'auto-reload';
  return word.toLowerCase();
}

export const PROVIDERS: Record<ProviderId, ProviderInfo> = {
  openai: {
    id: 'openai',
    name: 'OpenAI',
    keyName: 'Admin key',
    keyPrefix: 'sk-admin-…',
    keyUrl: 'https://platform.openai.com/settings/organization/admin-keys',
    keyHowTo: 'An organization Owner creates it under Settings → Organization → Admin keys.',
    baseUrl: 'https://api.openai.com/v1',
    source: 'costs',
    currency: 'USD',
    words: {
      balance: 'Credit balance',
      autoReload: 'Auto recharge',
      grants: 'Credit grants',
      buy: 'Add to credit balance',
    },
  },
  anthropic: {
    id: 'anthropic',
    name: 'Anthropic',
    keyName: 'Admin API key',
    keyPrefix: 'sk-ant-admin01-…',
    // The Claude Console moved from console.anthropic.com to platform.claude.com (Anthropic's docs, Dec 2026).
    keyUrl: 'https://platform.claude.com/settings/admin-keys',
    keyHowTo: 'An organization admin creates it in the Claude Console under Settings → Admin keys.',
    baseUrl: 'https://api.anthropic.com',
    source: 'costs',
    currency: 'USD',
    words: {
      balance: 'Credit balance',
      autoReload: 'Auto-reload',
      grants: 'Promotional credits',
      buy: 'Buy credits',
    },
  },
  openrouter: {
    id: 'openrouter',
    name: 'OpenRouter',
    keyName: 'management key',
    keyPrefix: 'sk-or-v1-…',
    keyUrl: 'https://openrouter.ai/settings/management-keys',
    keyHowTo: 'Create it under Settings → Management keys (an inference key cannot read the credits).',
    baseUrl: 'https://openrouter.ai/api/v1',
    source: 'balance',
    currency: 'USD',
    words: { balance: 'Credits', autoReload: 'Auto Top-Up', grants: 'Free credits', buy: 'Add Credits' },
  },
  deepseek: {
    id: 'deepseek',
    name: 'DeepSeek',
    keyName: 'API key',
    keyPrefix: 'sk-…',
    keyUrl: 'https://platform.deepseek.com/api_keys',
    keyHowTo: 'Create it on the DeepSeek platform under API keys.',
    baseUrl: 'https://api.deepseek.com',
    source: 'balance',
    currency: null,
    words: { balance: 'Balance', autoReload: null, grants: 'Granted balance', buy: 'Top up' },
  },
};

/**
 * The provider a pasted key belongs to, from its shape alone; null when it could be anyone's.
 *
 * Examples: 'sk-admin-…' → 'openai', 'sk-proj-…' → 'openai', 'sk-ant-admin01-…' → 'anthropic',
 * 'sk-or-v1-…' → 'openrouter', 'sk-' + 32 hex digits → 'deepseek'.
 */
export function providerOfKey(apiKey: string): ProviderId | null {
  const key = apiKey.trim();
  if (key.startsWith('sk-ant-')) return 'anthropic';
  if (key.startsWith('sk-or-')) return 'openrouter';
  if (/^sk-(admin|proj|svcacct)-/.test(key)) return 'openai';
  if (/^sk-[0-9a-f]{32}$/.test(key)) return 'deepseek';
  return null;
}

/**
 * What to say when a key of another provider is pasted into this provider's form; null when the key
 * may belong here. Example: an Anthropic key in the OpenAI form → "This is an Anthropic key …".
 */
export function wrongProviderKeyProblem(provider: ProviderId, apiKey: string): string | null {
  const owner = providerOfKey(apiKey);
  if (owner === null || owner === provider) return null;
  const want = PROVIDERS[provider];
  return (
    `This is ${article(PROVIDERS[owner].name)} ${PROVIDERS[owner].name} key, and this account is on ${want.name}. ` +
    `Choose ${PROVIDERS[owner].name} as the provider, or paste ${article(want.name)} ${want.name} ${want.keyName} (${want.keyPrefix}).`
  );
}

function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? 'an' : 'a';
}

/**
 * Whether `code` is an ISO 4217 currency this runtime knows (it can then format it). Example: 'CNY' → true,
 * 'XYZ' → false, 'usd' → false (codes are upper case).
 */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return KNOWN_CURRENCIES.has(code);
}

const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['USD', 'CNY', 'EUR'],
);

/**
 * The currency an account's amounts are in: its provider's own when it has one (OpenAI, Anthropic,
 * OpenRouter: USD), else what the account recorded when it was added (from the API's answer), else what
 * the stored balance readings say, else USD. The readings file comes last because it can be edited by
 * hand: a "USD" typed into it never turns an account's CN¥ into dollars. Example: a DeepSeek account
 * recorded in CNY, readings file saying USD → 'CNY'; before its first reading, nothing recorded → 'USD'.
 */
export function accountCurrency(
  org: { provider: ProviderId; currency?: string | undefined },
  fromApi: string | null = null,
): string {
  return PROVIDERS[org.provider].currency ?? org.currency ?? fromApi ?? 'USD';
}
