/**
 * Credit expiring within N days (30): the lot with credit left that expires first, its amount and date.
 * Each lot is its own episode.
 *
 * Example: $25.00 of a grant left, expiring 15 Jan, now 1 Jan → fires once for that grant.
 */
import { DAY_MS } from '../../time';
import { dateWords } from '../../words/date-words';
import { moneyWords } from '../../words/money-words';
import type { AlertRule } from './rule';

export const creditExpiringRule: AlertRule = (f, r) => {
  const soon = f.expiring
    .filter(
      (l) => l.micros > 0 && l.expiresAtMs > f.nowMs && l.expiresAtMs - f.nowMs <= r.expiringDays * DAY_MS,
    )
    .sort((a, b) => a.expiresAtMs - b.expiresAtMs);
  const first = soon[0];
  if (!first) return null;
  const more =
    soon.length > 1 ? ` (and ${soon.length - 1} more lot${soon.length > 2 ? 's' : ''} after it)` : '';
  return {
    kind: 'credit-expiring',
    severity: 'warning',
    title: `${f.orgName}: ${moneyWords(first.micros, f.currency)} of credit expires ${dateWords(first.expiresAtMs, f.nowMs, f.timeZone)}`,
    body: `${moneyWords(first.micros, f.currency)} of this credit is still unused and expires on ${dateWords(first.expiresAtMs, f.nowMs, f.timeZone)}${more}.${unusedWords(f, first.lotId)} Expired credit is not refunded.`,
    episode: first.lotId,
  };
};

/** " About $384 (likely $0–$573) is expected to be left unused." from the answer, or "" when not forecast. */
function unusedWords(f: Parameters<AlertRule>[0], lotId: string): string {
  const lot = f.answer?.lots.find((l) => l.lotId === lotId);
  if (!lot?.unusedAtExpiry) return '';
  const t = lot.unusedAtExpiry.text;
  return ` ${t.charAt(0).toUpperCase()}${t.slice(1)} is expected to be left unused.`;
}
