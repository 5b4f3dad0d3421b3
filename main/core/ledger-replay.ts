/**
 * The ledger replay: one walk through time over the hourly spend slices and the ledger's entries.
 *
 * * Credit (purchase, grant, confirmed reload) adds to the balance from its own instant; with no observed
 *   balance before it, the balance is zero before the first credit (spend before it is not the ledger's).
 * * Prepaid: usage draws the credit lots down (grants first, then purchases, earliest expiry first); with
 *   nothing left the balance goes negative and the next credit pays that off first. After each slice (an
 *   hour or less) the auto-reload rule fires once if the balance is below its threshold and the monthly
 *   limit allows the charge.
 * * Monthly / invoiced: usage draws credit added before it; what credit does not cover (all usage before
 *   the first credit, and usage after it ran out) accrues to that month's card charge.
 * * An observation sets the balance to what was seen at its instant. Entries at the same instant apply
 *   credits first, then expiries, then the observation (the billing page already shows that credit).
 *
 * Example: prepaid, $1,000 bought 12 days ago, $20 spent each day since, no observation → balance
 * $1,000 − 12 × $20 = $760.
 */
import type { BillingConfig } from './billing';
import {
  fitsMonthlyLimit,
  monthStartMs,
  nextMonthStartMs,
  purchaseExpiryMs,
  reloadChargeMicros,
} from './billing';
import {
  type ExpiryEvent,
  type Purse,
  addLot,
  createPurse,
  drawLots,
  expireLots,
  lotOf,
  observeBalance,
  purseBalance,
} from './credit-lots';
import type { LedgerEntry } from './ledger-schema';
import { type SpendSlice, splitSlice } from './ledger-spend';
import type { Micros } from './money';

export interface PredictedReload {
  atMs: number;
  micros: Micros;
  status: 'predicted';
}
/** What happened since the basis (the last observation, or the start with no observation). */
export interface SinceBasis {
  creditsMicros: Micros;
  settledMicros: Micros;
  provisionalMicros: Micros;
  expiredMicros: Micros;
}
export interface ReplayResult {
  purse: Purse;
  balanceMicros: Micros;
  since: SinceBasis;
  predictedReloads: PredictedReload[];
  expired: ExpiryEvent[];
  /** Monthly / invoiced: usage not covered by credit, by month start (billing zone). */
  cardByMonth: Map<number, Micros>;
  /** Usage drawn from credit, by month start (billing zone). */
  drawnByMonth: Map<number, Micros>;
}

