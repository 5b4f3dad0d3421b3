/**
 * The forecast's headline answers (from `buildMoneyHeadline`), for the saved settings or a what-if.
 */
import type { MoneyHeadline } from '../../view-models/money-headline';

export interface ForecastHeadlineProps {
  headline: MoneyHeadline;
  /** '' for the saved forecast, 'whatif-' for the what-if copy (test ids stay distinct). */
  idPrefix?: '' | 'whatif-';
}

/** When the card will be charged, how much until month end, and the other answers, each with its range. */
export function ForecastHeadline({ headline: h, idPrefix = '' }: ForecastHeadlineProps) {
  const t = (id: string) => `${idPrefix}${id}`;
  return (
    <div className="headline stack">
      <p className="confidence-line">
        <span className={`badge confidence-${h.confidence.level}`} data-testid={t('confidence')}>
          {h.confidence.label}
        </span>{' '}
        <span className="muted" data-testid={t('confidence-reason')}>
          {h.confidence.reason}
        </span>
      </p>
      {h.crossing && (
        <div className="answer" data-testid={t('crossing')}>
          <p className="answer-main">
            {h.crossing.subject}
            {h.crossing.p50 ? (
              <>
                {' '}
                around{' '}
                <strong data-testid={t('reload-p50')}>
                  <time dateTime={h.crossing.p50.iso}>{h.crossing.p50.relative}</time>
                </strong>{' '}
                <span className="muted">({h.crossing.p50.absolute})</span>
              </>
            ) : (
              !h.crossing.isAlreadyBelow && (
                <strong data-testid={t('reload-p50')}> — not within the next 31 days</strong>
              )
            )}
          </p>
          <p className="muted">
            <span data-testid={t('reload-range')}>{h.crossing.range}</span> ·{' '}
            <span data-testid={t('crossing-probability')}>{h.crossing.probability}</span>
          </p>
        </div>
      )}
      {h.reloads && (
        <div className="answer" data-testid={t('reloads')}>
          <p className="answer-main">
            Until the {h.reloads.until}: <strong data-testid={t('reload-count')}>{h.reloads.count}</strong>
            {h.reloads.isNoneLikely ? (
              '.'
            ) : (
              <>
                , charging your card <strong data-testid={t('reload-charges')}>{h.reloads.charges}</strong>{' '}
                <span className="muted">
                  (likely <span data-testid={t('reload-charges-range')}>{h.reloads.chargesRange}</span>)
                </span>
              </>
            )}
          </p>
          {h.reloads.limitNote && <p className="muted">{h.reloads.limitNote}</p>}
        </div>
      )}
      {h.monthEndCharge && (
        <div className="answer" data-testid={t('month-end')}>
          <p className="answer-main">
            {h.monthEndCharge.label} on {h.monthEndCharge.at}:{' '}
            <strong data-testid={t('month-end-charge')}>{h.monthEndCharge.p50}</strong>{' '}
            <span className="muted">
              (likely <span data-testid={t('month-end-range')}>{h.monthEndCharge.range}</span>)
            </span>
          </p>
        </div>
      )}
      <p className="muted" data-testid={t('month-end-spend')}>
        Spend from now until the {h.monthEndSpend.at}: {h.monthEndSpend.p50} (likely {h.monthEndSpend.range}).
      </p>
      {h.spendLimit && (
        <p className="warn-line" data-testid={t('spend-limit')}>
          {h.spendLimit}
        </p>
      )}
      {h.expiring && (
        <p className="warn-line" data-testid={t('expiring')}>
          {h.expiring}
        </p>
      )}
    </div>
  );
}
