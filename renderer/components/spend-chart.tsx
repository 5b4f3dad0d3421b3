/**
 * The 30-day daily spend chart, stacked by project, with the same numbers as a table for screen readers. The
 * figures come computed from core; this maps them to bars in the colours the stylesheet sets.
 */
import { useMemo } from 'react';
import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { DailyChart } from '@core/charts/daily-chart';
import type { SpendDimension, SpenderRow } from '@core/charts/spend-by';
import { formatMoney, fromMicros } from '@core/money';
import { useChartColors } from '../hooks/use-chart-colors';
import { formatUtcDay } from '../view-models/format';
import { DIMENSIONS } from '../view-models/spend-by';

Chart.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);
// The canvas cannot inherit CSS fonts; match the page's system font stack.
Chart.defaults.font.family =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export interface SpendChartProps {
  chart: DailyChart;
  /** The dimension switch and the top spenders table, when shown. */
  by?: {
    dimension: SpendDimension;
    onChange: (d: SpendDimension) => void;
    top: SpenderRow[];
    /** A word on days the figures cannot split this way (per-key refused by the provider), or null. */
    note?: string | null;
  };
  isDark: boolean;
  /** False before the first successful sync: an empty chart then means "unknown", not "no spend". */
  hasData: boolean;
  /** The account's currency: every figure is in it. */
  currency: string;
}

/** Renders the stacked bar chart and a collapsible data table. */
export function SpendChart({ chart, isDark, hasData, by, currency }: SpendChartProps) {
  const AMOUNT_AXIS = useMemo(
    () => new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 2 }),
    [currency],
  );
  const money = (micros: number) => formatMoney(micros, currency);
  const { ref, colors } = useChartColors(isDark);
  const labels = useMemo(() => chart.dayStartsMs.map((ms) => formatUtcDay(ms)), [chart]);
  const data = useMemo(
    () => ({
      labels,
      datasets: chart.series.map((s) => ({
        label: s.label,
        data: s.valuesMicros.map(fromMicros),
        backgroundColor: s.colorIndex === null ? colors.other : (colors.series[s.colorIndex] ?? colors.other),
        borderWidth: 0,
        stack: 'spend',
      })),
    }),
    [chart, labels, colors],
  );
  const options = useMemo<ChartOptions<'bar'>>(() => {
    const { text, grid } = colors;
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          stacked: true,
          ticks: { color: text, autoSkip: true, maxRotation: 0 },
          grid: { display: false },
        },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { color: text, callback: (v) => AMOUNT_AXIS.format(Number(v)) },
          grid: { color: grid },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: text, boxWidth: 12, boxHeight: 12 } },
        tooltip: {
          callbacks: {
            label: (ctx) => `${ctx.dataset.label ?? ''}: ${AMOUNT_AXIS.format(Number(ctx.parsed.y))}`,
            footer: (items) => {
              const index = items[0]?.dataIndex;
              const total = index === undefined ? undefined : chart.dailyTotalsMicros[index];
              return total === undefined ? '' : `Total: ${formatMoney(total, currency)}`;
            },
          },
        },
      },
    };
  }, [chart, colors, currency, AMOUNT_AXIS]);

  return (
    <section className="card chart-card" aria-labelledby="chart-title">
      <div className="card-head">
        <h2 id="chart-title">Daily spend, last 30 days</h2>
        <span className="muted" data-testid="chart-total">
          {hasData ? `${money(chart.totalMicros)} in total · UTC days` : 'UTC days'}
        </span>
      </div>
      {by && (
        <div className="segmented" role="group" aria-label="Show spend by" data-testid="spend-by">
          {DIMENSIONS.map((d) => (
            <button
              key={d.key}
              type="button"
              className="button"
              aria-pressed={by.dimension === d.key}
              onClick={() => by.onChange(d.key)}
            >
              {d.label}
            </button>
          ))}
        </div>
      )}
      {by?.note && (
        <p className="note" role="note" data-testid="spend-by-note">
          {by.note}
        </p>
      )}
      {chart.hasSpend ? (
        <div className="chart-box" data-testid="spend-chart" ref={ref}>
          <Bar
            data={data}
            options={options}
            aria-label="Stacked bar chart of daily spend by project"
            role="img"
          />
        </div>
      ) : (
        <p className="empty" data-testid="chart-empty">
          {hasData
            ? 'No spend in the last 30 days.'
            : 'No data yet: the chart fills in after the first successful sync.'}
        </p>
      )}
      {by && by.top.length > 0 && (
        <div className="reflow-box">
          <table className="ledger-table reflow" data-testid="top-spenders">
            <caption className="table-caption">Top spenders, last 30 days</caption>
            <thead>
              <tr>
                <th scope="col">{DIMENSIONS.find((d) => d.key === by.dimension)?.label}</th>
                <th scope="col" className="num">
                  Spend
                </th>
                <th scope="col" className="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {by.top.map((r) => (
                <tr key={r.key}>
                  <th
                    scope="row"
                    className="note"
                    data-label={DIMENSIONS.find((d) => d.key === by.dimension)?.label}
                  >
                    {r.label}
                  </th>
                  <td className="num" data-label="Spend">
                    {r.total}
                  </td>
                  <td className="num" data-label="Share">
                    {r.share}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {chart.hasSpend && (
        <details className="chart-table">
          <summary>Show as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                {chart.series.map((s) => (
                  <th scope="col" key={s.key}>
                    {s.label}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={chart.dayKeys[i] ?? label}>
                  <th scope="row">{label}</th>
                  {chart.series.map((s) => (
                    <td key={s.key}>{money(s.valuesMicros[i] ?? 0)}</td>
                  ))}
                  <td>{money(chart.dailyTotalsMicros[i] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
