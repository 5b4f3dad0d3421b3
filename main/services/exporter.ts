/**
 * The exporter: streams an export plan (see @core/export/request) as CSV (RFC 4180, UTF-8, CRLF, a header
 * row) or JSON, reading the stores a month or a day at a time so a year of a large org never becomes one
 * string. Rows are shaped and quoted in core. (papaparse's writer was the slowest step of a year's export —
 * about a second of 2.9 s — so fields are quoted by `csvField`; the tests read every export back with papaparse.)
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AccountAnswer } from '@core/answer/account-answer';
import { csvField } from '@core/export/cells';
import { COLUMNS, csvCell, jsonValue, type Column, type ExportRow } from '@core/export/columns';
import type { ExportPlan } from '@core/export/request';
import {
  answerRow,
  costRows,
  hourlyRows,
  ledgerRows,
  projectNamer,
  snapshotRows,
  usageRows,
} from '@core/export/rows';
import type { LedgerFile } from '@core/ledger-schema';
import { accountCurrency, PROVIDERS } from '@core/providers';
import type { Org } from '@core/schemas';
import { dailyTotals, hourlyShapes, hourlySpendSeries, type DailyTotal } from '@core/spend-history';
import { USAGE_KEEP_DAYS } from '@core/retention';
import { DAY_MS, startOfNextUtcMonth, startOfUtcDay, startOfUtcMonth } from '@core/time';
import type { OrgHistory } from './stores/history-store';

export const EXPORT_FORMAT_ID = 'creditwatch-export';
export const EXPORT_FORMAT_VERSION = 1;

export interface ExporterDeps {
  /** An org's history; asked for once per month read, so a fresh reader each time keeps memory flat. */
  history(orgId: string): Promise<OrgHistory>;
  ledger(orgId: string): Promise<LedgerFile>;
  /** IANA zone for the `*_local` columns. */
  zone: string;
  /**
   * The account's answer now, as the app serves it: a snapshots export ends each account's rows with it
   * (absent: no answer rows).
   */
  answer?(orgId: string): Promise<AccountAnswer>;
}

/** The export as a stream of text chunks (a header, then a batch of rows per month or day). */
export async function* exportChunks(deps: ExporterDeps, plan: ExportPlan): AsyncGenerator<string> {
  const columns = COLUMNS[plan.what];
  const isJson = plan.format === 'json';
  const keys = columns.map((c) => `${JSON.stringify(c.name)}:`);
  const orgs = await withCurrencies(deps, plan.orgs);
  yield isJson ? jsonHead(plan, orgs, deps.zone, columns) : csvLine(columns.map((c) => c.name));
  let first = true;
  for (const org of orgs) {
    for await (const batch of rowBatches(deps, plan, org)) {
      await nextTurn();
      if (batch.length === 0) continue;
      if (isJson) {
        yield (first ? '\n' : ',\n') + batch.map((row) => jsonRow(row, columns, keys, deps.zone)).join(',\n');
      } else {
        let text = '';
        for (const row of batch) {
          for (let i = 0; i < columns.length; i++) {
            if (i > 0) text += ',';
            text += csvField(csvCell(row[i] ?? null, (columns[i] as Column).type, deps.zone));
          }
          text += '\r\n';
        }
        yield text;
      }
      first = false;
    }
  }
  if (isJson) yield '\n]}\n';
}

