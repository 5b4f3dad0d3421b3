/**
 * Wrong-organization flags across accounts: each currency's accounts compared among themselves (amounts
 * of different currencies are never compared).
 *
 * Example: Production spends $40 a day and Staging nothing, then Staging $42 in 3 days while Production
 * falls → one "moved" flag naming both.
 */
import type { Dashboard } from '../dashboard';
import { detectWrongOrg, type WrongOrgFlag } from '../wrong-org';

/** The flags for a set of synced dashboards. */
export function wrongOrgFlagsOf(dashboards: readonly Dashboard[]): WrongOrgFlag[] {
  const synced = dashboards.filter((d) => d.asOfMs !== null);
  return [...new Set(synced.map((d) => d.currency))].flatMap((currency) =>
    detectWrongOrg(
      synced
        .filter((d) => d.currency === currency)
        .map((d) => ({ orgId: d.org.id, name: d.org.name, dailyMicros: d.daily.map((x) => x.totalMicros) })),
    ),
  );
}
