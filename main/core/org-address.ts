/**
 * Where an account's key may be sent: its provider's own API, or an address the user typed with the key.
 * An address that came from a file (a backup, a rebuilt account) waits for the user's confirmation.
 */
import { PROVIDERS } from './provider-info';
import type { Org } from './schemas';

/** Whether `url` is an http or https address (the only ones a key is ever sent to). */
export function isHttpAddress(url: string): boolean {
  // Core has no URL class; stored addresses were already checked as URLs by the schema.
  return /^https?:\/\/[^\s/?#@]+(?:[/?#]|$)/i.test(url.trim());
}

/** The address an org's requests go to: its own base URL, else its provider's. */
export function orgAddress(org: Pick<Org, 'provider' | 'baseUrl'>): string {
  return org.baseUrl ?? PROVIDERS[org.provider].baseUrl;
}

/**
 * Why no key may be sent for `org` yet, in words the user can act on; null when it may.
 *
 * Example: a restored account at https://proxy.example/v1 → "Paused until you confirm its address …".
 */
export function addressHoldReason(
  org: Pick<Org, 'provider' | 'baseUrl' | 'addressToConfirm'>,
): string | null {
  const address = orgAddress(org);
  if (!isHttpAddress(address))
    return `This account's address (${address}) is not an http or https address, so its key is never sent there: remove the account and add it again with the right address.`;
  if (org.addressToConfirm)
    return `Paused until you confirm this account's address (${address}): it came from a backup or was rebuilt from the data folder, not typed here with the key. Confirm it under Settings → Organizations, or remove the account and add it again.`;
  return null;
}
