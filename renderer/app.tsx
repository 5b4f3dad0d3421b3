/**
 * The application shell: welcome page until an org exists, then the header (org switcher, add, settings)
 * over the selected org's dashboard.
 */
import { accountCurrency } from '@core/provider-info';
import { useState } from 'react';
import { useApi } from './api/api-context';
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
import { WelcomePage } from './pages/welcome-page';
import type { DisplayZone } from './view-models/format';
import { isKnownTimeZone } from '@core/time-zone';
import { PanelBoundary } from './components/panel-boundary';

type Panel = 'none' | 'add-org' | 'settings' | 'files';

/** The root component (expects an `ApiProvider` above it). */
export function App() {
  const api = useApi();
  const orgs = useOrgs();
  const { settings, update } = useSettings();
  const [panel, setPanel] = useState<Panel>('none');
  // A newly added organization is asked how it pays, its auto-reload rule and its balance.
  const [onboarding, setOnboarding] = useState<OrgSummary | null>(null);
  const problems = useStoreProblems();
  const nowMs = useNow();
  // A stored zone this browser does not know would make every date on the page throw: use the system's.
  const zone: DisplayZone = {
    timeZone: isKnownTimeZone(settings?.timeZone) ? settings.timeZone : undefined,
  };

  function onOrgReady(org: OrgSummary) {
    setPanel('none');
    if (org.kind !== 'demo') setOnboarding(org);
    orgs.reload();
    void orgs.select(org.id);
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
        <WelcomePage onReady={onOrgReady} />
      </main>
    );
  }

  const selectedOrg = orgs.orgs.find((o) => o.id === orgs.selectedOrgId);
  const toggle = (next: Panel) => setPanel((current) => (current === next ? 'none' : next));
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Creditwatch</span>
        <OrgSwitcher
          orgs={orgs.orgs}
          selectedOrgId={orgs.selectedOrgId}
          onSelect={(id) => void orgs.select(id)}
        />
        <nav className="topbar-actions" aria-label="Application">
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
        <h1 className="visually-hidden">Creditwatch: credit, card charges and spend of every organization</h1>
        {orgs.error && (
          <p className="banner" role="alert">
            {orgs.error}
          </p>
        )}
        <StoreProblems problems={problems} />
        <AlertCenter
          onOpenOrg={(id) => void orgs.select(id)}
          orgId={orgs.selectedOrgId}
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
              selectedOrgId={orgs.selectedOrgId}
              onClose={() => setPanel('none')}
            />
          )}
          <KeyNeededCards orgs={orgs.orgs} onSaved={orgs.reload} />
          {onboarding && orgs.orgs.some((o) => o.id === onboarding.id) && (
            <OnboardingQuestions org={onboarding} nowMs={nowMs} onDone={() => setOnboarding(null)} />
          )}
          <PanelBoundary what="the overview of every organization">
            <OverviewSection
              orgs={orgs.orgs}
              selectedOrgId={orgs.selectedOrgId}
              nowMs={nowMs}
              zone={zone}
              rates={settings?.conversionRates ?? []}
              onOpen={(id) => void orgs.select(id)}
            />
          </PanelBoundary>
          {orgs.selectedOrgId && selectedOrg && (
            <PanelBoundary key={orgs.selectedOrgId} what="this organization">
              <DashboardPage
                orgId={orgs.selectedOrgId}
                orgName={selectedOrg.name}
                provider={selectedOrg.provider}
                zone={zone}
              />
            </PanelBoundary>
          )}
        </AlertCenter>
      </main>
    </div>
  );
}

/** The currencies other than US dollars the accounts are in, sorted (each gets its own low-credit line). */
function otherCurrencies(list: readonly OrgSummary[]): string[] {
  return [...new Set(list.map((o) => accountCurrency(o)))].filter((c) => c !== 'USD').sort();
}
