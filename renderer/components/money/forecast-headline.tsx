/**
 * The forecast panel: what the answer adds beside the headline figures — how sure the forecast is, spend to
 * the month's end, the hard limit and the reload limit. It quotes `AccountAnswer.forecast`; the figures the
 * headline shows (runs out, next reload, card by month end, expiring credit) are not repeated here.
 */
import type { AccountAnswer } from '@core/answer/account-answer';

export interface ForecastHeadlineProps {
  answer: AccountAnswer;
}

/** Confidence, spend to month end and the limits' chances, as the answer words them. */
export function ForecastHeadline({ answer }: ForecastHeadlineProps) {
  const d = answer.forecast;
  if (!d) return null;
  return (
    <div className="headline stack">
      <p className="confidence-line">
        <span className={`badge confidence-${d.confidence.level}`} data-testid="confidence">
          {d.confidence.label}
        </span>{' '}
        <span className="muted" data-testid="confidence-reason">
          {d.confidence.reason}
        </span>
      </p>
      <p className="muted" data-testid="month-end-spend">
        {d.monthEndSpend}
      </p>
      {d.reloadLimit && (
        <p className="muted" data-testid="reload-limit">
          {d.reloadLimit}
        </p>
      )}
      {d.spendLimit && (
        <p className="warn-line" data-testid="spend-limit">
          {d.spendLimit}
        </p>
      )}
    </div>
  );
}
