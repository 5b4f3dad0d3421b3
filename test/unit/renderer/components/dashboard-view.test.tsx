import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSpendCharts } from '@core/charts/spend-by';
import type { Dashboard } from '@core/dashboard';
import { renderToStaticMarkup } from 'react-dom/server';
import { formatUsd } from '@core/money';
import { DashboardView } from '../../../../renderer/components/dashboard-view';
import { WelcomePage } from '../../../../renderer/pages/welcome-page';
import { ApiProvider } from '../../../../renderer/api/api-context';
import { ServerStateProvider } from '../../../../renderer/api/server-state';
import { openRealApi, type RealApi } from '../../../support/real-api';

const NOW = Date.UTC(2026, 10, 24, 15, 42);
// The real app at NOW with the demo accounts; `base` is the company demo's dashboard, synced from its simulator.
let api: RealApi;
let base: Dashboard;
beforeAll(async () => {
  api = await openRealApi({ nowMs: NOW, demo: true });
  const { selectedOrgId } = await api.invoke('orgs:list', {});
  base = await api.invoke('dashboard:get', { orgId: selectedOrgId! });
}, 60_000);
afterAll(() => api.close());

function render(dashboard: Dashboard = base) {
  const html = renderToStaticMarkup(
    <DashboardView
      dashboard={dashboard}
      // The charts core builds with the account's answer, from this very dashboard.
      spend={buildSpendCharts(dashboard)}
      nowMs={NOW}
      zone={{ locale: 'en-US', timeZone: 'UTC' }}
      isDark={false}
      isSyncing={false}
      syncRequestError={null}
      onSyncNow={() => undefined}
    />,
  );
  const byTestId = (id: string) => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];
  return { html, byTestId };
}

describe('DashboardView', () => {
  it('shows the month-to-date total, its parts, today and "as of" from the dashboard', () => {
    const dashboard = base;
    const { byTestId } = render(dashboard);
    expect(byTestId('mtd-total')).toBe(formatUsd(dashboard.monthToDate.totalMicros));
    expect(byTestId('mtd-settled')).toBe(formatUsd(dashboard.monthToDate.settledMicros));
    expect(byTestId('mtd-provisional')).toBe(formatUsd(dashboard.monthToDate.provisionalMicros));
    expect(byTestId('today-cost')).toBe(formatUsd(dashboard.today.costMicros));
    expect(byTestId('as-of')).toBe('Tue 24 Nov, 15:42'); // synced at NOW
    expect(byTestId('sync-state')).toBe('Up to date');
  });

  it('shows the last sync error in words with its kind and retry time', () => {
    const { html, byTestId } = render({
      ...base,
      sync: {
        ...base.sync,
        state: 'error',
        failures: 2,
        lastError: {
          kind: 'invalid-key',
          message: 'OpenAI rejected the key.',
          status: 401,
          atMs: NOW,
          retryAtMs: NOW + 600_000,
        },
      },
    });
    expect(byTestId('sync-error-kind')).toBe('Key rejected');
    expect(byTestId('sync-error-message')).toBe('OpenAI rejected the key.');
    expect(byTestId('sync-retry')).toBe('Next attempt Tue 24 Nov, 15:52 (in about 10 minutes)');
    expect(html).toContain('HTTP 401');
    expect(html).toContain('role="alert"');
  });

  it('says "Not synced yet" and shows an empty chart message before the first sync', () => {
    const { html, byTestId } = render({
      ...base,
      asOfMs: null,
      daily: base.daily.map((d) => ({ ...d, byProject: [], totalMicros: 0 })),
    });
    expect(html).toContain('Not synced yet');
    expect(byTestId('as-of')).toBeUndefined();
    expect(byTestId('mtd-total')).toBe('—');
    expect(byTestId('chart-empty')).toBe('No data yet: the chart fills in after the first successful sync.');
  });

  it('says "No spend" for a synced org with an empty month', () => {
    const { byTestId } = render({
      ...base,
      daily: base.daily.map((d) => ({ ...d, byProject: [], totalMicros: 0 })),
    });
    expect(byTestId('chart-empty')).toBe('No spend in the last 30 days.');
  });
});

describe('WelcomePage', () => {
  it('offers both ways in, a password field for the key, and where to create an Admin key', () => {
    const html = renderToStaticMarkup(
      <ApiProvider api={api}>
        <ServerStateProvider>
          <WelcomePage onReady={() => undefined} />
        </ServerStateProvider>
      </ApiProvider>,
    );
    expect(html).toContain('Add an organization');
    expect(html).toContain('Try the demo');
    expect(html).toMatch(
      /<input[^>]*type="password"[^>]*name="apiKey"|<input[^>]*name="apiKey"[^>]*type="password"/,
    );
    expect(html).toContain('https://platform.openai.com/settings/organization/admin-keys');
    expect(html).toContain('The key stays on this machine');
  });
});
