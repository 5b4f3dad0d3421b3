/**
 * Composition root: pick the transport (Electron's preload API, else HTTP to `creditwatch serve`), mount the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { CreditwatchApi } from '@core/api-contract';
import { ApiProvider } from './api/api-context';
import { createBrowserNotifier, createHostNotifier } from './api/desktop-notifier';
import { createHttpApi } from './api/http-api';
import { NotifierProvider } from './api/notifier-context';
import { ServerStateProvider } from './api/server-state';
import { App } from './app';
import { ClockProvider } from './hooks/clock-context';
import './styles/main.css';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser. */
    creditwatch?: CreditwatchApi;
  }
}

const api = window.creditwatch ?? createHttpApi();
// Electron notifies natively from main; a browser page uses the Web Notification API.
const notifier = window.creditwatch ? createHostNotifier() : createBrowserNotifier();
const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

createRoot(container).render(
  <StrictMode>
    <ApiProvider api={api}>
      <ServerStateProvider>
        <NotifierProvider notifier={notifier}>
          <ClockProvider>
            <App />
          </ClockProvider>
        </NotifierProvider>
      </ServerStateProvider>
    </ApiProvider>
  </StrictMode>,
);
