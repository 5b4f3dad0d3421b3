/**
 * A deliberately naive reference for the ledger, for property tests only: it walks hour by hour over an
 * hourly cost series and applies the written rules with plain arrays and luxon, sharing no code with
 * main/core's ledger. Every entry must sit on an hour boundary, and month starts in the billing zone too.
 *
 * Rules (docs/ledger-and-forecast.md):
 * * the ledger starts at its first credit or observation (prepaid) — before it the balance is zero and
 *   spend is not the ledger's; monthly billing also starts no later than the current month's first hour;
 * * at an hour start: credits are added (paying off a negative balance first), lots at or past expiry lose
 *   what is left, then an observation sets the balance: it gives its balance to the lots from the back of the drawing order, each up to its amount,
 *   any excess becoming credit of unknown origin that never expires; a negative value empties the lots);
 * * the hour's cost is drawn: grants first, then purchases, earliest expiry first; prepaid — what the lots
 *   cannot cover makes the balance negative; monthly — it goes on that month's card charge;
 * * prepaid with an enabled rule, after an hour that ends after the last observation and confirmed reload:
 *   if the balance is below the threshold and the month's limit (confirmed + predicted reloads, in USD or
 *   in count) allows, one reload adds (target − balance) or the fixed amount, as a purchase at the hour's end.
 */
import { DateTime } from 'luxon';
import type { BillingConfig } from '@core/billing';
import type { LedgerEntry } from '@core/ledger-schema';

const H = 3_600_000;

export interface OracleInput {
  /** First hour of `hourly` (a UTC hour start). */
  startMs: number;
  /** Cost of each hour from `startMs`, whole micro-dollars. */
  hourly: readonly number[];
  /** An hour boundary within the series. */
  nowMs: number;
  entries: readonly LedgerEntry[];
  billing: BillingConfig;
}
export interface OracleResult {
  /** Null: prepaid with nothing recorded. */
  balance: number | null;
  reloads: Array<{ atMs: number; micros: number }>;
  /** Monthly billing: usage of the month containing `nowMs` that goes on the card. */
  cardThisMonth: number;
}

interface Lot {
  grant: boolean;
  expires: number;
  at: number;
  left: number;
  amount: number;
}

const monthOfLuxon = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).startOf('month').toMillis();
const yearAfter = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).plus({ years: 1 }).toMillis();

/** Replays the ledger the slow, obvious way. */
export function oracleReplay(input: OracleInput): OracleResult {
  const { billing, nowMs } = input;
  const zone = billing.timeZone;
  // Month starts (luxon) from well before the series to after now; an hour's month is the last one at or before it.
  const starts: number[] = [];
  let m = monthOfLuxon(input.startMs - 40 * 24 * H, zone);
  for (; m <= nowMs + H; m = DateTime.fromMillis(m, { zone }).plus({ months: 1 }).toMillis()) starts.push(m);
  const monthOf = (ms: number, _zone: string) => starts.filter((s) => s <= ms).pop()!;
  const facts = input.entries.filter((e) => e.atMs <= nowMs && e.kind !== 'card-charge');
  const prepaid = billing.mode === 'prepaid';
  const rule = prepaid && billing.reload && billing.reload.enabled ? billing.reload : null;
  if (prepaid && facts.length === 0) return { balance: null, reloads: [], cardThisMonth: 0 };
  let start = facts.length > 0 ? Math.min(...facts.map((e) => e.atMs)) : Infinity;
  if (!prepaid) start = Math.min(start, monthOf(nowMs, zone));
  let lastFact = start;
  for (const e of facts)
    if (e.kind === 'observation' || e.kind === 'reload') lastFact = Math.max(lastFact, e.atMs);

  const lots: Lot[] = [];
  let debt = 0;
  const card = new Map<number, number>();
  const reloads: Array<{ atMs: number; micros: number }> = [];
  const reloadMonths: Array<{ month: number; micros: number }> = facts
    .filter((e) => e.kind === 'reload')
    .map((e) => ({ month: monthOf(e.atMs, zone), micros: (e as { micros: number }).micros }));
  const balance = () => lots.reduce((s, l) => s + l.left, 0) - debt;
  const add = (lot: Lot) => {
    const pay = Math.min(debt, lot.left);
    debt -= pay;
    lots.push({ ...lot, left: lot.left - pay });
  };
  const sortLots = () =>
    lots.sort((a, b) => (a.grant === b.grant ? 0 : a.grant ? -1 : 1) || a.expires - b.expires || a.at - b.at);
  const draw = (amount: number): number => {
    sortLots();
    let left = amount;
    for (const l of lots) {
      const take = Math.min(left, l.left);
      l.left -= take;
      left -= take;
    }
    return left;
  };

  for (let t = start; t <= nowMs; t += H) {
    for (const e of facts) {
      if (e.atMs !== t) continue;
      const amount = e.kind === 'observation' || e.kind === 'card-charge' ? 0 : e.micros;
      if (e.kind === 'grant') add({ grant: true, expires: e.expiresAtMs, at: t, left: amount, amount });
      if (e.kind === 'purchase')
        add({ grant: false, expires: e.expiresAtMs ?? yearAfter(t), at: t, left: amount, amount });
      if (e.kind === 'reload') add({ grant: false, expires: yearAfter(t), at: t, left: amount, amount });
    }
    for (const l of lots) if (l.expires <= t) l.left = 0;
    for (const e of facts) {
      if (e.atMs !== t || e.kind !== 'observation') continue;
      // What is left after usage is the credit drawn last: fill lots from the back of the order.
      debt = Math.max(0, -e.balanceMicros);
      let left = Math.max(0, e.balanceMicros);
      sortLots();
      for (const l of [...lots].reverse()) {
        l.left = Math.min(left, l.expires > t ? l.amount : 0);
        left -= l.left;
      }
      // Credit the recorded lots cannot hold: its purchase, and so its expiry, is unknown — it never expires.
      if (left > 0) add({ grant: false, expires: Number.MAX_VALUE, at: t, left, amount: left });
    }
    if (t === nowMs) break;
    const cost = input.hourly[(t - input.startMs) / H] ?? 0;
    const uncovered = draw(cost);
    if (prepaid) debt += uncovered;
    else card.set(monthOf(t, zone), (card.get(monthOf(t, zone)) ?? 0) + uncovered);
    const end = t + H;
    if (!rule || end <= lastFact) continue;
    if (balance() < rule.thresholdMicros) {
      const b = balance();
      const charge =
        rule.action.kind === 'restore-to'
          ? Math.max(0, rule.action.targetMicros - b)
          : rule.action.amountMicros;
      const month = reloadMonths.filter((r) => r.month === monthOf(end, zone));
      const limit = rule.monthlyLimit;
      const fits =
        limit === null
          ? true
          : limit.kind === 'count'
            ? month.length + 1 <= limit.count
            : month.reduce((s, r) => s + r.micros, 0) + charge <= limit.micros;
      if (charge <= 0 || !fits) continue;
      add({ grant: false, expires: yearAfter(end), at: end, left: charge, amount: charge });
      reloadMonths.push({ month: monthOf(end, zone), micros: charge });
      reloads.push({ atMs: end, micros: charge });
    }
  }
  return {
    balance: prepaid || facts.length > 0 ? balance() : 0,
    reloads,
    cardThisMonth: card.get(monthOf(nowMs, zone)) ?? 0,
  };
}
