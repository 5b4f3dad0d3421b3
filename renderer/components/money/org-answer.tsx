/**
 * The top of an organization's page: the headline figures, the balance chart with its forecast, and the credit
 * lots — the answers, before the forms.
 */
import type { ReactNode } from 'react';
import type { AccountAnswer } from '@core/answer/account-answer';
import { dateTimeWords } from '@core/words/date-words';
import type { MoneyView } from '@core/money-view';
import { buildLotRows } from '../../view-models/credit-lots-view';
import type { DisplayZone } from '../../view-models/format';
import { BalanceChart } from './balance-chart';
import { CreditLots } from './credit-lots';
import { HeadlineFigures } from './headline-figures';

export interface OrgAnswerProps {
  money: MoneyView;
  nowMs: number;
  zone: DisplayZone;
  isDark: boolean;
  /** The account's answer: the server's (`answer:get`), or a what-if's built from `money`. */
  answer: AccountAnswer | null;
  /** The figures are a what-if's (never saved). */
  isWhatIf?: boolean;
  /**
   * Shown instead of the headline figures while the user has not said how the account pays (the setup
   * questions): no figure is built on a default.
   */
  notSet?: ReactNode;
}

/** Headline, chart and lots. */
export function OrgAnswer({ money, nowMs, zone, isDark, answer, isWhatIf = false, notSet }: OrgAnswerProps) {
  // The chart comes computed with the answer (its step at expiry is the answer's own figure).
  const series = answer?.charts.balance ?? null;
  const lots = buildLotRows(money.ledger.entries, money.lots ?? [], money.asOfMs, zone, money.currency);
  const isPrepaid = money.ledger.billing.mode === 'prepaid';
  return (
    <section className="stack" aria-labelledby="answer-title" data-testid="org-answer">
      <h2 id="answer-title" className="visually-hidden">
        Credit, card charges and forecast
      </h2>
      {answer && answer.payment.kind === 'not-set' && notSet ? (
        notSet
      ) : (
        // Until the answer is built nothing is said: the stored default is not the user's answer.
        <p className="ov-mode" data-testid="org-billing-words">
          {answer ? `How it pays: ${answer.payment.text}.` : ''}
        </p>
      )}
      {isWhatIf && (
        <p className="badge warn what-if-flag" data-testid="headline-what-if">
          what-if, not saved: the figures and chart show the what-if below
        </p>
      )}
      {answer && !(answer.payment.kind === 'not-set' && notSet) && (
        <HeadlineFigures answer={answer} asOf={dateTimeWords(money.asOfMs, nowMs, answer.timeZone)} />
      )}
      {series && (
        <section className="card" aria-labelledby="balance-chart-title">
          <div className="card-head">
            <h3 id="balance-chart-title">
              {series.kind === 'balance' ? 'Credit balance and forecast' : 'Spend this month and forecast'}
            </h3>
            <span className="muted">shaded: the likely range</span>
          </div>
          <BalanceChart series={series} isDark={isDark} zone={zone} currency={money.currency} />
          <details className="chart-table" data-testid="balance-table">
            <summary>Show as a table</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">{series.kind === 'balance' ? 'Credit balance' : 'Spend this month'}</th>
                  <th scope="col">Likely range</th>
                </tr>
              </thead>
              <tbody>
                {series.table.map((row) => (
                  <tr key={row.day}>
                    <th scope="row">{row.day}</th>
                    <td>{row.value}</td>
                    <td>{row.range}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
      )}
      {(isPrepaid || lots.length > 0) && <CreditLots rows={lots} answer={answer} />}
    </section>
  );
}
