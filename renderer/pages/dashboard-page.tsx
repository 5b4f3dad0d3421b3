/**
 * One account's page (`#/org/<id>`), live: loads it, follows its events, and runs "Sync now". Its heading is
 * there from the first frame, so a route change can move the focus to it.
 */
import { useCallback, useMemo, useState } from 'react';
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
import { OnboardingQuestions } from '../components/onboarding-questions';
import type { OrgSummary } from '@core/schemas';
import { useMoney } from '../hooks/use-money';
import { useAccountAnswer } from '../hooks/use-account-answer';
import type { DisplayZone } from '../view-models/format';
import { PROVIDERS, type ProviderId } from '@core/provider-info';

/** Dashboard for `orgId`. */
export function DashboardPage({
  orgId,
  orgName,
  isDemo = false,
  provider,
  currency,
  zone,
  setupOrg = null,
  isSetupLater = false,
  onSetupLater = () => {},
}: {
  orgId: string;
  orgName: string;
  isDemo?: boolean;
  provider: ProviderId;
  /** The account's currency as configured (the dashboard's own wins once loaded). */
  currency: string;
  zone: DisplayZone;
  /**
   * The account, when its page asks the setup questions itself while the user has not said how it pays;
   * null where they are asked elsewhere (just after adding it) or for the demo.
   */
  setupOrg?: OrgSummary | null;
  /** The user put the questions off ("Later"): they fold to one line with a way back. */
  isSetupLater?: boolean;
  onSetupLater?: (isLater: boolean) => void;
}) {
  const api = useApi();
  const { dashboard, isLoading, error, reload } = useDashboard(orgId);
  const moneyState = useMoney(orgId);
  const [whatIf, setWhatIf] = useState<WhatIfPreview | null>(null);
  const nowMs = useNow();
  const isDark = usePrefersDark();
  const shownMoney = useMemo(
    () => (moneyState.money ? applyWhatIf(moneyState.money, whatIf) : null),
    [moneyState.money, whatIf],
  );
  // One answer for the page — the server's, or a what-if's: the headline, chart, lots and forecast panel quote it.
  const answer = useAccountAnswer(orgId, whatIf ? shownMoney : null, dashboard);
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

  const shownCurrency = dashboard?.currency ?? currency;
  const heading = (
    <>
      <p className="back-link">
        <a href="#/">← All accounts</a>
      </p>
      <h1 id="page-title" className="org-page-title" tabIndex={-1}>
        {orgName}{' '}
        <span className="provider-label" data-testid="org-provider">
          {PROVIDERS[provider].name}
          {shownCurrency !== 'USD' ? ` · ${shownCurrency}` : ''}
        </span>
        {isDemo && <span className="provider-label demo-label">Demo</span>}
      </h1>
    </>
  );
  if (!dashboard) {
    return (
      <section className="org-page stack" aria-labelledby="page-title" data-testid="org-page">
        {heading}
        {error ? (
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
        )}
      </section>
    );
  }
  return (
    <section className="org-page stack" aria-labelledby="page-title" data-testid="org-page">
      {heading}
      {shownMoney && (
        <PanelBoundary what="the answer for this organization">
          <OrgAnswer
            money={shownMoney}
            isWhatIf={whatIf !== null}
            nowMs={nowMs}
            zone={zone}
            isDark={isDark}
            answer={answer}
            notSet={
              setupOrg && (
                <>
                  <p className="ov-mode" data-testid="org-billing-words">
                    How does {orgName} pay? <strong>Not set</strong>
                    {isSetupLater && (
                      <>
                        {' '}
                        —{' '}
                        <button type="button" className="link-button" onClick={() => onSetupLater(false)}>
                          answer the questions
                        </button>
                      </>
                    )}
                  </p>
                  {!isSetupLater && (
                    <OnboardingQuestions
                      org={setupOrg}
                      nowMs={nowMs}
                      onDone={() => {
                        // Saved: the figures come; skipped ("Later"): the questions fold to one line.
                        onSetupLater(true);
                        moneyState.reload();
                      }}
                    />
                  )}
                </>
              )
            }
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
          spend={answer?.charts.spend ?? null}
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
          answer={answer}
          isWhatIf={whatIf !== null}
        />
      </PanelBoundary>
    </section>
  );
}
