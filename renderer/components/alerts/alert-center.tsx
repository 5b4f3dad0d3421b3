/** Everything about alerts in the page: the notification offer, the banner and the history. */
import { useAlerts } from '../../hooks/use-alerts';
import { AlertBanner } from './alert-banner';
import { AlertHistory } from './alert-history';
import { NotificationPrompt } from './notification-prompt';

export function AlertCenter({ onOpenOrg, timeZone }: { onOpenOrg(orgId: string): void; timeZone?: string }) {
  const { view, setView } = useAlerts(onOpenOrg);
  return (
    <>
      <NotificationPrompt />
      {view && <AlertBanner view={view} onView={setView} onOpenOrg={onOpenOrg} />}
      {view && <AlertHistory view={view} timeZone={timeZone} />}
    </>
  );
}
