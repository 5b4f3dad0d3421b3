/**
 * Daily spend by the dimension the user picks — project, model, line item or API key — as chart series, and
 * the top spenders over the 30 days with their share. Line items read "gpt-4o-mini-2024-07-18, input": the
 * model is the part before the comma.
 */
import type { DailyProjectSpend, ProjectName } from '@core/dashboard';
import { BALANCE_SPEND_LINE_ITEM } from '@core/balance-line-item';
import { formatMoney, type Micros } from '@core/money';
import { buildDailyChart, type DailyChart } from './daily-chart';

export type SpendDimension = 'project' | 'model' | 'line-item' | 'api-key';

export const DIMENSIONS: ReadonlyArray<{ key: SpendDimension; label: string }> = [
  { key: 'project', label: 'Project' },
  { key: 'model', label: 'Model' },
  { key: 'line-item', label: 'Line item' },
  { key: 'api-key', label: 'API key' },
];

const WORDS: Record<SpendDimension, { none: string; other: string }> = {
  project: { none: 'Default project', other: 'Other projects' },
  model: { none: 'Unknown model', other: 'Other models' },
  'line-item': { none: 'Unknown line item', other: 'Other line items' },
  'api-key': { none: 'Key not recorded', other: 'Other keys' },
};

function entriesOf(
  day: DailyProjectSpend,
  dim: SpendDimension,
): Array<{ projectId: string | null; micros: Micros }> {
  if (dim === 'project') return day.byProject;
  if (dim === 'api-key') return (day.byApiKey ?? []).map((e) => ({ projectId: e.key, micros: e.micros }));
  const items = day.byLineItem ?? [];
  if (dim === 'line-item') return items.map((e) => ({ projectId: e.key, micros: e.micros }));
  const perModel = new Map<string | null, Micros>();
  for (const e of items) {
    const model = e.key === null ? null : e.key.split(',')[0]!.trim();
    perModel.set(model, (perModel.get(model) ?? 0) + e.micros);
  }
  return [...perModel].map(([projectId, micros]) => ({ projectId, micros }));
}

/**
 * The daily chart by `dim`. Example: line items "gpt-4o, input" $3 and "gpt-4o, output" $5 by model → "gpt-4o" $8.
 * Spend read from a balance (`fromBalance`) has no project: its one series says where it comes from.
 */
export function buildSpendChartBy(
  daily: readonly DailyProjectSpend[],
  projects: readonly ProjectName[],
  dim: SpendDimension,
  opts: { fromBalance?: boolean } = {},
): DailyChart {
  const reshaped = daily.map((d) => {
    const entries = entriesOf(d, dim);
    // Spend read from the balance has no model: its rows join the one series that says where it comes from.
    const byProject = opts.fromBalance
      ? entries.map((e) => (e.projectId === BALANCE_SPEND_LINE_ITEM ? { ...e, projectId: null } : e))
      : entries;
    return { ...d, byProject };
  });
  const words = opts.fromBalance ? { ...WORDS[dim], none: BALANCE_SPEND_LABEL } : WORDS[dim];
  return buildDailyChart(reshaped, dim === 'project' ? projects : [], undefined, words);
}

/**
 * What the API-key view must say when some shown days have no per-key split (the provider refused it for
 * them): those days' spend sits under "Key not recorded", which is not the same as no key spending.
 * Null when every shown day has the split or another dimension is shown.
 *
 * Example: split from 2026-11-20 on, the chart starting 2026-11-08 → "Per-key figures not available before
 * Nov 20, 2026: OpenAI did not split the days before it by key; their spend shows as “Key not recorded”."
 */
export function perKeyNote(
  daily: readonly DailyProjectSpend[],
  perKeyFromMs: number | null | undefined,
  dim: SpendDimension,
): string | null {
  if (dim !== 'api-key' || perKeyFromMs == null || daily.length === 0) return null;
  if (daily[0]!.dayStartMs >= perKeyFromMs) return null;
  const day = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(perKeyFromMs);
  return `Per-key figures not available before ${day}: OpenAI did not split the days before it by key; their spend shows as “${WORDS['api-key'].none}”.`;
}

/** The series of spend read from the fall of a balance (OpenRouter, DeepSeek). */
export const BALANCE_SPEND_LABEL = 'Spend read from the balance';

export interface SpenderRow {
  key: string;
  label: string;
  total: string;
  /** "42%" of the 30 days' spend. */
  share: string;
}

/** The `n` largest spenders of the 30 days by `dim`. */
export function topSpenders(
  daily: readonly DailyProjectSpend[],
  projects: readonly ProjectName[],
  dim: SpendDimension,
  currency: string,
  n = 10,
): SpenderRow[] {
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const sums = new Map<string | null, Micros>();
  for (const day of daily)
    for (const e of entriesOf(day, dim)) sums.set(e.projectId, (sums.get(e.projectId) ?? 0) + e.micros);
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  return [...sums]
    .filter(([, m]) => m > 0)
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .slice(0, n)
    .map(([key, micros]) => ({
      key: key ?? '__none__',
      label: key === null ? WORDS[dim].none : dim === 'project' ? (names.get(key) ?? key) : key,
      total: formatMoney(micros, currency),
      share: total > 0 ? `${Math.round((micros / total) * 100)}%` : '0%',
    }));
}

/**
 * Whether a balance account's days carry per-model rows (filled from the provider's activity report), so
 * its chart can show spend by model rather than one series.
 */
export function hasModelRows(daily: readonly DailyProjectSpend[]): boolean {
  return daily.some((d) =>
    (d.byLineItem ?? []).some((e) => e.key !== null && e.key !== BALANCE_SPEND_LINE_ITEM),
  );
}
