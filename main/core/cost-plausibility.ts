/**
 * Well-formed but implausible cost answers are not stored as truth: a day that had costs never loses
 * them all in a later answer (an empty page keeps the previous figures), and amounts beyond what any
 * organization spends on one line item in a day (below −$1,000 or above $10,000,000) stop the sync with
 * a reason, leaving the stored figures as they were.
 *
 * Example: stored yesterday $41.20 in 3 rows, new answer for yesterday with no rows → yesterday stays
 * $41.20 (kept: [yesterday]); a row of −$5,000,000.00 → "an amount of −$5,000,000.00 on 2026-11-30 is
 * not plausible".
 */
import { formatUsd } from './money';
import type { CostDay } from './sync-data';

export const MIN_PLAUSIBLE_ROW_MICROS = -1_000e6;
export const MAX_PLAUSIBLE_ROW_MICROS = 10_000_000e6;

/** The first implausible amount in words, or null when every amount is plausible. */
export function implausibleCost(days: readonly CostDay[]): string | null {
  for (const d of days) {
    for (const r of d.rows) {
      if (
        !Number.isFinite(r.micros) ||
        r.micros < MIN_PLAUSIBLE_ROW_MICROS ||
        r.micros > MAX_PLAUSIBLE_ROW_MICROS
      ) {
        const day = new Date(d.dayStartMs).toISOString().slice(0, 10);
        const sign = r.micros < 0 ? '−' : '';
        return `an amount of ${sign}${formatUsd(Math.abs(r.micros))} on ${day} is not plausible`;
      }
    }
  }
  return null;
}

/**
 * The fetched days, with every day that had rows before but has none now replaced by what was stored.
 * `kept` lists the days whose previous figures were kept.
 */
export function keepVanishedDays(
  fetched: readonly CostDay[],
  stored: readonly CostDay[],
): { days: CostDay[]; kept: number[] } {
  const byDay = new Map(fetched.map((d) => [d.dayStartMs, d]));
  const kept: number[] = [];
  for (const s of stored) {
    const now = byDay.get(s.dayStartMs);
    if (s.rows.length > 0 && (!now || now.rows.length === 0)) {
      byDay.set(s.dayStartMs, s);
      kept.push(s.dayStartMs);
    }
  }
  return { days: [...byDay.values()].sort((a, b) => a.dayStartMs - b.dayStartMs), kept };
}
