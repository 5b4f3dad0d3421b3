/**
 * The 30-day daily spend chart as data: one stacked series per project (the largest ones by name, the rest
 * folded into "Other projects"), values in USD for chart.js, labels as UTC days.
 */
import type { DailyProjectSpend, ProjectName } from '@core/dashboard';
import { fromMicros, type Micros } from '@core/money';
import { utcDayKey } from '@core/time';
import { formatUtcDay } from './format';

/** Spend without a project id is attributed to the org's default project (OpenAI usage docs). */
export const DEFAULT_PROJECT_LABEL = 'Default project';
export const OTHER_PROJECTS_LABEL = 'Other projects';
export const OTHER_SERIES_KEY = '__other__';
const NO_PROJECT_KEY = '__none__';

/** Colour-blind-friendly categorical palette (Tableau 10); "Other" is neutral grey. */
export const SERIES_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
] as const;
export const OTHER_COLOR = '#9aa0a6';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  /** USD per day, aligned with `labels` (display only: sums are done in micros first). */
  values: number[];
  totalMicros: Micros;
}

export interface DailyChart {
  labels: string[];
  dayKeys: string[];
  series: ChartSeries[];
  dailyTotalsMicros: Micros[];
  totalMicros: Micros;
  hasSpend: boolean;
}

/**
 * Builds stacked series from daily per-project spend, largest projects first.
 *
 * Example: days [{a: $3, b: $1}, {a: $2}] with `maxSeries` 1 → series "A" [3, 2] and "Other projects" [1, 0].
 */
export function buildDailyChart(
  daily: readonly DailyProjectSpend[],
  projects: readonly ProjectName[],
  maxSeries: number = SERIES_PALETTE.length,
  words: { none: string; other: string } = { none: DEFAULT_PROJECT_LABEL, other: OTHER_PROJECTS_LABEL },
): DailyChart {
  if (!Number.isInteger(maxSeries) || maxSeries < 1)
    throw new RangeError(`maxSeries must be a positive integer, got ${maxSeries}`);
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const perKey = new Map<string, Micros[]>();
  daily.forEach((day, index) => {
    for (const { projectId, micros } of day.byProject) {
      const key = projectId ?? NO_PROJECT_KEY;
      let row = perKey.get(key);
      if (!row) {
        row = new Array<Micros>(daily.length).fill(0);
        perKey.set(key, row);
      }
      row[index] = (row[index] ?? 0) + micros;
    }
  });

  const ranked = [...perKey.entries()]
    .map(([key, row]) => ({ key, row, total: row.reduce((a, b) => a + b, 0) }))
    .filter((entry) => entry.total !== 0)
    // Largest first; ties by key so the order (and colours) never flicker between refreshes.
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));

  // Fold the tail only when it holds more than one project: a single "Other" would just hide a name.
  const keep = ranked.length > maxSeries ? maxSeries - 1 : ranked.length;
  const series: ChartSeries[] = ranked.slice(0, keep).map((entry, i) => ({
    key: entry.key,
    label: entry.key === NO_PROJECT_KEY ? words.none : (names.get(entry.key) ?? entry.key),
    color: SERIES_PALETTE[i % SERIES_PALETTE.length] ?? OTHER_COLOR,
    values: entry.row.map(fromMicros),
    totalMicros: entry.total,
  }));
  const tail = ranked.slice(keep);
  if (tail.length > 0) {
    const row = new Array<Micros>(daily.length).fill(0);
    for (const entry of tail) entry.row.forEach((m, i) => (row[i] = (row[i] ?? 0) + m));
    series.push({
      key: OTHER_SERIES_KEY,
      label: `${words.other} (${tail.length})`,
      color: OTHER_COLOR,
      values: row.map(fromMicros),
      totalMicros: tail.reduce((a, e) => a + e.total, 0),
    });
  }

  const dailyTotalsMicros = daily.map((day) => day.byProject.reduce((a, p) => a + p.micros, 0));
  const totalMicros = dailyTotalsMicros.reduce((a, b) => a + b, 0);
  return {
    labels: daily.map((day) => formatUtcDay(day.dayStartMs)),
    dayKeys: daily.map((day) => utcDayKey(day.dayStartMs)),
    series,
    dailyTotalsMicros,
    totalMicros,
    hasSpend: ranked.length > 0,
  };
}
