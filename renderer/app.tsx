/**
 * The application shell: welcome page until an org exists, then the header (org switcher, add, settings)
 * over one of two pages: the overview of every account (`#/`) or one account (`#/org/<id>`).
 */
import { accountCurrency } from '@core/provider-info';
import { useEffect, useRef, useState } from 'react';
import { useApi } from './api/api-context';
import type { RestoreResult } from '@core/api-contract';
import type { OrgSummary } from '@core/schemas';
import { useOrgs } from './hooks/use-orgs';
import { useSettings } from './hooks/use-settings';
import { useStoreProblems } from './hooks/use-store-problems';
import { OrgSwitcher } from './components/org-switcher';
import { AddOrgForm } from './components/add-org-form';
import { FilesPanel } from './components/files/files-panel';
import { SettingsPanel } from './components/settings-panel';
import { StoreProblems } from './components/store-problems';
import { AlertCenter } from './components/alerts/alert-center';
import { DashboardPage } from './pages/dashboard-page';
import { OverviewSection } from './components/overview/overview-section';
import { OnboardingQuestions } from './components/onboarding-questions';
import { KeyNeededCards } from './components/key-needed';
import { useNow } from './hooks/use-now';
import { useRoute } from './hooks/use-route';
import { WelcomePage } from './pages/welcome-page';
import { RestoreSummary } from './components/files/backup-restore';
import type { DisplayZone } from './view-models/format';
import { isKnownTimeZone } from '@core/time-zone';
import { PanelBoundary } from './components/panel-boundary';
import type { Route } from './view-models/route';

type Panel = 'none' | 'add-org' | 'settings' | 'files';