/** Streams the export into a file: written beside it first, renamed when complete (never a half file). */
export async function writeExportFile(chunks: AsyncIterable<string>, path: string): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  try {
    await pipeline(Readable.from(chunks), createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, path);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

/** Each org with the currency its amounts are in (a balance account's: what its API reported). */
async function withCurrencies(deps: ExporterDeps, orgs: readonly Org[]): Promise<Org[]> {
  const out: Org[] = [];
  for (const org of orgs) {
    const log =
      PROVIDERS[org.provider].source === 'balance' ? await (await deps.history(org.id)).balanceLog() : null;
    out.push({ ...org, currency: accountCurrency(org, log?.currency ?? null) });
  }
  return out;
}

async function* rowBatches(deps: ExporterDeps, plan: ExportPlan, org: Org): AsyncGenerator<ExportRow[]> {
  const end = Math.min(plan.toMs, plan.nowMs);
  if (plan.what === 'ledger') {
    yield ledgerRows(org, await deps.ledger(org.id), plan.fromMs, end);
    return;
  }
  const history = await deps.history(org.id);
  const name = projectNamer(history.projects());
  if (plan.what === 'costs') {
    // The history is asked for again each month: a one-shot command's reader then holds one month at a
    // time (peak memory), while the app's shared reader is simply returned again. A batch is a day.
    for (const range of months(plan.fromMs, end))
      for (const day of await (await deps.history(org.id)).costDays(range)) yield costRows(org, name, day);
  } else if (plan.what === 'snapshots') {
    for (const range of months(plan.fromMs, end)) yield snapshotRows(org, await history.snapshots(range));
    // The figures at export time, in the words every surface shows (after the stored history it ends).
    if (deps.answer) yield [answerRow(org, await deps.answer(org.id))];
  } else if (plan.what === 'usage') {
    // Hourly usage is kept for USAGE_KEEP_DAYS days; older days have no files to read.
    const from = Math.max(plan.fromMs, startOfUtcDay(plan.nowMs) - USAGE_KEEP_DAYS * DAY_MS);
    for (let day = from; day < end; day += DAY_MS)
      yield usageRows(org, name, await history.usage({ startMs: day, endMs: Math.min(day + DAY_MS, end) }));
  } else {
    yield* hourlyBatches(deps, org, history, plan, end);
  }
}

/** The in-app forecast's series for the range: daily totals spread by the kept hourly usage shape. */
async function* hourlyBatches(
  deps: ExporterDeps,
  org: Org,
  history: OrgHistory,
  plan: ExportPlan,
  end: number,
): AsyncGenerator<ExportRow[]> {
  const totals: DailyTotal[] = [];
  for (const range of months(plan.fromMs, end))
    totals.push(...dailyTotals(await (await deps.history(org.id)).costDays(range)));
  // The range is clipped to what is stored: hours before the first stored day would all be zero.
  const first = totals.reduce((m, t) => Math.min(m, t.dayStartMs), Infinity);
  if (!Number.isFinite(first)) return;
  const from = Math.max(plan.fromMs, first);
  // The same usage window the app's forecast reads, so the series is the same to the last bit.
  const usageFrom = Math.max(from, startOfUtcDay(plan.nowMs) - USAGE_KEEP_DAYS * DAY_MS);
  const usage = usageFrom < end ? await history.usage({ startMs: usageFrom, endMs: end }) : [];
  const series = hourlySpendSeries(totals, hourlyShapes(usage), from, end);
  const rows = hourlyRows(series, usage, accountCurrency(org));
  for (let i = 0; i < rows.length; i += 24 * 31) {
    yield rows.slice(i, i + 24 * 31);
    await nextTurn();
  }
}

/** Lets the event loop run other requests between batches of rows. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function* months(fromMs: number, toMs: number): Generator<{ startMs: number; endMs: number }> {
  for (let m = startOfUtcMonth(fromMs); m < toMs; m = startOfNextUtcMonth(m))
    yield { startMs: Math.max(m, fromMs), endMs: Math.min(startOfNextUtcMonth(m), toMs) };
}

function csvLine(cells: string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** One row as a JSON object's text, keys in column order. */
function jsonRow(row: ExportRow, columns: readonly Column[], keys: readonly string[], zone: string): string {
  let text = '{';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) text += ',';
    text += keys[i] + JSON.stringify(jsonValue(row[i] ?? null, (columns[i] as Column).type, zone));
  }
  return `${text}}`;
}

function jsonHead(plan: ExportPlan, orgs: readonly Org[], zone: string, columns: readonly Column[]): string {
  const head = {
    format: EXPORT_FORMAT_ID,
    version: EXPORT_FORMAT_VERSION,
    table: plan.what,
    from: new Date(plan.fromMs).toISOString().slice(0, 10),
    to: new Date(plan.toMs - DAY_MS).toISOString().slice(0, 10),
    asOf: new Date(plan.nowMs).toISOString(),
    timeZone: zone,
    organizations: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      provider: o.provider,
      currency: accountCurrency(o),
    })),
    columns: columns.map((c) => c.name),
  };
  return `${JSON.stringify(head).slice(0, -1)},"rows":[`;
}
