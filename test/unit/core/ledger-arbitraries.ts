/**
 * fast-check generators for ledger property tests: an hourly cost series over whole UTC days, a ledger of
 * random entries on hour boundaries, billing settings with and without an auto-reload rule, and a "now".
 * Also turns a case into what the product reads (daily cost buckets and the hourly shape).
 */
import fc from 'fast-check';
import type { BillingConfig, ReloadRule } from '@core/billing';
import type { DailyCost } from '@core/ledger-estimate';
import type { LedgerEntry, LedgerFile } from '@core/ledger-schema';

const H = 3_600_000;
const DAY = 24 * H;
/** First day a case may start on; cases run up to ~3 years on, across month, year and leap-day edges. */
const FIRST_DAY = Date.UTC(2024, 0, 1);
/** Zones whose month starts fall on UTC hour boundaries (the naive reference walks whole hours). */
export const HOUR_ZONES = ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland'] as const;

export interface LedgerCase {
  startMs: number;
  hourly: number[];
  nowMs: number;
  entries: LedgerEntry[];
  billing: BillingConfig;
}

const money = (max: number) => fc.integer({ min: 1, max }).map((cents) => cents * 10_000);

const ruleArb: fc.Arbitrary<ReloadRule> = fc
  .record({
    enabled: fc.oneof(
      { weight: 4, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    threshold: fc.integer({ min: 0, max: 5_000 }).map((c) => c * 10_000),
    restore: fc.boolean(),
    amount: money(20_000),
    limit: fc.oneof(
      fc.constant(null),
      fc.record({ kind: fc.constant('usd' as const), micros: money(40_000) }),
      fc.record({ kind: fc.constant('count' as const), count: fc.integer({ min: 0, max: 4 }) }),
    ),
  })
  .map((r) => ({
    enabled: r.enabled,
    thresholdMicros: r.threshold,
    action: r.restore
      ? { kind: 'restore-to' as const, targetMicros: r.threshold + r.amount }
      : { kind: 'add-fixed' as const, amountMicros: r.amount },
    monthlyLimit: r.limit,
  }));

export const billingArb = (modes: Array<BillingConfig['mode']> = ['prepaid', 'monthly', 'invoiced']) =>
  fc.record({
    mode: fc.constantFrom(...modes),
    reload: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: ruleArb }),
    hardLimitMicros: fc.constant(null),
    timeZone: fc.constantFrom(...HOUR_ZONES),
  });

/** One raw entry at hour `h` of a case `hours` long; `toEntry` makes it a ledger entry. */
function entryArb(hours: number): fc.Arbitrary<RawEntry> {
  const at = fc.integer({ min: 0, max: hours - 1 });
  const expiry = fc.integer({ min: 1, max: hours + 48 });
  return fc.oneof(
    fc.record({
      kind: fc.constant('observation' as const),
      h: at,
      v: fc.integer({ min: -2_000, max: 30_000 }),
    }),
    fc.record({ kind: fc.constant('purchase' as const), h: at, v: money(30_000), e: fc.option(expiry) }),
    fc.record({ kind: fc.constant('grant' as const), h: at, v: money(10_000), e: expiry }),
    fc.record({ kind: fc.constant('reload' as const), h: at, v: money(10_000) }),
    fc.record({ kind: fc.constant('card-charge' as const), h: at, v: money(10_000) }),
  );
}

/**
 * A case: days of hourly costs (often zero, up to $5/h, sometimes a burst), entries, billing and a now.
 */
export function caseArb(
  opts: { modes?: Array<BillingConfig['mode']>; maxEntries?: number } = {},
): fc.Arbitrary<LedgerCase> {
  return fc
    .record({ day: fc.integer({ min: 0, max: 1100 }), days: fc.integer({ min: 1, max: 40 }) })
    .chain(({ day, days }) => {
      const hours = days * 24;
      const startMs = FIRST_DAY + day * DAY;
      const cost = fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 6, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 60_000_000 }) },
      );
      return fc.record({
        startMs: fc.constant(startMs),
        hourly: fc.array(cost, { minLength: hours, maxLength: hours }),
        k: fc.integer({ min: 1, max: hours }),
        raw: fc.array(entryArb(hours), { maxLength: opts.maxEntries ?? 6 }),
        billing: billingArb(opts.modes),
      });
    })
    .map(({ startMs, hourly, k, raw, billing }) => ({
      startMs,
      hourly,
      nowMs: startMs + k * H,
      // Most entries before now (what is recorded already happened), a few after (ignored until then).
      entries: raw.map((r, i) => toEntry({ ...r, h: r.h % 8 === 7 ? r.h : r.h % k }, startMs, i)),
      billing,
    }));
}

interface RawEntry {
  kind: LedgerEntry['kind'];
  h: number;
  v: number;
  e?: number | null;
}
function toEntry(r: RawEntry, startMs: number, i: number): LedgerEntry {
  const atMs = startMs + r.h * H;
  const id = `e${i}`;
  switch (r.kind) {
    case 'observation':
      return { id, kind: 'observation', atMs, balanceMicros: r.v * 10_000, note: '' };
    case 'purchase':
      return {
        id,
        kind: 'purchase',
        atMs,
        micros: r.v,
        expiresAtMs: r.e == null ? null : atMs + r.e * H,
        note: '',
      };
    case 'grant':
      return { id, kind: 'grant', atMs, micros: r.v, expiresAtMs: atMs + (r.e ?? 1) * H, note: '' };
    default:
      return { id, kind: r.kind, atMs, micros: r.v, note: '' } as LedgerEntry;
  }
}

/** What the product reads: the ledger file, daily buckets (today's partial) and the exact hourly shape. */
export function productInputs(c: LedgerCase): {
  ledger: LedgerFile;
  costs: DailyCost[];
  shapes: Map<number, number[]>;
} {
  const costs: DailyCost[] = [];
  const shapes = new Map<number, number[]>();
  for (let i = 0; c.startMs + i * H < c.nowMs; i++) {
    const t = c.startMs + i * H;
    const day = Math.floor(t / DAY) * DAY;
    let shape = shapes.get(day);
    if (!shape) {
      shapes.set(day, (shape = new Array<number>(24).fill(0)));
      costs.push({ dayStartMs: day, micros: 0 });
    }
    shape[(t - day) / H] = c.hourly[i]!;
    costs[costs.length - 1]!.micros += c.hourly[i]!;
  }
  return { ledger: { version: 1, billing: c.billing, entries: c.entries }, costs, shapes };
}