/** The root component (expects an `ApiProvider` above it). */
export function App() {
  const api = useApi();
  const orgs = useOrgs();
  const { settings, update } = useSettings();
  const [panel, setPanel] = useState<Panel>('none');
  // A newly added organization is asked how it pays, its auto-reload rule and its balance.
  const [onboarding, setOnboarding] = useState<OrgSummary | null>(null);
  // Accounts whose setup questions the user put off; their page then asks in one line, not a form.
  const [setupLater, setSetupLater] = useState<ReadonlySet<string>>(new Set());
  const putSetupOff = (orgId: string, isLater: boolean) =>
    setSetupLater((s) => {
      const next = new Set(s);
      if (isLater) next.add(orgId);
      else next.delete(orgId);
      return next;
    });
  const problems = useStoreProblems();
  const nowMs = useNow();
  // A stored zone this browser does not know would make every date on the page throw: use the system's.
  const zone: DisplayZone = {
    timeZone: isKnownTimeZone(settings?.timeZone) ? settings.timeZone : undefined,
  };
  const { route, go } = useRoute();
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  // A restore made on the first-run page: its report stays in sight once the page gives way to the accounts.
  const [restoreReport, setRestoreReport] = useState<RestoreResult | null>(null);
  const routeKey = route.page === 'org' ? `org:${route.orgId}` : 'overview';
  const firstRoute = useRef(routeKey);
  // A new page moves the focus to its heading, as a page load would (not on the first load: the page starts
  // at the top anyway).
  useEffect(() => {
    if (firstRoute.current === routeKey) return;
    firstRoute.current = '';
    window.scrollTo(0, 0);
    document.getElementById('page-title')?.focus();
  }, [routeKey]);
  const routedOrgId = route.page === 'org' ? route.orgId : null;
  const { select } = orgs;
  // The account on screen is the selected one (the tray and a restart remember it).
  useEffect(() => {
    if (routedOrgId && orgs.orgs.some((o) => o.id === routedOrgId) && orgs.selectedOrgId !== routedOrgId)
      void select(routedOrgId);
  }, [routedOrgId, orgs.orgs, orgs.selectedOrgId, select]);
  const openOrg = (orgId: string) => {
    setIsMenuOpen(false);
    go({ page: 'org', orgId });
  };
  const openOverview = () => go({ page: 'overview' });

  function onOrgReady(org: OrgSummary) {
    setPanel('none');
    if (org.kind !== 'demo') setOnboarding(org);
    orgs.reload();
    openOrg(org.id);
  }

  if (orgs.isLoading) {
    return (
      <main className="app loading" aria-busy="true">
        Loading…
      </main>
    );
  }
  if (orgs.orgs.length === 0) {
    // Without the list we do not know that there are no orgs: offer a retry, not the first-run page.
    return orgs.error ? (
      <main className="app welcome" data-testid="load-error">
        <h1>Creditwatch</h1>
        <p className="banner" role="alert">
          {orgs.error}
        </p>
        <button type="button" className="button" onClick={orgs.reload}>
          Try again
        </button>
      </main>
    ) : (
      <main className="app">
        <WelcomePage onReady={onOrgReady} onRestored={setRestoreReport} />
      </main>
    );
  }

  const shownOrg = routedOrgId ? orgs.orgs.find((o) => o.id === routedOrgId) : undefined;
  const toggle = (next: Panel) => {
    setIsMenuOpen(false);
    setPanel((current) => (current === next ? 'none' : next));
  };
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/" onClick={() => setPanel('none')}>
          Creditwatch
        </a>
        <OrgSwitcher
          orgs={orgs.orgs}
          selectedOrgId={shownOrg?.id ?? null}
          onSelect={(id) => (id ? openOrg(id) : openOverview())}
        />
        <button
          type="button"
          className="button topbar-menu-button"
          aria-expanded={isMenuOpen}
          aria-controls="topbar-actions"
          onClick={() => setIsMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav
          id="topbar-actions"
          className={`topbar-actions${isMenuOpen ? ' open' : ''}`}
          aria-label="Application"
        >
          <button
            type="button"
            className="button"
            aria-expanded={panel === 'add-org'}
            onClick={() => toggle('add-org')}
          >
            Add organization
          </button>
          <button
            type="button"
            className="button"
            aria-expanded={panel === 'settings'}
            onClick={() => toggle('settings')}
          >
            Settings
          </button>
          <button
            type="button"
            className="button"
            aria-expanded={panel === 'files'}
            onClick={() => toggle('files')}
          >
            Export &amp; backup
          </button>
        </nav>
      </header>
      <main className="content">
        {orgs.error && (
          <p className="banner" role="alert">
            {orgs.error}
          </p>
        )}
        <StoreProblems problems={problems} />
        {restoreReport && (
          <section className="card stack" aria-label="Restore">
            <RestoreSummary report={restoreReport} />
            <div>
              <button type="button" className="button" onClick={() => setRestoreReport(null)}>
                Got it
              </button>
            </div>
          </section>
        )}
        <AlertCenter
          onOpenOrg={openOrg}
          orgId={shownOrg?.id ?? null}
          timeZone={zone.timeZone}
          currencies={otherCurrencies(orgs.orgs)}
        >
          {panel === 'add-org' && (
            <section className="card" aria-labelledby="add-org-title">
              <h2 id="add-org-title">Add an organization</h2>
              <AddOrgForm onAdded={onOrgReady} onCancel={() => setPanel('none')} />
            </section>
          )}
          {panel === 'settings' && settings && (
            <SettingsPanel
              settings={settings}
              onSave={update}
              onClose={() => setPanel('none')}
              orgs={orgs.orgs}
              onRemoveOrg={async (orgId) => {
                await api.invoke('orgs:remove', { orgId });
                orgs.reload();
              }}
            />
          )}
          {panel === 'files' && (
            <FilesPanel
              orgs={orgs.orgs}
              selectedOrgId={shownOrg?.id ?? orgs.selectedOrgId}
              onClose={() => setPanel('none')}
            />
          )}
          <KeyNeededCards orgs={orgs.orgs} onSaved={orgs.reload} />
          {onboarding && orgs.orgs.some((o) => o.id === onboarding.id) && (
            <OnboardingQuestions
              org={onboarding}
              nowMs={nowMs}
              onDone={() => {
                putSetupOff(onboarding.id, true);
                setOnboarding(null);
              }}
            />
          )}
          {shownOrg ? (
            <PanelBoundary key={shownOrg.id} what="this organization">
              <DashboardPage
                key={shownOrg.id}
                orgId={shownOrg.id}
                orgName={shownOrg.name}
                isDemo={shownOrg.kind === 'demo'}
                provider={shownOrg.provider}
                currency={accountCurrency(shownOrg)}
                zone={zone}
                setupOrg={shownOrg.kind === 'demo' || onboarding?.id === shownOrg.id ? null : shownOrg}
                isSetupLater={setupLater.has(shownOrg.id)}
                onSetupLater={(isLater) => putSetupOff(shownOrg.id, isLater)}
              />
            </PanelBoundary>
          ) : (
            <>
              {route.page === 'org' && <MissingOrg route={route} />}
              <PanelBoundary what="the overview of every organization">
                <OverviewSection
                  orgs={orgs.orgs}
                  nowMs={nowMs}
                  zone={zone}
                  rates={settings?.conversionRates ?? []}
                  onOpen={(orgId) => {
                    // Opened from the overview (e.g. "answer three questions"): the page asks again.
                    putSetupOff(orgId, false);
                    openOrg(orgId);
                  }}
                />
              </PanelBoundary>
            </>
          )}
        </AlertCenter>
      </main>
    </div>
  );
}

/** An address naming an account that is not (or no longer) here: said, above the overview. */
function MissingOrg({ route }: { route: Extract<Route, { page: 'org' }> }) {
  return (
    <p className="banner" role="status" data-testid="missing-org">
      There is no account “{route.orgId}” here (it may have been removed). All accounts are below.
    </p>
  );
}

/** The currencies other than US dollars the accounts are in, sorted (each gets its own low-credit line). */
function otherCurrencies(list: readonly OrgSummary[]): string[] {
  return [...new Set(list.map((o) => accountCurrency(o)))].filter((c) => c !== 'USD').sort();
}
