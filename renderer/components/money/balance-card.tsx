/**
 * How the credit left adds up: where the estimate starts and what changed since. The total is the account's
 * answer's credit left, quoted in its words, so the page says credit left once, with one value.
 */
import type { BalanceView } from '../../view-models/money-balance';

/** The estimate's parts; predicted reloads are labelled as predicted. */
export function BalanceCard({ view, total }: { view: BalanceView; total: string | null }) {
  return (
    <section className="card figure" aria-labelledby="balance-label" data-testid="balance-card">
      <h2 id="balance-label" className="figure-label">
        {view.title}
      </h2>
      <p className="muted" data-testid="balance-basis">
        {view.basis}
      </p>
      <dl className="parts wrap">
        <div>
          <dt>Starting balance</dt>
          <dd data-testid="balance-start">{view.start}</dd>
        </div>
        <div>
          <dt>Costs up to yesterday</dt>
          <dd data-testid="balance-settled">{view.settled}</dd>
        </div>
        <div>
          <dt>Costs today so far</dt>
          <dd data-testid="balance-provisional">{view.provisional}</dd>
        </div>
        <div>
          <dt>Credit added</dt>
          <dd data-testid="balance-added">{view.creditsAdded}</dd>
        </div>
        <div>
          <dt>Expired</dt>
          <dd data-testid="balance-expired">{view.expired}</dd>
        </div>
      </dl>
      {view.predictedReloads.length > 0 && (
        <ul className="plain-list" data-testid="predicted-reloads">
          {view.predictedReloads.map((r) => (
            <li key={r.key}>
              <span className="badge">predicted</span> {r.text}
            </li>
          ))}
        </ul>
      )}
      {view.missingDaysNote && <p className="warn-line">{view.missingDaysNote}</p>}
      {total && (
        <p data-testid="balance-total">
          Adds up to the credit left above: <strong>{total}</strong>
        </p>
      )}
      <p className="as-of">
        as of{' '}
        <time data-testid="balance-as-of" dateTime={view.asOfIso}>
          {view.asOf}
        </time>
      </p>
    </section>
  );
}
