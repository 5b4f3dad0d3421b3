/**
 * `createHandlers(deps)`: main's one implementation of the contract, mounted by both transports.
 * It translates requests into service calls; decisions live in core and services.
 */
import { ApiError, type Handlers } from '@core/api-contract';
import type { HandlerDeps } from './handler-deps';
import { findOrg, summarize } from './org-lookup';
import { createAlertHandlers } from './alert-handlers';
import { createBackupHandlers } from './backup-handlers';
import { createFileHandlers } from './file-handlers';
import { createMoneyHandlers } from './money-handlers';
import { createOrgHandlers } from './org-handlers';

/** Builds the handler object; a channel without a handler does not compile. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const orgs = createOrgHandlers(deps);
  return {
    'app:info': async () => ({ ...deps.appInfo, nowMs: deps.nowMs() }),
    'app:problems': async () => ({ problems: deps.problems() }),
    ...orgs,
    ...createMoneyHandlers(deps),
    ...createAlertHandlers(deps),
    ...createBackupHandlers(deps),
    ...createFileHandlers(deps),
    'dashboard:get': async ({ orgId }) => {
      const org = findOrg(deps.settings.get(), orgId);
      const dashboard = await deps.sync.dashboard(orgId);
      return { ...dashboard, org: await summarize(deps, org) };
    },
    'sync:now': async ({ orgId }) => {
      findOrg(deps.settings.get(), orgId);
      return deps.sync.syncOrg(orgId, { force: true });
    },
    'settings:get': async () => deps.settings.get(),
    'settings:update': async (patch) => {
      if (patch.syncCron !== undefined) {
        const problem = deps.validateCron(patch.syncCron);
        if (problem) throw new ApiError('invalid-argument', problem);
      }
      if (patch.timeZone) assertTimeZone(patch.timeZone);
      const nowMs = deps.nowMs();
      const { conversionRates, ...rest } = patch;
      const next = await deps.settings.update((s) => ({
        ...s,
        ...definedOnly(rest),
        ...(conversionRates === undefined
          ? {}
          : {
              conversionRates: conversionRates
                .filter((r) => r.currency !== 'USD')
                .map((r) => {
                  // A rate typed again unchanged keeps the time it was first set.
                  const same = s.conversionRates.find(
                    (o) => o.currency === r.currency && o.usdPerUnit === r.usdPerUnit,
                  );
                  return { ...r, setAtMs: same?.setAtMs ?? nowMs };
                }),
            }),
      }));
      if (patch.syncCron !== undefined) deps.reschedule(next.syncCron);
      return next;
    },
  };
}

function assertTimeZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new ApiError(
      'invalid-argument',
      `'${zone}' is not a time zone (use an IANA name such as Europe/Berlin).`,
    );
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
