/**
 * The balance chart: recorded balances as points, the estimated balance up to now, the forecast's middle line
 * with its shaded likely range, the reload threshold, predicted reloads, expiries and the month end (chart.js
 * with its annotation plugin). Monthly billing shows this month's spend and its forecast instead.
 *
 * A prepaid balance cannot go below zero (the API refuses calls at zero), so the balance axis starts at zero,
 * every line is floored there, and the zero line says "API calls stop here". Each line has its own legend
 * marker, and a table says the same figures in words. Every figure comes computed from core; this only maps
 * amounts to the canvas, in the colours the stylesheet sets.
 */
import { useMemo } from 'react';
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
  type ChartOptions,
  type Plugin,
} from 'chart.js';
import annotationPlugin, { type AnnotationOptions } from 'chartjs-plugin-annotation';
import { Line } from 'react-chartjs-2';
import type { BalanceChart as BalanceChartData, Point } from '@core/charts/balance-chart';
import { fromMicros } from '@core/money';
import { useChartColors } from '../../hooks/use-chart-colors';
import type { DisplayZone } from '../../view-models/format';

Chart.register(LinearScale, LineElement, PointElement, Filler, Tooltip, Legend, annotationPlugin);

/**
 * After each draw, the chart's box says where the forecast line it drew starts (`data-forecast-from`, in the
 * account's currency): a test or a benchmark knows from it that the canvas shows a given view (a what-if's
 * balance, say), which the canvas's pixels cannot tell.
 */
const DRAWN_FORECAST_MARK: Plugin<'line'> = {
  id: 'drawnForecastMark',
  afterDraw(chart) {
    const forecast = chart.data.datasets.find((d) => d.label?.startsWith('forecast'));
    const first = forecast?.data[0] as { y: number } | undefined;
    chart.canvas.parentElement?.setAttribute('data-forecast-from', first ? String(first.y) : '');
  },
};

export interface BalanceChartProps {
  /** The chart as core built it (amounts in micro-units). */
  series: BalanceChartData;
  isDark: boolean;
  zone: DisplayZone;
  /** The account's currency (axis and tooltips say it). */
  currency: string;
}

/** The chart and its caption. */
export function BalanceChart({ series, isDark, zone, currency }: BalanceChartProps) {
  const USD = useMemo(
    () => new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }),
    [currency],
  );
  const { ref, colors } = useChartColors(isDark);
  const day = useMemo(
    () =>
      new Intl.DateTimeFormat(zone.locale ?? 'en-US', {
        timeZone: zone.timeZone,
        month: 'short',
        day: 'numeric',
      }),
    [zone.locale, zone.timeZone],
  );
  const isBalance = series.kind === 'balance';
  const data = useMemo(() => {
    // Amounts to the axis's units (core already floored a prepaid balance at zero).
    const units = (points: readonly Point[]) => points.map((p) => ({ x: p.x, y: fromMicros(p.y) }));
    const datasets: ChartDataset<'line', Array<{ x: number; y: number }>>[] = [
      {
        label: 'likely range',
        data: units(series.high),
        borderWidth: 0,
        pointRadius: 0,
        pointStyle: 'rect',
        backgroundColor: colors.fan,
        borderColor: colors.fan,
        fill: '+1',
      },
      { label: 'likely range (low)', data: units(series.low), borderWidth: 0, pointRadius: 0, fill: false },
      {
        label: isBalance ? 'forecast (most likely)' : 'forecast spend (most likely)',
        data: units(series.middle),
        borderColor: colors.line,
        backgroundColor: colors.line,
        borderDash: [6, 4],
        borderWidth: 2,
        pointRadius: 0,
        pointStyle: 'dash',
      },
      {
        label: isBalance ? 'estimated balance' : 'spend this month',
        data: units(series.actual),
        borderColor: colors.actual,
        backgroundColor: colors.actual,
        borderWidth: 2,
        pointRadius: 0,
        pointStyle: 'line',
      },
    ];
    if (series.recorded.length)
      datasets.push({
        label: 'recorded balance',
        data: units(series.recorded),
        showLine: false,
        pointRadius: 5,
        pointStyle: 'circle',
        pointBackgroundColor: colors.actual,
        borderColor: colors.actual,
      });
    if (series.reloads.length)
      datasets.push({
        label: 'predicted auto-reload',
        data: units(series.reloads),
        showLine: false,
        pointStyle: 'triangle',
        pointRadius: 7,
        pointBackgroundColor: colors.mark,
        borderColor: colors.mark,
      });
    return { datasets };
  }, [series, colors.fan, colors.line, colors.actual, colors.mark, isBalance]);

  const options = useMemo<ChartOptions<'line'>>(() => {
    const annotations: Record<string, AnnotationOptions> = {};
    if (isBalance)
      annotations.zero = {
        type: 'line',
        yMin: 0,
        yMax: 0,
        borderColor: colors.threshold,
        borderWidth: 2,
        label: {
          display: true,
          content: 'API calls stop here',
          position: 'start',
          yAdjust: -12,
          font: { size: 11 },
        },
      };
    if (series.threshold)
      annotations.threshold = {
        type: 'line',
        yMin: fromMicros(series.threshold.micros),
        yMax: fromMicros(series.threshold.micros),
        borderColor: colors.threshold,
        borderWidth: 1.5,
        borderDash: [3, 3],
        label: {
          display: true,
          content: series.threshold.label,
          position: 'end',
          font: { size: 11 },
        },
      };
    series.marks.forEach((m, i) => {
      annotations[`mark${i}`] = {
        type: 'line',
        xMin: m.atMs,
        xMax: m.atMs,
        borderColor: m.kind === 'now' ? colors.text : colors.mark,
        borderWidth: 1,
        borderDash: m.kind === 'now' ? [] : [4, 4],
        label: {
          display: true,
          content: m.label,
          // Top for now and month end, mid-height for expiries, so neighbouring labels do not overlap.
          position: m.kind === 'expiry' ? 'center' : 'end',
          font: { size: 11 },
        },
      };
    });
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      scales: {
        x: {
          type: 'linear',
          min: series.startMs,
          max: series.endMs,
          ticks: {
            color: colors.text,
            maxRotation: 0,
            autoSkipPadding: 16,
            callback: (v) => day.format(Number(v)),
          },
          grid: { color: colors.grid },
        },
        y: {
          beginAtZero: true,
          min: isBalance ? 0 : undefined,
          ticks: { color: colors.text, callback: (v) => USD.format(Number(v)) },
          grid: { color: colors.grid },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            color: colors.text,
            boxWidth: 12,
            boxHeight: 12,
            // Each line's own marker (dash, line, dot, triangle), so "estimated" and "recorded" differ.
            usePointStyle: true,
            filter: (item) => !item.text.startsWith('likely range (low'),
          },
        },
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? day.format(Number(items[0].parsed.x)) : ''),
            label: (ctx) => `${ctx.dataset.label ?? ''}: ${USD.format(Number(ctx.parsed.y))}`,
          },
        },
        annotation: { annotations },
      },
    };
  }, [series, colors.text, colors.grid, colors.mark, colors.threshold, day, isBalance, USD]);

  return (
    <div className="chart-box balance-chart" data-testid="balance-chart" ref={ref}>
      <Line
        data={data}
        options={options}
        plugins={[DRAWN_FORECAST_MARK]}
        role="img"
        aria-label={
          isBalance
            ? 'Line chart of the estimated credit balance with its forecast and likely range'
            : 'Line chart of this month’s spend with its forecast to month end'
        }
      />
    </div>
  );
}
