/**
 * The selected organization's dashboard, live: loads it, follows its events, and runs "Sync now".
 */
import { useCallback, useState } from 'react';
import { applyWhatIf, type WhatIfPreview } from '../view-models/what-if-preview';
import { useApi } from '../api/api-context';
import { useDashboard } from '../hooks/use-dashboard';
import { useNow } from '../hooks/use-now';
import { errorText } from '../hooks/use-orgs';
import { usePrefersDark } from '../hooks/use-color-scheme';
import { DashboardView } from '../components/dashboard-view';
import { PanelBoundary } from '../components/panel-boundary';
import { MoneySection } from '../components/money/money-section';
import { OrgAnswer } from '../components/money/org-answer';
import { useMoney } from '../hooks/use-money';
import type { DisplayZone } from '../view-models/format';
import { PROVIDERS, type ProviderId } from '@core/provider-info';

/** Dashboard for `orgId`. */
export function DashboardPage({
  orgId,
  orgName,
  provider,
  zone,
}: {
  orgId: string;
  orgName: string;
  provider: ProviderId;
  zone: DisplayZone;
}) {
  const api = useApi();
  const { dashboard, isLoading, error, reload } = useDashboard(orgId);
  const moneyState = useMoney(orgId);
  const [whatIf, setWhatIf] = useState<WhatIfPreview | null>(null);
  const nowMs = useNow();
  const isDark = usePrefersDark();
  const [isSyncing, setIsSyncing] = useState(false);
  const [syncRequestError, setSyncRequestError] = useState<string | null>(null);

  const syncNow = useCallback(async () => {
    setIsSyncing(true);
    setSyncRequestError(null);
    try {
      await api.invoke('sync:now', { orgId });
    } catch (err) {
      setSyncRequestError(errorText(err));
    } finally {
      setIsSyncing(false);
      reload(); // the sync may have stored new costs, or a new error status
    }
  }, [api, orgId, reload]);

  if (!dashboard) {
    return error ? (
      <div className="card" role="alert" data-testid="dashboard-error">
        <p>{error}</p>
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </div>
    ) : (
      <p className="loading" aria-busy={isLoading}>
        Loading the dashboard…
      </p>
    );
  }
  return (
    <section className="org-page stack" aria-label={`${orgName} in detail`} data-testid="org-page">
      <h2 id="org-page-title" className="org-page-title">
        {orgName}{' '}
        <span className="provider-label" data-testid="org-provider">
          {PROVIDERS[provider].name}
          {dashboard.currency !== 'USD' ? ` · ${dashboard.currency}` : ''}
        </span>
      </h2>
      {moneyState.money && (
        <PanelBoundary what="the answer for this organization">
          <OrgAnswer
            money={applyWhatIf(moneyState.money, whatIf)}
            isWhatIf={whatIf !== null}
            dashboard={dashboard}
            nowMs={nowMs}
            zone={zone}
            isDark={isDark}
            provider={provider}
          />
        </PanelBoundary>
      )}
      {error && (
        <p className="banner" role="alert">
          Could not refresh: {error}
        </p>
      )}
      <PanelBoundary what="the spend and sync details">
        <DashboardView
          dashboard={dashboard}
          nowMs={nowMs}
          zone={zone}
          isDark={isDark}
          isSyncing={isSyncing}
          syncRequestError={syncRequestError}
          onSyncNow={() => void syncNow()}
        />
      </PanelBoundary>
      <PanelBoundary what="the balance, forecast and ledger">
        <MoneySection
          orgId={orgId}
          provider={provider}
          state={moneyState}
          nowMs={nowMs}
          zone={zone}
          onWhatIf={setWhatIf}
        />
      </PanelBoundary>
    </section>
  );
}
