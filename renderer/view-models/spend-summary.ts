/**
 * The headline figures of the dashboard as display strings: month-to-date, today, and their "as of".
 */
import type { Dashboard } from '@core/dashboard';
import { formatMoney } from '@core/money';
import { formatDateTime, formatRelative, formatUtcMonth, type DisplayZone } from './format';

export interface SpendSummary {
  monthLabel: string;
  mtdTotal: string;
  mtdSettled: string;
  mtdProvisional: string;
  today: string;
  /** "1,234 requests so far" or null when usage was not fetched. */
  todayRequests: string | null;
  /** "Tue 24 Nov, 15:42" in the user's zone, or null before the first successful sync. */
  asOf: string | null;
  /** "5 min ago", or null before the first successful sync. */
  asOfRelative: string | null;
  /** Machine-readable "as of" (ISO 8601 UTC) for `<time dateTime>`, or null before the first sync. */
  asOfIso: string | null;
  hasData: boolean;
}

/** Shown instead of a money figure before the first successful sync: $0.00 would claim no spend. */
export const NO_FIGURE = '—';

/**
 * Turns the dashboard's money figures into labelled strings, to the cent.
 *
 * Example: settled 1_200_000_000 µ$ + provisional 34_560_000 µ$ → mtdTotal "$1,234.56", mtdSettled "$1,200.00",
 * mtdProvisional "$34.56".
 */
export function buildSpendSummary(dashboard: Dashboard, nowMs: number, zone: DisplayZone = {}): SpendSummary {
  const { monthToDate, today, asOfMs } = dashboard;
  const requests = today.requests;
  const hasData = asOfMs !== null;
  const money = (micros: number) => (hasData ? formatMoney(micros, dashboard.currency) : NO_FIGURE);
  return {
    monthLabel: formatUtcMonth(monthToDate.monthStartMs, zone.locale),
    mtdTotal: money(monthToDate.totalMicros),
    mtdSettled: money(monthToDate.settledMicros),
    mtdProvisional: money(monthToDate.provisionalMicros),
    today: money(today.costMicros),
    todayRequests:
      requests === null || !hasData
        ? null
        : `${new Intl.NumberFormat(zone.locale ?? 'en-US').format(requests)} ${requests === 1 ? 'request' : 'requests'} so far`,
    asOf: asOfMs === null ? null : formatDateTime(asOfMs, nowMs, zone),
    asOfRelative: asOfMs === null ? null : formatRelative(asOfMs, nowMs),
    asOfIso: asOfMs === null ? null : new Date(asOfMs).toISOString(),
    hasData,
  };
}
