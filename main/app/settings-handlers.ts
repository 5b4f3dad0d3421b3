/** The `settings:*` channels: a schedule and a time zone are checked before anything is saved. */
import { ApiError, type Handlers } from '@core/api-contract';
import type { SettingsStore } from '../services/stores/settings-store';

type SettingsChannels = 'settings:get' | 'settings:update';

/** What the settings channels use. */
export interface SettingsHandlerDeps {
  settings: SettingsStore;
  nowMs(): number;
  /** node-cron validation: null when fine, else the message. */
  validateCron(expr: string): string | null;
  /** Applies a new schedule to the running scheduler. */
  reschedule(cron: string): void;
}

/** Handlers for the settings channels. */
export function createSettingsHandlers(deps: SettingsHandlerDeps): Pick<Handlers, SettingsChannels> {
  return {
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
