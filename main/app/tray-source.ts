/**
 * Gathers what the tray model needs — each account's answer, which syncs are failing, and the active
 * alerts — from the app; core's `trayModelOf` decides what to show.
 */
import { trayModelOf, type TrayFigure, type TrayModel } from '@core/tray-state';
import type { App } from './create-app';

/** The tray model of the app now. */
export async function trayModelNow(
  app: Pick<App, 'settings' | 'sync' | 'handlers' | 'alerts'>,
  opts: { nowMs: number; figure?: TrayFigure; pinnedOrgId?: string | null; timeZone: string },
): Promise<TrayModel> {
  const { answers } = await app.handlers['answer:list']({});
  const view = app.alerts.view();
  return trayModelOf({
    answers,
    active: view.active,
    nowMs: opts.nowMs,
    figure: opts.figure ?? 'credit',
    pinnedOrgId: opts.pinnedOrgId ?? null,
    timeZone: opts.timeZone,
    pausedUntilMs: view.pausedUntilMs,
    syncFailingOrgIds: app.settings
      .get()
      .orgs.filter((o) => app.sync.status(o.id).state === 'error')
      .map((o) => o.id),
  });
}
