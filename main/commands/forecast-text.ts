/**
 * The short human summary `creditwatch forecast` prints without --json.
 */
import type { ForecastSummary } from '@core/forecast/summary';
import { formatMoney, toMicros } from '@core/money';

const when = (iso: string | null): string =>
  iso === null ? 'beyond the horizon' : iso.replace('.000Z', 'Z');
/**
 * Formats the summary as a few plain lines, amounts in `s.currency` (the `*Usd` fields hold amounts of it).
 * Example: balance 500, currency CNY → "As of …: balance CN¥500.00, threshold CN¥100.00 …".
 */
export function formatForecastText(
  s: ForecastSummary & { balanceAmount: number; thresholdAmount: number; currency: string },
): string {
  const money = (x: number): string => formatMoney(toMicros(x), s.currency);
  const lines = [
    `As of ${when(s.now)}: balance ${money(s.balanceAmount)}, threshold ${money(s.thresholdAmount)} (confidence: ${s.confidence}).`,
  ];
  if (s.crossing) {
    const pct = Math.round(s.crossing.probabilityWithinHorizon * 100);
    lines.push(
      `Crosses the threshold: likely ${when(s.crossing.p50)} (P10 ${when(s.crossing.p10)}, P90 ${when(s.crossing.p90)}).`,
    );
    lines.push(`Chance within ${s.horizonHours} h: ${pct}%.`);
  }
  if (s.reloads) {
    const c = s.reloads.count;
    const m = s.reloads.cardChargesAmount;
    lines.push(
      `Reloads until ${when(s.reloads.until)}: ${c.p50} (P10–P90 ${c.p10}–${c.p90}), card charges ${money(m.p50)} (${money(m.p10)}–${money(m.p90)}).`,
    );
    if (s.reloads.probabilityLimitReached > 0)
      lines.push(
        `Chance the monthly reload limit is reached: ${Math.round(s.reloads.probabilityLimitReached * 100)}%.`,
      );
  }
  const sp = s.monthEnd.spendAmount;
  lines.push(`Spend to month end: ${money(sp.p50)} (${money(sp.p10)}–${money(sp.p90)}).`);
  return lines.join('\n');
}
