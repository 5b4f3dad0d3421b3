/**
 * One account's page (`#/org/<id>`), live: loads it, follows its events, and runs "Sync now". Its heading is
 * there from the first frame, so a route change can move the focus to it.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { applyWhatIf, type WhatIfPreview } from '../view-models/what-if-preview';
import { useApi } from '../api/api-context';
import { useDashboard } from '../hooks/use-dashboard';
import { useNow } from '../hooks/use-now';
import { useFormSubmit } from '../hooks/use-form-submit';
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
  const sync = useFormSubmit(async () => {
    try {
      await api.invoke('sync:now', { orgId });
    } finally {
      reload(); // the sync may have stored new costs, or a new error status
    }
  });

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
      <OrgPageFrame heading={heading}>
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
      </OrgPageFrame>
    );
  }
  // The instant and display zone every panel of the page draws with.
  const seen = { nowMs, zone };
  const notSet = setupOrg && (
    <SetupNotSet
      org={setupOrg}
      nowMs={nowMs}
      isLater={isSetupLater}
      onLater={onSetupLater}
      onSaved={moneyState.reload}
    />
  );
  return (
    <OrgPageFrame heading={heading}>
      {shownMoney && (
        <PanelBoundary what="the answer for this organization">
          <OrgAnswer
            {...seen}
            isDark={isDark}
            money={shownMoney}
            isWhatIf={whatIf !== null}
            answer={answer}
            notSet={notSet}
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
          {...seen}
          isDark={isDark}
          dashboard={dashboard}
          spend={answer?.charts.spend ?? null}
          isSyncing={sync.isPending}
          syncRequestError={sync.error}
          onSyncNow={() => sync.submit(null)}
        />
      </PanelBoundary>
      <PanelBoundary what="the balance, forecast and ledger">
        <MoneySection
          {...seen}
          orgId={orgId}
          provider={provider}
          state={moneyState}
          onWhatIf={setWhatIf}
          answer={answer}
          isWhatIf={whatIf !== null}
        />
      </PanelBoundary>
    </OrgPageFrame>
  );
}

/** The account page's frame: its heading (there from the first frame) over what is known so far. */
function OrgPageFrame({ heading, children }: { heading: ReactNode; children: ReactNode }) {
  return (
    <section className="org-page stack" aria-labelledby="page-title" data-testid="org-page">
      {heading}
      {children}
    </section>
  );
}

/**
 * "How does … pay? Not set", with the setup questions below it — or, once put off ("Later"), folded to one line
 * with a way back.
 */
function SetupNotSet(props: {
  org: OrgSummary;
  nowMs: number;
  isLater: boolean;
  onLater: (isLater: boolean) => void;
  onSaved: () => void;
}) {
  const { org, isLater, onLater } = props;
  return (
    <>
      <p className="ov-mode" data-testid="org-billing-words">
        How does {org.name} pay? <strong>Not set</strong>
        {isLater && (
          <>
            {' '}
            —{' '}
            <button type="button" className="link-button" onClick={() => onLater(false)}>
              answer the questions
            </button>
          </>
        )}
      </p>
      {!isLater && (
        <OnboardingQuestions
          org={org}
          nowMs={props.nowMs}
          onDone={() => {
            // Saved: the figures come; skipped ("Later"): the questions fold to one line.
            onLater(true);
            props.onSaved();
          }}
        />
      )}
    </>
  );
}
