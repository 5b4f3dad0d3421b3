/**
 * All organizations side by side with a total: the first thing on the page, so the question "where does my
 * money go, in every org" is answered before anything is opened.
 */
import type { ConversionRate, OrgSummary } from '@core/schemas';
import { useOverview } from '../../hooks/use-overview';
import type { DisplayZone } from '../../view-models/format';
import { buildOverview } from '../../view-models/overview';
import { OrgCard } from './org-card';

export interface OverviewSectionProps {
  orgs: readonly OrgSummary[];
  nowMs: number;
  zone: DisplayZone;
  /** The user's conversion rates (a converted figure is shown only for a currency that has one). */
  rates: readonly ConversionRate[];
  onOpen: (orgId: string) => void;
}

/** The overview section. */
export function OverviewSection({ orgs, nowMs, zone, rates, onOpen }: OverviewSectionProps) {
  const { data, isLoading, reload } = useOverview(orgs);
  const view = buildOverview(data, nowMs, zone, rates);
  const showTotals = orgs.length > 1 || view.totals.some((t) => t.converted !== null);
  return (
    <section
      className="overview stack"
      aria-labelledby="page-title"
      data-testid="overview"
      aria-busy={isLoading}
    >
      <div className="card-head">
        <h1 id="page-title" className="section-title" tabIndex={-1}>
          All accounts
        </h1>
      </div>
      {showTotals && view.totals.length > 0 && (
        <ul className="ov-totals" data-testid="overview-total" aria-label="Totals, one per currency">
          {view.totals.map((t) => (
            <li key={t.currency} className="ov-total" data-testid="currency-total" data-currency={t.currency}>
              <span className="ov-total-currency">
                {t.currency} ({t.orgCount} {t.orgCount === 1 ? 'account' : 'accounts'}):
              </span>{' '}
              this month <strong data-testid="total-mtd">{t.monthToDate}</strong> · credit left{' '}
              <strong data-testid="total-credit">{t.creditLeft}</strong> · card before month end{' '}
              <strong data-testid="total-card">{t.cardBeforeMonthEnd}</strong>
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
        {view.cards.map((card) => (
          <OrgCard key={card.orgId} card={card} onOpen={() => onOpen(card.orgId)} onRetry={reload} />
        ))}
      </div>
    </section>
  );
}
