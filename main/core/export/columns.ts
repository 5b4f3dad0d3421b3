/**
 * The columns of each export table, with how each value is written: the same names in CSV (header row)
 * and JSON (row keys). A value is null where it does not apply (an empty CSV cell, JSON null).
 *
 * Example: a `usd` value is integer micro-units of the row's `currency` (the `*_usd` names predate other
 * currencies and are kept so existing sheets still read): 1_500_000 → CSV "1.500000", JSON 1.5.
 */
import { FIGURE_NAMES } from '../answer/account-answer';
import type { ExportKind } from './request';
import { safeText, usdNumber, usdText, utcDate, utcIso, zonedIso } from './cells';

/** text: neutralised in CSV; usd: micro-dollars; int: a count; float: a plain number; time/date: epoch ms; local: epoch ms shown in the user's zone. */
export type ColumnType = 'text' | 'usd' | 'int' | 'float' | 'time' | 'date' | 'local';
export type ExportValue = string | number | null;
export type ExportRow = ExportValue[];

export interface Column {
  name: string;
  type: ColumnType;
}

const c = (name: string, type: ColumnType): Column => ({ name, type });
const snake = (name: string) => name.replace(/-/g, '_');
/**
 * The answer's named figures (`status --json` names, in snake case): each figure's value and its words,
 * and the date of the two date figures. Filled on each account's answer row of a snapshots export, empty
 * on stored snapshots.
 */
const ANSWER = FIGURE_NAMES.flatMap((n) => [
  c(`${snake(n)}_usd`, 'usd'),
  c(`${snake(n)}_text`, 'text'),
  ...(n === 'runs-out' || n === 'next-reload' ? [c(`${snake(n)}_at_utc`, 'time')] : []),
]);
const ORG = [c('org_id', 'text'), c('org_name', 'text')];
/** Money rows also say whose account it is and the currency its amounts are in ('CNY': micro-yuan). */
const ORG_MONEY = [...ORG, c('provider', 'text'), c('currency', 'text')];

/** Column lists per table. `hourly` is exactly the `creditwatch forecast --history` format. */
export const COLUMNS: Record<ExportKind, readonly Column[]> = {
  costs: [
    c('date_utc', 'date'),
    ...ORG_MONEY,
    c('project_id', 'text'),
    c('project_name', 'text'),
    c('line_item', 'text'),
    c('api_key_id', 'text'),
    c('cost_usd', 'usd'),
  ],
  usage: [
    c('hour_utc', 'time'),
    c('hour_local', 'local'),
    ...ORG,
    c('provider', 'text'),
    c('project_id', 'text'),
    c('project_name', 'text'),
    c('model', 'text'),
    c('requests', 'int'),
    c('input_tokens', 'int'),
    c('output_tokens', 'int'),
  ],
  snapshots: [
    c('at_utc', 'time'),
    c('at_local', 'local'),
    ...ORG_MONEY,
    c('sync_state', 'text'),
    c('error_kind', 'text'),
    c('month_to_date_usd', 'usd'),
    c('today_provisional_usd', 'usd'),
    c('estimated_balance_usd', 'usd'),
    c('threshold_crossing_p10_utc', 'time'),
    c('threshold_crossing_p50_utc', 'time'),
    c('threshold_crossing_p90_utc', 'time'),
    c('crossing_chance_within_horizon', 'float'),
    c('reloads_to_month_end_p50', 'int'),
    c('reload_charges_p50_usd', 'usd'),
    c('month_end_card_charge_p50_usd', 'usd'),
    c('forecast_confidence', 'text'),
    ...ANSWER,
  ],
  ledger: [
    ...ORG_MONEY,
    c('record', 'text'),
    c('entry_id', 'text'),
    c('kind', 'text'),
    c('at_utc', 'time'),
    c('at_local', 'local'),
    c('amount_usd', 'usd'),
    c('expires_at_utc', 'time'),
    c('note', 'text'),
    c('billing_mode', 'text'),
    c('reload_enabled', 'text'),
    c('reload_threshold_usd', 'usd'),
    c('reload_action', 'text'),
    c('reload_usd', 'usd'),
    c('reload_monthly_limit', 'text'),
    c('hard_limit_usd', 'usd'),
    c('billing_time_zone', 'text'),
  ],
  hourly: [
    c('hour_utc', 'time'),
    c('model', 'text'),
    c('requests', 'int'),
    c('input_tokens', 'int'),
    c('output_tokens', 'int'),
    c('cost_usd', 'float'),
    c('currency', 'text'),
  ],
};

/** One value as CSV cell text (before RFC 4180 quoting). */
export function csvCell(value: ExportValue, type: ColumnType, zone: string): string {
  if (value === null) return '';
  if (isInstantType(type)) return instantText(value as number, type, zone);
  if (type === 'usd') return usdText(value as number);
  // Numbers we produced: a negative amount stays a number a spreadsheet can add up.
  return type === 'text' ? safeText(String(value)) : String(value);
}

/** One value as a JSON value. */
export function jsonValue(value: ExportValue, type: ColumnType, zone: string): string | number | null {
  if (value === null) return null;
  if (isInstantType(type)) return instantText(value as number, type, zone);
  return type === 'usd' ? usdNumber(value as number) : value;
}

/** Whether a column holds an instant (written the same way in CSV and JSON). */
function isInstantType(type: ColumnType): type is 'time' | 'date' | 'local' {
  return type === 'time' || type === 'date' || type === 'local';
}

/** An instant as the same text in CSV and JSON: UTC ISO time, UTC day, or ISO time in the display zone. */
function instantText(ms: number, type: 'time' | 'date' | 'local', zone: string): string {
  if (type === 'time') return utcIso(ms);
  return type === 'date' ? utcDate(ms) : zonedIso(ms, zone);
}
