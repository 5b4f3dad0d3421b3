/**
 * Everything about alerts in the page: the notification offer and the banner above the page's own content
 * (`children`), the history, settings and hard spend limits below it — so the first screen still shows
 * the organizations' figures.
 */
import type { ReactNode } from 'react';
import { useAlerts } from '../../hooks/use-alerts';
import { AlertBanner } from './alert-banner';
import { AlertHistory } from './alert-history';
import { AlertSettingsForm } from './alert-settings-form';
import { NotificationPrompt } from './notification-prompt';
import { SpendLimits } from './spend-limits';

export interface AlertCenterProps {
  onOpenOrg(orgId: string): void;
  /** The account on screen (its alerts and hard spend limits are shown); null on the overview. */
  orgId: string | null;
  timeZone?: string;
  /** Currencies other than US dollars the accounts are in (the settings give each its low-credit line). */
  currencies?: readonly string[];
  /** The page's own content, shown between the banner and the alert details. */
  children?: ReactNode;
}

export function AlertCenter({ onOpenOrg, orgId, timeZone, currencies = [], children }: AlertCenterProps) {
  const { view, setView } = useAlerts(onOpenOrg);
  return (
    <>
      <NotificationPrompt />
      {view && <AlertBanner view={view} onView={setView} onOpenOrg={onOpenOrg} orgId={orgId} />}
      {children}
      {orgId ? (
        <SpendLimits key={orgId} orgId={orgId} timeZone={timeZone} />
      ) : (
        <>
          {view && <AlertHistory view={view} timeZone={timeZone} />}
          <AlertSettingsForm currencies={currencies} />
        </>
      )}
    </>
  );
}
