/**
 * Monthly / invoiced billing: what this month's usage puts on the card (or invoice) and what credit covers.
 */
import type { CardSplitView } from '../../view-models/money-card-split';

/** The split in words and figures. */
export function CardSplitCard({ view, isInvoiced }: { view: CardSplitView; isInvoiced: boolean }) {
  return (
    <section className="card figure" aria-labelledby="card-split-label" data-testid="card-split">
      <h2 id="card-split-label" className="figure-label">
        {isInvoiced ? 'On the invoice so far this month' : 'On your card so far this month'}
      </h2>
      <p className="figure-value" data-testid="card-split-card">
        {view.card}
      </p>
      <p data-testid="card-split-sentence">{view.sentence}</p>
      <dl className="parts wrap">
        <div>
          <dt>Drawn from credit this month</dt>
          <dd data-testid="card-split-credit">{view.fromCredit}</dd>
        </div>
        <div>
          <dt>Credit left</dt>
          <dd data-testid="card-split-left">{view.creditLeft}</dd>
        </div>
        <div>
          <dt>Month closes</dt>
          <dd>{view.chargeAt}</dd>
        </div>
      </dl>
    </section>
  );
}
