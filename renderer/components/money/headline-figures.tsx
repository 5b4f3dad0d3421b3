/**
 * The organization page's headline: the account's answer, figure by figure — credit left, when it runs
 * out or reloads next, card charges by month end, expiring credit, this month — each quoted as the answer
 * says it, with where it comes from — and the answer's words on a key that looks like another account's and on
 * the hard monthly limit.
 */
import type { AccountAnswer, FigureName } from '@core/answer/account-answer';
import { figureLabel } from '../../view-models/card-summary';
import { splitAtRange } from '@core/words/money-words';
import { Figure } from '../figure';

/** The page's longer labels; the balance and the automatic top-up take the provider's own words. */
const LONGER_LABELS: Partial<Record<FigureName, string>> = {
  'card-by-month-end': 'Card charges by month end',
  'expiring-unused': 'Expiring credit left unused',
  'this-month': 'This month so far',
};

/** Which figures the headline shows for how the account pays. */
export function headlineNames(answer: AccountAnswer): FigureName[] {
  const pays = answer.payment.kind;
  const names: FigureName[] = ['credit-left'];
  if (pays === 'prepaid-auto-reload') names.push('next-reload');
  else if (pays === 'prepaid' || pays === 'provider-balance' || pays === 'not-set') names.push('runs-out');
  names.push('card-by-month-end');
  if (answer.lots.length > 0) names.push('expiring-unused');
  names.push('this-month');
  return names;
}

/** Past this many characters a figure is a sentence ("around Sat 19 Dec, $400.00 …"), not a number. */
const WORDY_CHARS = 24;

/** The headline figures row. */
export function HeadlineFigures({ answer, asOf }: { answer: AccountAnswer; asOf: string }) {
  return (
    <section className="headline" aria-label="Headline figures" data-testid="headline-figures">
      <dl className="headline-grid">
        {headlineNames(answer).map((name, i) => {
          const f = answer.figures[name];
          // One figure leads (the first, what matters now); a figure said in a sentence is set at reading size.
          const weight =
            splitAtRange(f.text).lead.length > WORDY_CHARS ? 'wordy' : i === 0 ? 'leading' : 'plain';
          return (
            <div className="card headline-figure" key={name} data-testid={`hl-${name}`}>
              <dt className="figure-label">{LONGER_LABELS[name] ?? figureLabel(name, answer.provider)}</dt>
              <dd>
                <Figure
                  figure={f}
                  orgId={answer.orgId}
                  className={`headline-value ${weight}`}
                  testId={`hl-${name}-value`}
                  rangeBelow
                />
                {f.note && <span className="muted headline-nature">{f.note}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      {answer.wrongOrg && (
        <p className="warn-line" role="note" data-testid="hl-wrong-org">
          {answer.wrongOrg}
        </p>
      )}
      {answer.hardLimit && (
        <p className="muted" data-testid="hl-hard-limit">
          Hard limit: {answer.hardLimit.text}
        </p>
      )}
      <p className="as-of">as of {asOf}</p>
    </section>
  );
}
