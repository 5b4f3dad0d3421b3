/**
 * One named figure of an account's answer, as text: the element tests, assistive technology and other
 * components find by `data-figure` and `data-org`. It shows the answer's words as they are; it computes
 * nothing.
 */
import type { AnswerFigure } from '@core/answer/account-answer';
import { splitAtRange } from '@core/words/money-words';

export interface FigureProps {
  figure: AnswerFigure;
  orgId: string;
  className?: string;
  testId?: string;
  /** Set the most likely value large and its likely range on a smaller line beneath (headline figures). */
  rangeBelow?: boolean;
}

/** The figure's words, e.g. `<span data-figure="credit-left" data-org="org_…">$80.00</span>`. */
export function Figure({ figure, orgId, className, testId, rangeBelow }: FigureProps) {
  const parts = rangeBelow && figure.isKnown ? splitAtRange(figure.text) : null;
  return (
    <span
      className={`${className ?? 'figure-text'}${figure.isKnown ? '' : ' not-known'}`}
      data-figure={figure.name}
      data-org={orgId}
      data-testid={testId}
    >
      {parts && parts.range ? (
        <>
          {parts.lead}
          <span className="figure-range">{parts.range}</span>
        </>
      ) : (
        figure.text
      )}
    </span>
  );
}
