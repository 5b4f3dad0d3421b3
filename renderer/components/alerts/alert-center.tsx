/** Everything about alerts in the page: the notification offer, the banner and the history. */
import { useAlerts } from '../../hooks/use-alerts';
import { AlertBanner } from './alert-banner';
import { AlertHistory } from './alert-history';
import { AlertSettingsForm } from './alert-settings-form';
import { NotificationPrompt } from './notification-prompt';
import { SpendLimits } from './spend-limits';

export interface AlertCenterProps {
  onOpenOrg(orgId: string): void;
  /** The org on screen (its hard spend limits are shown). */
  orgId: string | null;
  timeZone?: string;
}

export function AlertCenter({ onOpenOrg, orgId, timeZone }: AlertCenterProps) {
  const { view, setView } = useAlerts(onOpenOrg);
  return (
    <>
      <NotificationPrompt />
      {view && <AlertBanner view={view} onView={setView} onOpenOrg={onOpenOrg} />}
      {view && <AlertHistory view={view} timeZone={timeZone} />}
      <AlertSettingsForm />
      {orgId && <SpendLimits key={orgId} orgId={orgId} timeZone={timeZone} />}
    </>
  );
}
