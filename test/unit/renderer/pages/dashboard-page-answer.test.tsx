// The account page quotes the server's answer (`answer:get`, the one the overview, alerts, tray and command
// line quote): with a hard limit read from the provider and a wrong-organization flag present, each headline
// figure's words are the served answer's, and so are its words on the limit and the wrong organization.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountAnswer, FigureName } from '@core/answer/account-answer';
import { ApiProvider } from '../../../../renderer/api/api-context';
import { serverKey } from '../../../../renderer/api/server-state';
import { DashboardPage } from '../../../../renderer/pages/dashboard-page';
import { openRealApi, type RealApi } from '../../../support/real-api';
import { figuresIn } from '../../app/answer-world';

const NOW = Date.UTC(2026, 11, 7, 9, 30);

let api: RealApi;
beforeAll(async () => {
  api = await openRealApi({ nowMs: NOW, demo: true });
  await api.invoke('settings:update', { timeZone: 'UTC' });
  // Every demo account synced once: the wrong-organization flag compares them.
  for (const org of api.app.settings.get().orgs) await api.app.sync.syncOrg(org.id, { force: true });
  // The page's clock reads the same pinned instant as the app's.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
}, 60_000);
afterAll(async () => {
  vi.useRealTimers();
  await api?.close();
});

/** The page as first drawn from a server cache holding the account's dashboard, money view and answer. */
async function pageHtml(orgId: string, name: string): Promise<string> {
  const cache = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  for (const channel of ['dashboard:get', 'money:get', 'answer:get'] as const)
    cache.setQueryData(serverKey(channel, { orgId }), await api.invoke(channel, { orgId }));
  return renderToStaticMarkup(
    <ApiProvider api={api}>
      <QueryClientProvider client={cache}>
        <DashboardPage
          orgId={orgId}
          orgName={name}
          provider="openai"
          currency="USD"
          zone={{ locale: 'en-US', timeZone: 'UTC' }}
        />
      </QueryClientProvider>
    </ApiProvider>,
  );
}

const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/<!-- -->/g, '');

describe('the account page and the served answer', () => {
  it('quotes answer:get for every headline figure, the hard limit and the wrong-organization words', async () => {
    const { answers } = await api.invoke('answer:list', {});
    const found = answers.find((a) => a.hardLimit?.source === 'provider' && a.wrongOrg !== null);
    // The demo has an OpenAI account with both: the test is about them.
    expect(found).toBeDefined();
    const answer: AccountAnswer = found!;
    const html = await pageHtml(answer.orgId, answer.orgName);
    const shown = figuresIn(html, answer.orgId);
    expect(Object.keys(shown).length).toBeGreaterThanOrEqual(4);
    for (const [name, text] of Object.entries(shown))
      expect(text, name).toBe(answer.figures[name as FigureName].text);
    const words = decode(html);
    expect(words).toContain(`data-testid="hl-hard-limit">Hard limit: ${answer.hardLimit?.text}<`);
    expect(words).toContain(`data-testid="hl-wrong-org">${answer.wrongOrg}<`);
    // Credit left is said once with one value: the breakdown's total quotes the answer's words.
    expect(words).toContain(`<strong>${answer.figures['credit-left'].text}</strong>`);
    expect(words).not.toContain('data-testid="balance-estimate"');
  });
});
