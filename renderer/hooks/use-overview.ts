/**
 * Every organization's dashboard, balance view and answer at once, for the overview: from the page's server
 * cache, so an account open on its page is not fetched twice. A failed refresh keeps the last figures
 * (shown with the error), never blanks them.
 */
import { useQueries } from '@tanstack/react-query';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../api/api-context';
import { serverQuery } from '../api/server-state';
import type { OrgData } from '../view-models/overview';
import { errorText } from './use-orgs';

/** `dashboard:get`, `money:get` and `answer:get` for each org in `orgs`. */
export function useOverview(orgs: readonly OrgSummary[]): {
  data: OrgData[];
  isLoading: boolean;
  reload: () => void;
} {
  const api = useApi();
  const results = useQueries({
    queries: orgs.flatMap((o) => [
      serverQuery(api, 'dashboard:get', { orgId: o.id }),
      serverQuery(api, 'money:get', { orgId: o.id }),
      serverQuery(api, 'answer:get', { orgId: o.id }),
    ]),
  });
  const data = orgs.map((o, i): OrgData => {
    const [dashboard, money, answer] = [results[3 * i], results[3 * i + 1], results[3 * i + 2]];
    const failed = [dashboard, money, answer].find((r) => r?.error);
    return {
      orgId: o.id,
      name: o.name,
      provider: o.provider,
      dashboard: (dashboard?.data as OrgData['dashboard'] | undefined) ?? null,
      money: (money?.data as OrgData['money'] | undefined) ?? null,
      answer: (answer?.data as OrgData['answer'] | undefined) ?? null,
      error: failed ? errorText(failed.error) : null,
    };
  });
  return {
    data,
    isLoading: results.some((r) => r.isPending),
    reload: () => results.forEach((r) => void r.refetch()),
  };
}
