/**
 * The hard spend limits read from the provider for one org (and its projects or workspaces), with their
 * "as of"; for OpenAI also the spend alerts (of projects that spent in the last 30 days) and a warning when
 * the Admin key is about to expire; for Anthropic the usage-tier cap, a limit the user cannot change; for
 * OpenRouter the credit limit of the key Creditwatch reads with and what remains of it.
 */
import { formatUsd } from '@core/money';
import { PROVIDERS } from '@core/provider-info';
import { displayZone, systemTimeZone } from '@core/time-zone';
import { dateTimeWords } from '@core/words/date-words';
import { adminKeyWarning, keyLimitWords } from '@core/spend-limits';
import { useServerState } from '../../api/server-state';
import { useNow } from '../../hooks/use-now';

export function SpendLimits({ orgId, timeZone }: { orgId: string; timeZone?: string }) {
  // From the page's server cache, refetched when the account's data changes (`data:changed`).
  const { value: view } = useServerState('limits:get', { orgId });
  const nowMs = useNow(60_000);
  if (!view || (view.asOfMs === null && !view.problem)) return null;
  // Dates in the one wording every surface uses.
  const when = { format: (ms: number) => dateTimeWords(ms, nowMs, displayZone(timeZone, systemTimeZone())) };
  const enforced = (isOn: boolean) => (isOn ? 'enforced' : 'not enforced');
  const who = PROVIDERS[view.provider ?? 'openai'].name;
  if (view.isReadable === false)
    return (
      <p className="card muted" data-testid="spend-limits">
        Spend limits: {who} lets only some organizations read them so far, and not this one yet. Set them in
        the {who} console.
      </p>
    );
  if (view.provider === 'openrouter')
    return (
      <details className="card" data-testid="spend-limits">
        <summary data-testid="key-limit">{keyLimitWords(view.keyLimit)}</summary>
        {view.asOfMs !== null && (
          <p className="muted">
            Read from {who} {when.format(view.asOfMs)}. This is the limit of the key Creditwatch reads with;
            limits on your other keys are set and shown in the {who} settings.
          </p>
        )}
        {view.keyLimit?.isFreeTier && (
          <p className="muted">This account has not bought credit yet, so only free models can be used.</p>
        )}
        {view.problem && <p className="form-error">{view.problem}</p>}
      </details>
    );
  const amounts = (list: number[]) => list.map((m) => formatUsd(m)).join(', ');
  const orgAlerts = view.orgAlertsMicros ?? [];
  const hasAlerts = (view.provider ?? 'openai') === 'openai';
  const keyWarning = adminKeyWarning(view.adminKey, nowMs);
  const expiry = view.adminKey?.kind === 'expires' ? view.adminKey.atMs : null;
  return (
    <details className="card" data-testid="spend-limits">
      <summary>
        Hard spend limit:{' '}
        {view.org
          ? `${formatUsd(view.org.limitMicros)} a month (${enforced(view.org.isEnforced)})`
          : 'none set'}
        {view.tierCap &&
          ` · ${who}'s cap for your usage tier: ${formatUsd(view.tierCap.limitMicros)} a month`}
        {hasAlerts && ' · '}
        {hasAlerts && (
          <span data-testid="spend-alerts">
            Spend alerts: {orgAlerts.length > 0 ? `at ${amounts(orgAlerts)} a month` : 'none set'}
          </span>
        )}
      </summary>
      {keyWarning && (
        <p className="form-error" role="alert" data-testid="admin-key-expiry">
          {keyWarning}
        </p>
      )}
      {!keyWarning && expiry !== null && (
        <p className="muted" data-testid="admin-key-expiry">
          The Admin key Creditwatch reads with expires {when.format(expiry)}.
        </p>
      )}
      {view.asOfMs !== null && (
        <p className="muted">
          Read from {who} {when.format(view.asOfMs)}.
          {view.tierCap &&
            ` ${who} sets the usage-tier cap; requests are refused once a month's spend reaches it.`}
        </p>
      )}
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
      {(view.projectAlerts ?? []).length > 0 && (
        <ul className="plain-list" data-testid="project-spend-alerts">
          {(view.projectAlerts ?? []).map((p) => (
            <li key={p.projectId}>
              {p.name}: spend alerts at {amounts(p.alertsMicros)} a month
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
