/**
 * The wrong-organization flag in words, from the point of view of one account.
 *
 * Example: "Wrong organization? Staging usually spends nothing and spent $42.00 in the last 3 days — check
 * keys meant for Production."
 */
import { formatMoney } from '../money';
import type { WrongOrgFlag } from '../wrong-org';

/** Says a wrong-org flag from the point of view of `orgId`. */
export function describeWrongOrgFlag(flag: WrongOrgFlag, orgId: string, currency: string): string {
  const spent = formatMoney(flag.recentMicros, currency);
  const usual = `usually ${formatMoney(flag.usualDailyMicros, currency)} a day`;
  const days = `the last ${flag.recentDays} days`;
  if (flag.toOrgId === orgId) {
    return flag.kind === 'started-spending'
      ? `Wrong organization? ${flag.toName} usually spends nothing and spent ${spent} in ${days}${flag.fromName ? ` — check keys meant for ${flag.fromName}` : ''}.`
      : `Wrong organization? ${flag.toName} spent ${spent} in ${days} (${usual}) while ${flag.fromName ?? 'another organization'} spent less.`;
  }
  return `Wrong organization? ${flag.toName} ${flag.kind === 'started-spending' ? 'usually spends nothing and ' : ''}spent ${spent} in ${days} — usage meant for ${flag.fromName ?? 'this organization'} may be going there.`;
}

/** The flags touching `orgId`, in words, joined; null when none. */
export function wrongOrgWords(
  flags: readonly WrongOrgFlag[],
  orgId: string,
  currency: string,
): string | null {
  const mine = flags.filter((f) => f.toOrgId === orgId || f.fromOrgId === orgId);
  return mine.length === 0 ? null : mine.map((f) => describeWrongOrgFlag(f, orgId, currency)).join(' ');
}

/**
 * The flag as an overview card says it, short, on the account that spends unexpectedly (its page has the
 * whole sentence).
 *
 * Example: started spending → "Wrong organization? $12.92 here in 3 days, usually nothing."
 */
export function cardWrongOrgWords(flag: WrongOrgFlag, currency: string): string {
  const usual =
    flag.kind === 'started-spending'
      ? 'usually nothing'
      : `usually ${formatMoney(flag.usualDailyMicros, currency)} a day`;
  return `Wrong organization? ${formatMoney(flag.recentMicros, currency)} here in ${flag.recentDays} days, ${usual}.`;
}
