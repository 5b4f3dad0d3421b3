/**
 * All organizations side by side with a total: the first thing on the page, so the question "where does my
 * money go, in every org" is answered before anything is opened.
 */
import type { OrgSummary } from '@core/schemas';
import { useOverview } from '../../hooks/use-overview';
import type { DisplayZone } from '../../view-models/format';
import { buildOverview } from '../../view-models/overview';
import { OrgCard } from './org-card';

export interface OverviewSectionProps {
  orgs: readonly OrgSummary[];
  selectedOrgId: string | null;
  nowMs: number;
  zone: DisplayZone;
  onOpen: (orgId: string) => void;
}

/** The overview section. */
export function OverviewSection({ orgs, selectedOrgId, nowMs, zone, onOpen }: OverviewSectionProps) {
  const { data, isLoading, reload } = useOverview(orgs);
  const view = buildOverview(data, nowMs, zone);
  return (
    <section
      className="overview stack"
      aria-labelledby="overview-title"
      data-testid="overview"
      aria-busy={isLoading}
    >
      <div className="card-head">
        <h2 id="overview-title" className="section-title">
          All organizations
        </h2>
        {orgs.length > 1 && (
          <p className="ov-total" data-testid="overview-total">
            Total: credit left <strong data-testid="total-credit">{view.total.creditLeft}</strong> · card
            before month end <strong data-testid="total-card">{view.total.cardBeforeMonthEnd}</strong> · this
            month <strong data-testid="total-mtd">{view.total.monthToDate}</strong>
          </p>
        )}
      </div>
      <div className="ov-grid">
        {view.cards.map((card) => (
          <OrgCard
            key={card.orgId}
            card={card}
            isSelected={card.orgId === selectedOrgId}
            onOpen={() => onOpen(card.orgId)}
            onRetry={reload}
          />
        ))}
      </div>
    </section>
  );
}
