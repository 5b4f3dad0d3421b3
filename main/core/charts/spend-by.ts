/**
 * Daily spend by each dimension the page offers — project, model, line item or API key — as chart series,
 * and the top spenders over the 30 days with their share. Line items read "gpt-4o-mini-2024-07-18, input":
 * the model is the part before the comma. Spend read from a balance (OpenRouter, DeepSeek) has one chart.
 */
import type { DailyProjectSpend, Dashboard, ProjectName } from '../dashboard';
import { BALANCE_SPEND_LINE_ITEM } from '../balance-line-item';
import { formatMoney, type Micros } from '../money';
import { buildDailyChart, type DailyChart } from './daily-chart';

export const SPEND_DIMENSIONS = ['project', 'model', 'line-item', 'api-key'] as const;
export type SpendDimension = (typeof SPEND_DIMENSIONS)[number];

/** What a series without a name, and the folded rest, are called in each dimension. */
export const SPEND_WORDS: Record<SpendDimension, { none: string; other: string }> = {
  project: { none: 'Default project', other: 'Other projects' },
  model: { none: 'Unknown model', other: 'Other models' },
  'line-item': { none: 'Unknown line item', other: 'Other line items' },
  'api-key': { none: 'Key not recorded', other: 'Other keys' },
};

/** The series of spend read from the fall of a balance (OpenRouter, DeepSeek). */
export const BALANCE_SPEND_LABEL = 'Spend read from the balance';

export interface SpenderRow {
  key: string;
  label: string;
  totalMicros: Micros;
  total: string;
  /** "42%" of the 30 days' spend. */
  share: string;
}

/** The spend charts of one account. */
export type SpendCharts =
  | { kind: 'by'; by: Record<SpendDimension, { chart: DailyChart; top: SpenderRow[] }> }
  /** Spend read from a balance: one chart (by model where the provider's activity report has models). */
  | { kind: 'balance'; chart: DailyChart };

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
  const words = opts.fromBalance ? { ...SPEND_WORDS[dim], none: BALANCE_SPEND_LABEL } : SPEND_WORDS[dim];
  return buildDailyChart(reshaped, dim === 'project' ? projects : [], undefined, words);
}

/** The `n` largest spenders of the 30 days by `dim`, with their share of the whole. */
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
      label: key === null ? SPEND_WORDS[dim].none : dim === 'project' ? (names.get(key) ?? key) : key,
      totalMicros: micros,
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

/**
 * Every spend chart the page can show for `dashboard`: by each dimension with its top spenders, or the one
 * chart of spend read from a balance.
 */
export function buildSpendCharts(
  dashboard: Pick<Dashboard, 'daily' | 'projects' | 'currency' | 'spendSource'>,
): SpendCharts {
  const { daily, projects, currency } = dashboard;
  if (dashboard.spendSource.kind === 'balance')
    return {
      kind: 'balance',
      chart: buildSpendChartBy(daily, projects, hasModelRows(daily) ? 'model' : 'project', {
        fromBalance: true,
      }),
    };
  const by = Object.fromEntries(
    SPEND_DIMENSIONS.map((dim) => [
      dim,
      { chart: buildSpendChartBy(daily, projects, dim), top: topSpenders(daily, projects, dim, currency) },
    ]),
  ) as Record<SpendDimension, { chart: DailyChart; top: SpenderRow[] }>;
  return { kind: 'by', by };
}
