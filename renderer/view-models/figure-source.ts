/**
 * Where an account's figures come from, in words: a balance the provider's API reported (settled, not an
 * estimate), and spend read from how that balance fell since the first reading.
 */
import type { Dashboard } from '@core/dashboard';
import { PROVIDERS, type ProviderId } from '@core/provider-info';
import { formatDateTime, formatUtcDay, type DisplayZone } from './format';

/**
 * The API balance's provenance.
 *
 * Example: `apiBalanceWords('openrouter', Date.UTC(2026, 11, 2, 10, 5), now, utc)` →
 * "from the OpenRouter API, as of Wed 2 Dec, 10:05".
 */
export function apiBalanceWords(
  provider: ProviderId,
  atMs: number,
  nowMs: number,
  zone: DisplayZone,
): string {
  return `from the ${PROVIDERS[provider].name} API, as of ${formatDateTime(atMs, nowMs, zone)}`;
}

/**
 * How spend is known, for providers whose API reports a balance only; null for providers that report costs.
 *
 * Example: `{ kind: 'balance', sinceMs: Date.UTC(2026, 10, 25) }` → "read from the fall of the balance since
 * Wed 25 Nov, 00:00 (the first reading)"; before any reading → "read from the fall of the balance once two
 * readings are in". With a history from the provider's activity (OpenRouter) it says so first: "per model from
 * the provider's activity report from Nov 7 until the day of the first reading, then read from …".
 */
export function spendSourceWords(
  source: Dashboard['spendSource'],
  nowMs: number,
  zone: DisplayZone,
): string | null {
  if (source.kind !== 'balance') return null;
  const fromBalance =
    source.sinceMs === null
      ? 'read from the fall of the balance once two readings are in'
      : `read from the fall of the balance since ${formatDateTime(source.sinceMs, nowMs, zone)} (the first reading)`;
  if (source.historyFromMs == null) return fromBalance;
  return `per model from the provider's activity report from ${formatUtcDay(source.historyFromMs)} until the day of the first reading, then ${fromBalance}`;
}

/** "organization" for providers whose console says so (OpenAI, Anthropic), else "account". */
export function accountWord(provider: ProviderId): 'organization' | 'account' {
  return provider === 'openai' || provider === 'anthropic' ? 'organization' : 'account';
}

/** Where the user reads the balance by hand, for providers whose API does not report it. */
export const BILLING_PAGES: Partial<Record<ProviderId, string>> = {
  openai: 'https://platform.openai.com/settings/organization/billing/overview',
  anthropic: 'https://platform.claude.com/settings/billing',
};
