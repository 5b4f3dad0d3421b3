/** The hard spend limits read from OpenAI for one org (and its projects), with their "as of". */
import { useEffect, useState } from 'react';
import { formatUsd } from '@core/money';
import type { SpendLimitsView } from '@core/spend-limits';
import { useApi } from '../../api/api-context';

export function SpendLimits({ orgId, timeZone }: { orgId: string; timeZone?: string }) {
  const api = useApi();
  const [view, setView] = useState<SpendLimitsView | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const load = () =>
      api.invoke('limits:get', { orgId }).then(
        (v) => isCurrent && setView(v),
        () => {},
      );
    void load();
    const off = api.on('data:changed', (p) => p.orgId === orgId && void load());
    return () => {
      isCurrent = false;
      off();
    };
  }, [api, orgId]);
  if (!view || (view.asOfMs === null && !view.problem)) return null;
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const enforced = (isOn: boolean) => (isOn ? 'enforced' : 'not enforced');
  return (
    <details className="card" data-testid="spend-limits">
      <summary>
        Hard spend limit:{' '}
        {view.org
          ? `${formatUsd(view.org.limitMicros)} a month (${enforced(view.org.isEnforced)})`
          : 'none set'}
      </summary>
      {view.asOfMs !== null && <p className="muted">Read from OpenAI {when.format(view.asOfMs)}.</p>}
      {view.problem && <p className="form-error">{view.problem}</p>}
      {view.projects.length > 0 && (
        <ul className="plain-list">
          {view.projects.map((p) => (
            <li key={p.projectId}>
              {p.name}: {formatUsd(p.limitMicros)} a month ({enforced(p.isEnforced)})
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
