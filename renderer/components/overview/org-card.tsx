/**
 * One organization's card on the overview: credit left, where usage goes, the next auto-reload, what the card
 * is charged before month end, month-to-date and today, sync state and any wrong-org flag.
 */
import type { Figure, OrgCardView } from '../../view-models/overview';

function FigureLine({ label, figure, testId }: { label: string; figure: Figure; testId: string }) {
  return (
    <div className="ov-figure">
      <dt>{label}</dt>
      <dd>
        <span className="ov-value" data-testid={testId}>
          {figure.value}
        </span>
        {figure.likely && (
          <span className="ov-likely" data-testid={`${testId}-likely`}>
            {figure.likely}
          </span>
        )}
        {figure.note && <span className="muted ov-note">{figure.note}</span>}
      </dd>
    </div>
  );
}

/** The card; `onOpen` shows the org's page. */
export function OrgCard({
  card,
  onOpen,
  onRetry,
}: {
  card: OrgCardView;
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
      <div className="card-head">
        <h3 id={titleId}>
          {card.name}{' '}
          <span className="provider-label" data-testid="provider-label">
            {card.providerName}
            {card.currency && card.currency !== 'USD' ? ` · ${card.currency}` : ''}
          </span>
        </h3>
        <button type="button" className="button" onClick={onOpen}>
          Open
        </button>
      </div>
      {card.flags.map((f) => (
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
          {card.billingWords && (
            <p className="ov-mode" data-testid="billing-words">
              {card.billingWords}
            </p>
          )}
          <dl className="ov-figures">
            {card.creditLeft && (
              <FigureLine label="Credit left" figure={card.creditLeft} testId="ov-credit" />
            )}
            {card.nextReload && (
              <FigureLine label="Next auto-reload" figure={card.nextReload} testId="ov-next-reload" />
            )}
            {card.cardBeforeMonthEnd && (
              <FigureLine
                label="Card charges before month end"
                figure={card.cardBeforeMonthEnd}
                testId="ov-card-charges"
              />
            )}
            <div className="ov-figure">
              <dt>This month so far</dt>
              <dd>
                <span className="ov-value" data-testid="ov-mtd">
                  {card.monthToDate}
                </span>
                <span className="muted ov-note">
                  today <span data-testid="ov-today">{card.today}</span> (provisional)
                </span>
                {card.spendSource && (
                  <span className="muted ov-note" data-testid="ov-spend-source">
                    {card.spendSource}
                  </span>
                )}
              </dd>
            </div>
          </dl>
          <p className="as-of">
            {card.asOf ? (
              <>
                as of <time dateTime={card.asOfIso ?? undefined}>{card.asOf}</time> ·{' '}
              </>
            ) : null}
            <span data-testid="ov-sync">{card.syncText}</span>
          </p>
        </>
      )}
    </section>
  );
}
