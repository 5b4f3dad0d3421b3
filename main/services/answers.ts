/**
 * Serves each account's answer (core's `buildAccountAnswer`) from the money view and dashboard, computed
 * once and kept until the account's data changes (a sync, a ledger edit), the accounts change, or the
 * clock enters another hour — so the page, the alerts, the tray and the command line quote one snapshot.
 */
import type { AccountAnswer } from '@core/answer/account-answer';
import { buildAccountAnswer } from '@core/answer/build-answer';
import { wrongOrgFlagsOf } from '@core/answer/wrong-org-flags';
import type { Dashboard } from '@core/dashboard';
import type { Org } from '@core/schemas';
import { HOUR_MS } from '@core/time';
import type { MoneyService } from './money';
import type { SyncEngine } from './sync';

export interface AnswerDeps {
  orgs(): readonly Org[];
  money: Pick<MoneyService, 'view'>;
  sync: Pick<SyncEngine, 'dashboard'>;
  /** The hard monthly limit read from the provider, else null. */
  spendLimit(orgId: string): { limitMicros: number; isEnforced: boolean } | null;
  nowMs(): number;
  /** The user's zone for dates in words. */
  timeZone(): string;
}

export interface AnswerService {
  /** Every account's answer, in the accounts' order. */
  all(): Promise<AccountAnswer[]>;
  /** One account's answer; throws for an unknown account. */
  get(orgId: string): Promise<AccountAnswer>;
  /** Data changed: the next request computes again. */
  invalidate(): void;
}

/** Creates the service. */
export function createAnswerService(deps: AnswerDeps): AnswerService {
  let cache: { key: string; answers: Promise<AccountAnswer[]> } | null = null;
  let version = 0;
  const keyNow = () => {
    const orgs = deps.orgs();
    return `${version}|${Math.floor(deps.nowMs() / HOUR_MS)}|${deps.timeZone()}|${orgs.map((o) => `${o.id}:${o.name}`).join(',')}`;
  };
  const compute = async (): Promise<AccountAnswer[]> => {
    const nowMs = deps.nowMs();
    const timeZone = deps.timeZone();
    const orgs = deps.orgs();
    const dashboards: Dashboard[] = [];
    // Every input at the answer's own instant: a clock that runs meanwhile must not shift one figure.
    for (const org of orgs) dashboards.push(await deps.sync.dashboard(org.id, nowMs));
    const flags = wrongOrgFlagsOf(dashboards);
    const answers: AccountAnswer[] = [];
    for (const [i, org] of orgs.entries()) {
      answers.push(
        buildAccountAnswer({
          nowMs,
          timeZone,
          isDemo: org.kind === 'demo',
          // Its spend paths are kept: a what-if on this answer walks them again (see `money:whatIf`).
          money: await deps.money.view(org.id, nowMs, { keepPaths: true }),
          dashboard: dashboards[i] as Dashboard,
          apiSpendLimit: deps.spendLimit(org.id),
          wrongOrgFlags: flags,
        }),
      );
    }
    return answers;
  };
  const all = (): Promise<AccountAnswer[]> => {
    const key = keyNow();
    if (cache?.key !== key) {
      const answers = compute();
      cache = { key, answers };
      // A failed computation is not kept: the next request tries again.
      answers.catch(() => {
        if (cache?.answers === answers) cache = null;
      });
    }
    return cache.answers;
  };
  return {
    all,
    async get(orgId) {
      const found = (await all()).find((a) => a.orgId === orgId);
      if (!found) throw new Error(`No account ${orgId}.`);
      return found;
    },
    invalidate() {
      version++;
    },
  };
}
