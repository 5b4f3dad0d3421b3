/**
 * All accounts side by side (`#/`): totals per currency as figures, then one card per account. Demo accounts
 * stand in a group of their own, labelled, and are never added into the totals of real accounts.
 */
import type { ConversionRate, OrgSummary } from '@core/schemas';
import { useOverview } from '../../hooks/use-overview';
import { cardWrongOrgWords } from '@core/answer/wrong-org-words';
import { buildCardSummary, sharedAsOf } from '../../view-models/card-summary';
import type { DisplayZone } from '../../view-models/format';
import { buildOverview, type OrgData } from '../../view-models/overview';
import { OrgCard } from './org-card';

export interface OverviewSectionProps {
  orgs: readonly OrgSummary[];
  nowMs: number;
  zone: DisplayZone;
  /** The user's conversion rates (a converted figure is shown only for a currency that has one). */
  rates: readonly ConversionRate[];
  onOpen: (orgId: string) => void;
}

/** The overview page. */
export function OverviewSection({ orgs, nowMs, zone, rates, onOpen }: OverviewSectionProps) {
  const { data, isLoading, reload } = useOverview(orgs);
  const demoIds = new Set(orgs.filter((o) => o.kind === 'demo').map((o) => o.id));
  const real = data.filter((d) => !demoIds.has(d.orgId));
  const demo = data.filter((d) => demoIds.has(d.orgId));
  const groups = [
    { key: 'real', title: null, items: real },
    { key: 'demo', title: real.length > 0 ? 'Demo accounts' : null, items: demo },
  ].filter((g) => g.items.length > 0);
  return (
    <section
      className="overview stack"
      aria-labelledby="page-title"
      data-testid="overview"
      aria-busy={isLoading}
    >
      <h1 id="page-title" className="section-title" tabIndex={-1}>
        All accounts
        {real.length === 0 && demo.length > 0 && <span className="provider-label demo-label">Demo</span>}
      </h1>
      {groups.map((g) => (
        <OverviewGroup
          key={g.key}
          title={g.title}
          isDemo={g.key === 'demo'}
          items={g.items}
          nowMs={nowMs}
          zone={zone}
          rates={rates}
          onOpen={onOpen}
          onRetry={reload}
        />
      ))}
    </section>
  );
}

function OverviewGroup(props: {
  title: string | null;
  isDemo: boolean;
  items: OrgData[];
  nowMs: number;
  zone: DisplayZone;
  rates: readonly ConversionRate[];
  onOpen: (orgId: string) => void;
  onRetry: () => void;
}) {
  const { items, zone } = props;
  const view = buildOverview(items, props.nowMs, zone, props.rates);
  const summaries = view.cards.map((card, i) => buildCardSummary(items[i]!, zone));
  const asOf = sharedAsOf(summaries);
  const showTotals = items.length > 1 || view.totals.some((t) => t.converted !== null);
  return (
    <div className="ov-group stack" data-testid={props.isDemo ? 'overview-demo' : 'overview-real'}>
      {props.title && <h2 className="ov-group-title">{props.title}</h2>}
      {asOf && (
        <p className="muted ov-as-of" data-testid="overview-as-of">
          Figures as of {asOf}
        </p>
      )}
      {showTotals && view.totals.length > 0 && (
        <ul
          className="ov-totals"
          data-testid="overview-total"
          aria-label={props.isDemo ? 'Demo totals, one per currency' : 'Totals, one per currency'}
        >
          {view.totals.map((t) => (
            <li key={t.currency} className="ov-total" data-testid="currency-total" data-currency={t.currency}>
              <span className="ov-total-currency">
                {t.currency} · {t.orgCount} {t.orgCount === 1 ? 'account' : 'accounts'}
              </span>
              <span className="ov-stat">
                <span className="ov-stat-label">Credit left</span>
                <strong data-testid="total-credit">{t.creditLeft}</strong>
              </span>
              <span className="ov-stat">
                <span className="ov-stat-label">This month</span>
                <strong data-testid="total-mtd">{t.monthToDate}</strong>
              </span>
              {t.hasCardCharge && (
                <span className="ov-stat">
                  <span className="ov-stat-label">Card by month end</span>
                  <strong data-testid="total-card">{t.cardBeforeMonthEnd}</strong>
                </span>
              )}
              {t.converted && (
                <span className="ov-converted muted" data-testid="total-converted">
                  {t.converted}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="ov-grid">
        {view.cards.map((card, i) => (
          <OrgCard
            key={card.orgId}
            card={card}
            summary={summaries[i]!}
            sharedAsOf={asOf}
            // The flag stands on the account that spends unexpectedly, once (not also on the one it may be
            // taking usage from).
            flags={view.flags
              .filter((f) => f.toOrgId === card.orgId)
              .map((f) => cardWrongOrgWords(f, card.currency ?? 'USD'))}
            // Labelled on each card only beside real accounts; a demo-only page says "Demo" once, in its title.
            isDemo={props.isDemo && props.title !== null}
            onOpen={() => props.onOpen(card.orgId)}
            onRetry={props.onRetry}
          />
        ))}
      </div>
    </div>
  );
}
