/**
 * The estimated balance now: the figure, its P10–P90 range, "as of", and what changed since the basis.
 */
import type { BalanceView } from '../../view-models/money-balance';

/** Balance figure with its parts; predicted reloads are labelled as predicted. */
export function BalanceCard({ view }: { view: BalanceView }) {
  return (
    <section className="card figure" aria-labelledby="balance-label" data-testid="balance-card">
      <h2 id="balance-label" className="figure-label">
        {view.title}
      </h2>
      <p
        className={view.isNegative ? 'figure-value negative' : 'figure-value'}
        data-testid="balance-estimate"
      >
        {view.estimate}
      </p>
      <p>
        likely <span data-testid="balance-range">{view.range}</span>
      </p>
      <p className="as-of">
        as of{' '}
        <time data-testid="balance-as-of" dateTime={view.asOfIso}>
          {view.asOf}
        </time>
      </p>
      <p className="muted" data-testid="balance-basis">
        {view.basis}
      </p>
      <dl className="parts wrap">
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
    </section>
  );
}
