/**
 * Export row shaping, pure: stored spend, snapshots and the ledger → rows in the columns of `columns.ts`.
 * The exporter (main/services/exporter.ts) feeds these a day or a month at a time and streams the result.
 *
 * Example: a cost day 2026-11-01 with project p1 ("Web") spending 1_250_000 µ$ on "gpt-4o, input" →
 * [Date.UTC(2026,10,1), 'org_…', 'Acme', 'openai', 'USD', 'p1', 'Web', 'gpt-4o, input', 'key_…', 1_250_000].
 * Money rows name the account's provider and currency; their amounts are micro-units of that currency.
 */
import { FIGURE_NAMES, type AccountAnswer, type FigureName } from '../answer/account-answer';
import type { ProjectName } from '../dashboard';
import type { HourlySeries } from '../hourly-series';
import type { LedgerFile } from '../ledger-schema';
import { accountCurrency } from '../providers';
import type { Org } from '../schemas';
import type { CostDay, SpendSnapshot, UsageRow } from '../sync-data';
import { HOUR_MS } from '../time';
import type { ExportRow } from './columns';
import { MICROS_PER_UNIT } from '../money';

/**
 * The org cells of a money row: id, name, provider, currency. The exporter resolves `org.currency` first
 * (a DeepSeek account's comes from its API); without it, the provider's own currency.
 */
export function orgMoneyCells(org: Org): [string, string, string, string] {
  return [org.id, org.name, org.provider, accountCurrency(org)];
}

/** Project id → name, with the API's "no project" shown as such. */
export function projectNamer(projects: readonly ProjectName[]): (id: string | null) => string {
  const names = new Map(projects.map((p) => [p.id, p.name]));
  return (id) => (id === null ? 'Default project' : (names.get(id) ?? ''));
}

/** Rows of one cost day. */
export function costRows(org: Org, name: (id: string | null) => string, day: CostDay): ExportRow[] {
  return day.rows.map((r) => [
    day.dayStartMs,
    ...orgMoneyCells(org),
    r.projectId,
    name(r.projectId),
    r.lineItem,
    // Null where the cost was synced before costs were grouped by API key too.
    r.apiKeyId ?? null,
    r.micros,
  ]);
}

/** Rows of hourly usage. */
export function usageRows(
  org: Org,
  name: (id: string | null) => string,
  rows: readonly UsageRow[],
): ExportRow[] {
  return rows.map((r) => [
    r.hourStartMs,
    r.hourStartMs,
    org.id,
    org.name,
    org.provider,
    r.projectId,
    name(r.projectId),
    r.model,
    r.requests,
    r.inputTokens,
    r.outputTokens,
  ]);
}

/**
 * `count` empty cells: the columns a row of a table leaves empty (CSV blank, JSON null).
 *
 * Example: `blanks(3)` → `[null, null, null]`.
 */
function blanks(count: number): null[] {
  return new Array<null>(count).fill(null);
}

/** Whether a figure has a date column besides its amount and words (as in `columns.ts`). */
const hasDate = (name: FigureName) => name === 'runs-out' || name === 'next-reload';

/** The answer columns of a stored snapshot: empty (answers are not kept with snapshots). */
const ANSWER_BLANK = blanks(FIGURE_NAMES.reduce((n, f) => n + (hasDate(f) ? 3 : 2), 0));
/** The stored-snapshot columns of an answer row, `error_kind` to `forecast_confidence`. */
const SNAPSHOT_BLANK = blanks(12);
/** The entry columns of the billing-rule row, `entry_id` to `note`. */
const ENTRY_BLANK = blanks(7);
/** The billing columns of an entry row, `billing_mode` to `billing_time_zone`. */
const BILLING_BLANK = blanks(8);

/** Rows of sync snapshots (with the balance and forecast figures each one kept). */
export function snapshotRows(org: Org, snapshots: readonly SpendSnapshot[]): ExportRow[] {
  return snapshots.map((s) => {
    const f = s.forecast;
    return [
      s.atMs,
      s.atMs,
      ...orgMoneyCells(org),
      s.state,
      s.errorKind,
      s.monthToDateMicros,
      s.todayMicros,
      s.balanceMicros,
      f?.crossingP10Ms ?? null,
      f?.crossingP50Ms ?? null,
      f?.crossingP90Ms ?? null,
      f?.probabilityWithinHorizon ?? null,
      f?.reloadsP50 ?? null,
      f?.cardChargesP50Micros ?? null,
      f?.monthEndChargeP50Micros ?? null,
      f?.confidence ?? null,
      ...ANSWER_BLANK,
    ];
  });
}

