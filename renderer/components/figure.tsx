/**
 * One named figure of an account's answer, as text: the element tests, assistive technology and other
 * components find by `data-figure` and `data-org`. It shows the answer's words as they are; it computes
 * nothing.
 */
import type { AnswerFigure } from '@core/answer/account-answer';

export interface FigureProps {
  figure: AnswerFigure;
  orgId: string;
  className?: string;
  testId?: string;
}

/** The figure's words, e.g. `<span data-figure="credit-left" data-org="org_…">$80.00</span>`. */
export function Figure({ figure, orgId, className, testId }: FigureProps) {
  return (
    <span
      className={`${className ?? 'figure-text'}${figure.isKnown ? '' : ' not-known'}`}
      data-figure={figure.name}
      data-org={orgId}
      data-testid={testId}
    >
      {figure.text}
    </span>
  );
}
