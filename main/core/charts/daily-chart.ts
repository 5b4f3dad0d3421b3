/**
 * The 30-day daily spend chart as data: one stacked series per project (or model, line item, key) — the
 * largest ones by name, the rest folded into "Other …" — with each day's total and the 30 days' total, all in
 * micro-units. The page only maps them to bars and formats them.
 */
import type { DailyProjectSpend, ProjectName } from '../dashboard';
import type { Micros } from '../money';
import { utcDayKey } from '../time';

/** Spend without a project id is attributed to the org's default project (OpenAI usage docs). */
export const DEFAULT_PROJECT_LABEL = 'Default project';
export const OTHER_PROJECTS_LABEL = 'Other projects';
export const OTHER_SERIES_KEY = '__other__';
const NO_PROJECT_KEY = '__none__';
/** Named series shown before the rest is folded (the page's palette has this many colours). */
export const MAX_NAMED_SERIES = 9;

export interface ChartSeries {
  key: string;
  label: string;
  /** Its colour: the n-th of the page's series palette (largest first), or null for "Other …" (neutral). */
  colorIndex: number | null;
  /** Spend per day, aligned with the chart's days. */
  valuesMicros: Micros[];
  totalMicros: Micros;
}

export interface DailyChart {
  /** UTC midnights of the days shown (cost buckets are UTC days). */
  dayStartsMs: number[];
  dayKeys: string[];
  series: ChartSeries[];
  dailyTotalsMicros: Micros[];
  totalMicros: Micros;
  hasSpend: boolean;
}

/**
 * Builds stacked series from daily per-project spend, largest projects first.
 *
 * Example: days [{a: $3, b: $1}, {a: $2}] with `maxSeries` 1 → series "A" [$3, $2] and "Other projects"
 * [$1, $0].
 */
export function buildDailyChart(
  daily: readonly DailyProjectSpend[],
  projects: readonly ProjectName[],
  maxSeries: number = MAX_NAMED_SERIES,
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
    colorIndex: i % MAX_NAMED_SERIES,
    valuesMicros: entry.row,
    totalMicros: entry.total,
  }));
  const tail = ranked.slice(keep);
  if (tail.length > 0) {
    const row = new Array<Micros>(daily.length).fill(0);
    for (const entry of tail) entry.row.forEach((m, i) => (row[i] = (row[i] ?? 0) + m));
    series.push({
      key: OTHER_SERIES_KEY,
      label: `${words.other} (${tail.length})`,
      colorIndex: null,
      valuesMicros: row,
      totalMicros: tail.reduce((a, e) => a + e.total, 0),
    });
  }

  const dailyTotalsMicros = daily.map((day) => day.byProject.reduce((a, p) => a + p.micros, 0));
  const totalMicros = dailyTotalsMicros.reduce((a, b) => a + b, 0);
  return {
    dayStartsMs: daily.map((day) => day.dayStartMs),
    dayKeys: daily.map((day) => utcDayKey(day.dayStartMs)),
    series,
    dailyTotalsMicros,
    totalMicros,
    hasSpend: ranked.length > 0,
  };
}
