/**
 * What a demo account's auto-reload rule really did over its simulated spend: the ledger replay run hour by
 * hour over the simulator's own costs, from the first credit on. Its reloads become the ledger's recorded
 * reloads and its balance at an instant is what the billing page showed then, so the demo's ledger, its
 * estimate and its recorded balance agree with the spend the simulator serves.
 *
 * Example: $1,000 bought 60 days ago, about $25 a day, "below $100, restore to $500" → two reloads of about
 * $400 (on the 37th and the 53rd day), and a balance of about $300 three days ago.
 */
import type { BillingConfig } from './billing';
import type { LedgerEntry } from './ledger-schema';
import type { SpendSlice } from './ledger-spend';
import { replayLedger } from './ledger-replay';
import type { Micros } from './money';
import { HOUR_MS } from './time';

/** The simulated spend in [startMs, endMs), in micro-units (deterministic: the simulator's ground truth). */
export type DemoSpend = (startMs: number, endMs: number) => Micros;

/** Hourly slices of `spend` over [startMs, endMs), cut at the hours (the first and last may be partial). */
export function hourlySlices(spend: DemoSpend, startMs: number, endMs: number): SpendSlice[] {
  const out: SpendSlice[] = [];
  for (let a = startMs; a < endMs;) {
    const b = Math.min(endMs, (Math.floor(a / HOUR_MS) + 1) * HOUR_MS);
    out.push({ startMs: a, endMs: b, micros: spend(a, b), isSettled: true });
    a = b;
  }
  return out;
}

/**
 * Replays `entries` (credit only, no observation) under `billing` over the simulated spend up to `nowMs`:
 * the reloads the rule made, as recorded reload entries, and the balance at `observedAtMs` rounded to the
 * cent (as a billing page shows it).
 */
export function simulatedReloads(opts: {
  entries: readonly LedgerEntry[];
  billing: BillingConfig;
  spend: DemoSpend;
  nowMs: number;
  observedAtMs: number;
}): { reloads: LedgerEntry[]; observedMicros: Micros } {
  const { entries, billing, spend, nowMs, observedAtMs } = opts;
  const startMs = Math.min(...entries.map((e) => e.atMs));
  const slices = hourlySlices(spend, startMs, nowMs);
  const all = replayLedger(entries, billing, slices, startMs, nowMs);
  const reloads: LedgerEntry[] = all.predictedReloads.map((r, i) => ({
    id: `demo-reload-${i + 1}`,
    kind: 'reload',
    atMs: r.atMs,
    micros: r.micros,
    note: 'Auto-reload (card receipt)',
  }));
  const before = replayLedger(
    [...entries, ...reloads].filter((e) => e.atMs <= observedAtMs),
    billing,
    hourlySlices(spend, startMs, observedAtMs),
    startMs,
    observedAtMs,
  );
  return { reloads, observedMicros: Math.round(before.balanceMicros / 10_000) * 10_000 };
}