/** Replays `entries` (all at or before `nowMs`) over `slices` (hourly, covering [startMs, nowMs)). */
export function replayLedger(
  entries: readonly LedgerEntry[],
  billing: BillingConfig,
  slices: readonly SpendSlice[],
  startMs: number,
  nowMs: number,
): ReplayResult {
  const zone = billing.timeZone;
  const isPrepaid = billing.mode === 'prepaid';
  const rule = isPrepaid && billing.reload?.enabled ? billing.reload : null;
  const events = entries
    .filter((e) => e.kind !== 'card-charge')
    .map((e) => ({ e, order: e.kind === 'observation' ? 1 : 0 }))
    .sort((a, b) => a.e.atMs - b.e.atMs || a.order - b.order);
  const lastFact = Math.max(
    startMs,
    ...entries.filter((e) => e.kind === 'observation' || e.kind === 'reload').map((e) => e.atMs),
  );
  const purse: Purse = createPurse();
  const since: SinceBasis = { creditsMicros: 0, settledMicros: 0, provisionalMicros: 0, expiredMicros: 0 };
  const out: ReplayResult = {
    purse,
    balanceMicros: 0,
    since,
    predictedReloads: [],
    expired: [],
    cardByMonth: new Map(),
    drawnByMonth: new Map(),
  };
  const reloadsByMonth = new Map<number, { count: number; micros: Micros }>();
  const countReload = (atMs: number, micros: Micros, m = monthStartMs(atMs, zone)) => {
    const used = reloadsByMonth.get(m) ?? { count: 0, micros: 0 };
    reloadsByMonth.set(m, { count: used.count + 1, micros: used.micros + micros });
  };
  for (const { e } of events) if (e.kind === 'reload') countReload(e.atMs, e.micros);

  const expire = (atMs: number) => {
    for (const x of expireLots(purse, atMs)) {
      out.expired.push(x);
      since.expiredMicros += x.micros;
    }
  };
  let next = 0;
  const applyThrough = (t: number) => {
    for (; next < events.length && events[next]!.e.atMs <= t; next++) {
      const { e } = events[next]!;
      expire(e.atMs);
      if (e.kind === 'observation') {
        observeBalance(purse, e.balanceMicros, e.atMs, e.id);
        Object.assign(since, { creditsMicros: 0, settledMicros: 0, provisionalMicros: 0, expiredMicros: 0 });
        continue;
      }
      const lot = lotOf(e);
      if (lot) {
        addLot(purse, lot);
        since.creditsMicros += lot.micros;
      }
    }
    expire(t);
  };

  const cuts = cutPoints(
    events.map((x) => x.e),
    startMs,
    nowMs,
    zone,
  );
  let month = monthStartMs(startMs, zone);
  let monthEnd = nextMonthStartMs(startMs, zone);
  let ci = 0;
  for (const whole of slices) {
    if (whole.endMs <= startMs) continue;
    let rest = whole.startMs < startMs ? splitSlice(whole, startMs)[1] : whole;
    while (ci < cuts.length && cuts[ci]! <= rest.startMs) ci++;
    for (;;) {
      const cut = cuts[ci];
      let s = rest;
      let more: SpendSlice | null = null;
      if (cut !== undefined && cut < rest.endMs) [s, more] = splitSlice(rest, cut);
      applyThrough(s.startMs);
      while (s.startMs >= monthEnd) [month, monthEnd] = [monthEnd, nextMonthStartMs(monthEnd, zone)];
      const uncovered = drawLots(purse, s.micros);
      let drawn = s.micros;
      if (isPrepaid) purse.debtMicros += uncovered;
      else {
        drawn -= uncovered;
        out.cardByMonth.set(month, (out.cardByMonth.get(month) ?? 0) + uncovered);
      }
      out.drawnByMonth.set(month, (out.drawnByMonth.get(month) ?? 0) + drawn);
      if (s.isSettled) since.settledMicros += drawn;
      else since.provisionalMicros += drawn;
      // At most one reload per slice (an hour at most): a fixed amount too small to lift the balance
      // over the threshold fires again after the next hour, as a card would be charged again.
      const balance = purseBalance(purse);
      if (rule && s.endMs > lastFact && balance < rule.thresholdMicros) {
        const charge = reloadChargeMicros(rule.action, balance);
        // Slices are cut at month starts, so a slice ends in its own month or exactly at the next one.
        const slotMonth = s.endMs >= monthEnd ? monthEnd : month;
        const used = reloadsByMonth.get(slotMonth) ?? { count: 0, micros: 0 };
        if (charge > 0 && fitsMonthlyLimit(rule.monthlyLimit, used, charge)) {
          const id = `predicted-${out.predictedReloads.length}`;
          addLot(purse, {
            id,
            kind: 'purchase',
            atMs: s.endMs,
            micros: charge,
            expiresAtMs: purchaseExpiryMs(s.endMs),
          });
          countReload(s.endMs, charge, slotMonth);
          out.predictedReloads.push({ atMs: s.endMs, micros: charge, status: 'predicted' });
        }
      }
      if (!more) break;
      rest = more;
      ci++;
    }
  }
  applyThrough(nowMs);
  out.balanceMicros = purseBalance(purse);
  return out;
}

// Instants inside the window where a slice must be cut: entries, known expiries, month starts.
function cutPoints(entries: readonly LedgerEntry[], startMs: number, nowMs: number, zone: string): number[] {
  const set = new Set<number>();
  for (const e of entries) {
    set.add(e.atMs);
    const lot = lotOf(e);
    if (lot) set.add(lot.expiresAtMs);
    if (e.kind === 'observation') set.add(purchaseExpiryMs(e.atMs));
  }
  for (let m = nextMonthStartMs(startMs, zone); m < nowMs; m = nextMonthStartMs(m, zone)) set.add(m);
  return [...set].filter((t) => t > startMs && t < nowMs).sort((a, b) => a - b);
}
