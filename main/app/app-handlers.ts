/** The `app:*` channels, and an account's dashboard and sync on demand. */
import type { AppInfo, Handlers, StoreProblemView } from '@core/api-contract';
import type { SettingsStore } from '../services/stores/settings-store';
import type { SyncEngine } from '../services/sync';
import { findOrg, summarize, type KeyStateDeps } from './org-lookup';

type AppChannels = 'app:info' | 'app:problems' | 'dashboard:get' | 'sync:now';

/** What the app, dashboard and sync channels use. */
export interface AppHandlerDeps extends KeyStateDeps {
  appInfo: Omit<AppInfo, 'nowMs'>;
  /** Store files set aside since start (corrupt or unreadable), for the UI. */
  problems(): StoreProblemView[];
  nowMs(): number;
  settings: Pick<SettingsStore, 'get'>;
  sync: Pick<SyncEngine, 'dashboard' | 'syncOrg'>;
}

/** Handlers for the app, dashboard and sync channels. */
export function createAppHandlers(deps: AppHandlerDeps): Pick<Handlers, AppChannels> {
  return {
    'app:info': async () => ({ ...deps.appInfo, nowMs: deps.nowMs() }),
    'app:problems': async () => ({ problems: deps.problems() }),
    'dashboard:get': async ({ orgId }) => {
      const org = findOrg(deps.settings.get(), orgId);
      const dashboard = await deps.sync.dashboard(orgId);
      return { ...dashboard, org: await summarize(deps, org) };
    },
    'sync:now': async ({ orgId }) => {
      findOrg(deps.settings.get(), orgId);
      return deps.sync.syncOrg(orgId, { force: true });
    },
  };
}
