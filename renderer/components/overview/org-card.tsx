/**
 * One account's card on the overview: its name and the way it pays as a chip, one hero figure chosen by what
 * matters now, at most two secondary lines, and a quiet line on how fresh the figures are.
 */
import type { CardSummary } from '../../view-models/card-summary';
import type { OrgCardView } from '../../view-models/overview';
import { Figure } from '../figure';
import { routeHash } from '../../view-models/route';

/** The card; `onOpen` goes to the account's page. */
export function OrgCard({
  card,
  summary,
  sharedAsOf = null,
  flags,
  isDemo = false,
  onOpen,
  onRetry,
}: {
  card: OrgCardView;
  summary: CardSummary;
  /** The "as of" the overview already says for every card (this card then leaves it out). */
  sharedAsOf?: string | null;
  /** Wrong-organization flags in words. */
  flags: readonly string[];
  isDemo?: boolean;
  onOpen: () => void;
  onRetry?: () => void;
}) {
  const titleId = `ov-title-${card.orgId}`;
  return (
    <section
      className={`card ov-card${card.isStale || card.error ? ' stale' : ''}`}
      aria-labelledby={titleId}
      data-testid="overview-card"
      data-org-id={card.orgId}
    >
      <div className="ov-head">
        {/* The name is the way in: a link to the account's page (its address can be kept or shared). */}
        <h2 id={titleId} className="ov-name">
          <a href={routeHash({ page: 'org', orgId: card.orgId })} data-testid="ov-open">
            {card.name}
          </a>
        </h2>
      </div>
      <p className="ov-chips">
        <span className="provider-label" data-testid="provider-label">
          {card.providerName}
          {card.currency && card.currency !== 'USD' ? ` · ${card.currency}` : ''}
        </span>
        {summary.chip && (
          <span
            className={`pay-chip${summary.paymentKind === 'not-set' ? ' not-set' : ''}`}
            data-testid="pay-chip"
          >
            {summary.chip}
          </span>
        )}
        {isDemo && <span className="provider-label demo-label">Demo</span>}
      </p>
      {flags.map((f) => (
        <p key={f} className="flag" role="note" data-testid="wrong-org-flag">
          {f}
        </p>
      ))}
      {card.error && (
        <div className="form-error" role="alert" data-testid="ov-error">
          <p>
            Could not refresh: {card.error}
            {card.asOf ? ' The figures below are from the last refresh.' : ''}
          </p>
          {onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          )}
        </div>
      )}
      {card.isLoading ? (
        <p className="loading">Loading…</p>
      ) : (
        <>
          {summary.paymentKind === 'not-set' ? (
            <p className="ov-not-set" data-testid="pay-not-set">
              How does {card.name} pay? <strong>Not set</strong> —{' '}
              <button type="button" className="link-button" onClick={onOpen}>
                answer three questions
              </button>
            </p>
          ) : (
            summary.hero && (
              <div className="ov-hero">
                <p className="ov-hero-label">{summary.hero.label}</p>
                <p className="ov-hero-value">
                  <Figure figure={summary.hero.value} orgId={card.orgId} testId="ov-hero" rangeBelow />
                </p>
                <p className="ov-marker muted">
                  {summary.hero.source}
                  {summary.hero.asOf && sharedAsOf === null ? ` · as of ${summary.hero.asOf}` : ''}
                </p>
              </div>
            )
          )}
          {summary.lines.length > 0 && (
            <ul className="plain-list ov-lines">
              {summary.lines.map((line) => (
                <li key={line.figure} data-testid={`ov-line-${line.figure}`}>
                  {line.label} <Figure figure={line.value} orgId={card.orgId} />
                </li>
              ))}
            </ul>
          )}
          {/* Said only when something is off: an up-to-date card's marker already gives its "as of". */}
          {(card.isStale || !card.syncText.startsWith('Up to date')) && (
            <p className="as-of muted">
              <span data-testid="ov-sync">{card.syncText}</span>
            </p>
          )}
        </>
      )}
    </section>
  );
}
