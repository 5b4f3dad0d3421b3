/**
 * What the tray icon shows: a one-glance tooltip per organization. Pure, so the wording is tested
 * without Electron.
 *
 * Example: `trayTooltip([{ name: 'Acme', mtdMicros: 12_340_000, asOfMs: t, error: null }], 'en-US', 'UTC')`
 * → "Creditwatch\nAcme: $12.34 this month (as of 14:05)".
 */
import { formatMoney, type Micros } from './money';

export interface TrayOrgLine {
  name: string;
  /** The currency (ISO 4217) of this account's amounts; absent = USD. */
  currency?: string;
  /** Month-to-date spend, or null before the first sync. */
  mtdMicros: Micros | null;
  asOfMs: number | null;
  /** The last sync error's words, if the last sync failed. */
  error: string | null;
  /** Estimated credit balance (prepaid, once a balance was recorded). */
  balanceMicros?: Micros | null;
  /** Median forecast time of the next auto-reload (or of the balance running out). */
  reloadP50Ms?: number | null;
}

const MAX_TOOLTIP = 120; // Windows truncates tray tooltips at 127 characters.

/** The tray tooltip: app name, then one line per org. */
export function trayTooltip(orgs: TrayOrgLine[], locale: string, timeZone?: string): string {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone });
  const lines = orgs.map((o) => {
    if (o.mtdMicros === null || o.asOfMs === null) return `${o.name}: not synced yet`;
    const cur = o.currency ?? 'USD';
    const base = `${o.name}: ${formatMoney(o.mtdMicros, cur)} this month (as of ${time.format(o.asOfMs)})`;
    const credit = o.balanceMicros == null ? '' : `, credit ≈ ${formatMoney(o.balanceMicros, cur)}`;
    const reload = o.reloadP50Ms == null ? '' : `, reload ~${day.format(o.reloadP50Ms)}`;
    return o.error ? `${base}${credit} — sync failing` : `${base}${credit}${reload}`;
  });
  const text = ['Creditwatch', ...(lines.length ? lines : ['No organization yet'])].join('\n');
  return text.length <= MAX_TOOLTIP ? text : text.slice(0, MAX_TOOLTIP - 1) + '…';
}

// The state-aware model (icon state, figure, menu lines) the tray uses.
export {
  trayModelOf,
  TRAY_STATES,
  type TrayModel,
  type TrayState,
  type TrayFigure,
  type TrayOrg,
} from './tray-state';
