/**
 * The few forecast figures each sync snapshot keeps, from the full summary, so the history can show
 * how the predicted reload date and month-end charge moved over time.
 *
 * Example: crossing P50 '2026-11-27T10:00:00.000Z' → crossingP50Ms 1795773600000; reload charges
 * P50 $40.00 → 40_000_000 µ$.
 */
import type { ForecastSummary } from './forecast/summary';
import { toMicros } from './money';
import type { SnapshotForecast } from './sync-data';

const ms = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

/** Compacts a forecast summary for a snapshot. */
export function snapshotForecastOf(summary: ForecastSummary): SnapshotForecast {
  return {
    crossingP10Ms: ms(summary.crossing?.p10),
    crossingP50Ms: ms(summary.crossing?.p50),
    crossingP90Ms: ms(summary.crossing?.p90),
    probabilityWithinHorizon: summary.crossing?.probabilityWithinHorizon ?? null,
    reloadsP50: summary.reloads?.count.p50 ?? null,
    cardChargesP50Micros: summary.reloads ? toMicros(summary.reloads.cardChargesAmount.p50) : null,
    monthEndChargeP50Micros: summary.monthEnd.cardChargeAmount
      ? toMicros(summary.monthEnd.cardChargeAmount.p50)
      : null,
    confidence: summary.confidence,
  };
}
