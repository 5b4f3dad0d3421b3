/**
 * The wrong-organization flag: spend showing up where it does not belong. An org that usually spends
 * nothing and starts spending, or spend that leaves one org while another gains about as much, is flagged on
 * both orgs' cards with the figures.
 *
 * Example: "Personal" spent $0.00 a day over the 27 days before the last 3 and $31.00 in the last 3; "Acme"
 * spends $25 a day → Personal is flagged as `started-spending` ($31.00 in 3 days), and Acme, the org the
 * spend most likely belongs to, carries the same flag.
 */
import type { Micros } from './money';
import { MICROS_PER_UNIT } from './money';

/** One org's spend per UTC day, oldest first, the last day being today (partial). */
export interface OrgDailySpend {
  orgId: string;
  name: string;
  dailyMicros: readonly Micros[];
}

export interface WrongOrgFlag {
  kind: 'started-spending' | 'moved';
  /** The org where the unexpected spend appeared. */
  toOrgId: string;
  toName: string;
  /** The org it most likely belongs to (the largest other spender, or the one whose spend fell). */
  fromOrgId: string | null;
  fromName: string | null;
  /** Spend of the receiving org in the recent window, and its usual daily spend before it. */
  recentMicros: Micros;
  usualDailyMicros: Micros;
  recentDays: number;
}

/** Days counted as "recent"; the rest of the series is the usual level. */
export const RECENT_DAYS = 3;
/** Usual spend this low counts as "nothing": 10 cents a day. */
const QUIET_DAILY_MICROS = 100_000;
/** A quiet org must spend at least this much recently to be flagged: $1. */
const MIN_RECENT_MICROS = MICROS_PER_UNIT;
/** Spend "moved" when the receiver's recent daily rate rose by 3× and the giver's fell by at least half of that rise. */
const MOVE_RATIO = 3;

function split(daily: readonly Micros[]): { usual: Micros; recentTotal: Micros; recentDaily: Micros } {
  const recent = daily.slice(-RECENT_DAYS);
  const before = daily.slice(0, -RECENT_DAYS);
  const recentTotal = recent.reduce((a, b) => a + b, 0);
  const usual = before.length ? Math.round(before.reduce((a, b) => a + b, 0) / before.length) : 0;
  return { usual, recentTotal, recentDaily: recent.length ? recentTotal / recent.length : 0 };
}

/** Decides which orgs carry a wrong-org flag; a flag is listed once and shown on both of its orgs. */
export function detectWrongOrg(orgs: readonly OrgDailySpend[]): WrongOrgFlag[] {
  if (orgs.length < 2) return [];
  const stats = orgs.map((o) => ({ org: o, ...split(o.dailyMicros) }));
  const flags: WrongOrgFlag[] = [];
  for (const s of stats) {
    const others = stats.filter((x) => x.org.orgId !== s.org.orgId);
    const isStart = s.usual <= QUIET_DAILY_MICROS && s.recentTotal >= MIN_RECENT_MICROS;
    const rise = s.recentDaily - s.usual;
    const isRise =
      !isStart &&
      s.usual > 0 &&
      s.recentDaily >= MOVE_RATIO * s.usual &&
      rise * RECENT_DAYS >= MIN_RECENT_MICROS;
    if (!isStart && !isRise) continue;
    // The giver: the other org whose daily spend fell the most; else (a new start) the largest spender.
    const fallers = others
      .map((o) => ({ o, fall: o.usual - o.recentDaily }))
      .filter((x) => x.fall >= rise / 2 && x.fall > 0)
      .sort((a, b) => b.fall - a.fall);
    if (isRise && fallers.length === 0) continue; // a busier org alone is growth, not a wrong org
    const from =
      fallers[0]?.o ?? [...others].sort((a, b) => b.usual - a.usual).find((o) => o.usual > 0) ?? null;
    flags.push({
      kind: isStart ? 'started-spending' : 'moved',
      toOrgId: s.org.orgId,
      toName: s.org.name,
      fromOrgId: from?.org.orgId ?? null,
      fromName: from?.org.name ?? null,
      recentMicros: s.recentTotal,
      usualDailyMicros: s.usual,
      recentDays: Math.min(RECENT_DAYS, s.org.dailyMicros.length),
    });
  }
  return flags;
}

/** The flags that concern `orgId` (as the receiver or the likely owner). */
export function flagsForOrg(flags: readonly WrongOrgFlag[], orgId: string): WrongOrgFlag[] {
  return flags.filter((f) => f.toOrgId === orgId || f.fromOrgId === orgId);
}
