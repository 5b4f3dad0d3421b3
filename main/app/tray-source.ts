/**
 * Gathers what the tray model needs (each org's credit, month-to-date, next reload, sync state, and the
 * active alerts) from the app's services; core's `trayModelOf` decides what to show.
 */
import { runwayDays } from '@core/alerts/rules/low-runway';
import { toMicros } from '@core/money';
import { trayModelOf, type TrayFigure, type TrayModel, type TrayOrg } from '@core/tray-state';
import type { App } from './create-app';

/** The tray model of the app now. */
export async function trayModelNow(
  app: Pick<App, 'settings' | 'sync' | 'handlers' | 'alerts'>,
  opts: { nowMs: number; figure?: TrayFigure; pinnedOrgId?: string | null; timeZone: string },
): Promise<TrayModel> {
  const orgs: TrayOrg[] = [];
  for (const org of app.settings.get().orgs) {
    const d = await app.sync.dashboard(org.id);
    const money = await app.handlers['money:get']({ orgId: org.id }).catch(() => null);
    const p50 = money?.forecast?.crossing?.p50;
    const balance = money?.balance?.estimateMicros ?? null;
    const perDay = money?.forecast ? toMicros(money.forecast.model.levelUsdPerDay) : null;
    orgs.push({
      orgId: org.id,
      name: org.name,
      currency: money?.currency ?? d.currency,
      balanceMicros: balance,
      mtdMicros: d.asOfMs === null ? null : d.monthToDate.totalMicros,
      runwayDays: balance !== null && perDay !== null ? runwayDays(balance, perDay) : null,
      reloadP50Ms: p50 && money?.ledger.billing.reload?.enabled ? Date.parse(p50) : null,
      asOfMs: d.asOfMs,
      syncState: d.sync.state,
    });
  }
  const view = app.alerts.view();
  return trayModelOf({
    orgs,
    active: view.active,
    nowMs: opts.nowMs,
    figure: opts.figure ?? 'credit',
    pinnedOrgId: opts.pinnedOrgId ?? null,
    timeZone: opts.timeZone,
    pausedUntilMs: view.pausedUntilMs,
  });
}