/**
 * The account's answer at export time as one snapshots row (`sync_state` "answer", at the answer's
 * instant): each named figure's value in micro-units and the very words the app, `status` and the alerts
 * show; a figure not known yet has no value and says why. The stored-snapshot columns are left empty.
 *
 * Example: credit left $144.88 → `credit_left_usd` 144_880_000, `credit_left_text` "$144.88".
 */
export function answerRow(org: Org, answer: AccountAnswer): ExportRow {
  const figures = FIGURE_NAMES.flatMap((n) => {
    const f = answer.figures[n];
    const cells: ExportRow = [f.valueMicros, f.text];
    if (hasDate(n)) cells.push(f.atMs);
    return cells;
  });
  return [
    answer.nowMs,
    answer.nowMs,
    org.id,
    org.name,
    org.provider,
    answer.currency,
    'answer',
    ...SNAPSHOT_BLANK,
    ...figures,
  ];
}

/**
 * The billing rule as one row, then the entries with `atMs` in [fromMs, toMs), oldest first. An observation's
 * amount is the balance seen (may be negative); the others are the amount added or charged.
 */
export function ledgerRows(org: Org, ledger: LedgerFile, fromMs: number, toMs: number): ExportRow[] {
  const b = ledger.billing;
  const r = b.reload;
  const limit = r?.monthlyLimit;
  const currency = accountCurrency(org);
  const rule: ExportRow = [
    ...orgMoneyCells(org),
    'billing-rule',
    ...ENTRY_BLANK,
    b.mode,
    r ? (r.enabled ? 'yes' : 'no') : null,
    r?.thresholdMicros ?? null,
    r?.action.kind ?? null,
    r ? (r.action.kind === 'restore-to' ? r.action.targetMicros : r.action.amountMicros) : null,
    limit
      ? limit.kind === 'usd'
        ? `${limit.micros / MICROS_PER_UNIT} ${currency}`
        : `${limit.count} reloads`
      : null,
    b.hardLimitMicros,
    b.timeZone,
  ];
  const entries = ledger.entries
    .filter((e) => e.atMs >= fromMs && e.atMs < toMs)
    .sort((a, z) => a.atMs - z.atMs || a.id.localeCompare(z.id))
    .map((e): ExportRow => [
      ...orgMoneyCells(org),
      'entry',
      e.id,
      e.kind,
      e.atMs,
      e.atMs,
      e.kind === 'observation' ? e.balanceMicros : e.micros,
      'expiresAtMs' in e ? e.expiresAtMs : null,
      e.note === '' ? null : e.note,
      ...BILLING_BLANK,
    ]);
  return [rule, ...entries];
}

/**
 * The hourly spend file: the same series the in-app forecast reads (daily costs spread by the hourly usage
 * shape), one row per hour, every hour present (the forecast refuses gaps). Token counts are the stored
 * usage of that hour across models, empty where usage is no longer kept.
 * Example: hour 13:00Z, $2.5 of spend, 40 requests → [13:00Z ms, 'all', 40, …, 2.5, 'USD'] (the cost is in
 * the account's currency, named in the last column).
 */
export function hourlyRows(series: HourlySeries, usage: readonly UsageRow[], currency = 'USD'): ExportRow[] {
  const tokens = new Map<number, [number, number, number]>();
  for (const u of usage) {
    const t = tokens.get(u.hourStartMs) ?? [0, 0, 0];
    t[0] += u.requests;
    t[1] += u.inputTokens;
    t[2] += u.outputTokens;
    tokens.set(u.hourStartMs, t);
  }
  const rows: ExportRow[] = [];
  for (let i = 0; i < series.usd.length; i++) {
    const hour = series.startMs + i * HOUR_MS;
    const t = tokens.get(hour);
    // The full double (shortest round-trip text) so the forecast command reads exactly the app's series.
    rows.push([
      hour,
      'all',
      t?.[0] ?? null,
      t?.[1] ?? null,
      t?.[2] ?? null,
      series.usd[i] as number,
      currency,
    ]);
  }
  return rows;
}
