// The real renderer over the in-memory fake API, for UI tests that need no host. `?demo=1` starts with a demo org.
import { createRoot } from 'react-dom/client';
import { ApiProvider } from '../../../renderer/api/api-context';
import { ServerStateProvider } from '../../../renderer/api/server-state';
import { App } from '../../../renderer/app';
import { ClockProvider } from '../../../renderer/hooks/clock-context';
import { createFakeApi } from './fake-api';
import '../../../renderer/styles/main.css';
import { FAKE_UI_NOW } from './fake-now';

const params = new URLSearchParams(location.search);
// The instant the fake world is built at: `?now=ISO`, else a fixed instant (tests never read the calendar).
const nowMs = Date.parse(params.get('now') ?? FAKE_UI_NOW);
const api = createFakeApi({ nowMs, withDemoOrg: params.get('demo') === '1' });
if (params.get('failOrgs') === '1') {
  api.failNext(
    'orgs:list',
    new Error('Creditwatch is not reachable. Is the app (or `creditwatch serve`) still running?'),
  );
}
(window as unknown as { fakeApi: typeof api }).fakeApi = api;
createRoot(document.getElementById('root')!).render(
  <ApiProvider api={api}>
    <ServerStateProvider>
      <ClockProvider>
        <App />
      </ClockProvider>
    </ServerStateProvider>
  </ApiProvider>,
);
