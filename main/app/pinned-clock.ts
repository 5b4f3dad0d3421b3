/**
 * A clock set to a chosen instant (`serve --now`) is for demos and tests. Organizations on the real
 * OpenAI API always run on the real clock: their costs, "as of" times and forecasts must be true.
 */
import type { Org } from '@core/schemas';

/** Thrown when a pinned clock would reach a real organization; the message is for the user. */
export class PinnedClockError extends Error {}

/**
 * Refuses to start on a pinned clock when a real organization would be synced by it.
 *
 * Example: a data folder with an org whose `baseUrl` is null (api.openai.com) → throws; demo orgs and orgs
 * pointed at a local simulator are fine.
 */
export function assertPinnedClockAllowed(orgs: readonly Org[], envAdminKey: string | null): void {
  const real = orgs.filter((o) => o.kind !== 'demo' && o.baseUrl === null);
  if (envAdminKey)
    throw new PinnedClockError(
      '--now cannot be used with OPENAI_ADMIN_KEY: a real organization always runs on the real clock.',
    );
  if (real.length > 0)
    throw new PinnedClockError(
      `--now cannot be used with this data folder: ${real.map((o) => `'${o.name}'`).join(', ')} ` +
        `${real.length === 1 ? 'is a real organization' : 'are real organizations'}, which always run on the ` +
        'real clock. Use a separate --data-dir for demos and tests.',
    );
}
