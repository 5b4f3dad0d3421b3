/**
 * Credit lots: each purchase and grant with what remains, its expiry and days left. Credit expected to expire
 * unused is called out first, quoting the account's answer: per lot, what remains now and what is expected
 * unused at expiry (the same two figures the headline, the chart and the alert give).
 */
import type { AccountAnswer } from '@core/answer/account-answer';
import type { LotRow } from '../../view-models/credit-lots-view';

/** The callout lines: one per lot the answer forecasts on its own, else the account's expiring figure once. */
function expiringLines(answer: AccountAnswer | null, rows: LotRow[]): Array<{ id: string; text: string }> {
  if (!answer) return [];
  const figure = answer.figures['expiring-unused'];
  const kindOf = (id: string) => rows.find((r) => r.id === id)?.kind ?? 'Purchase';
  const perLot = answer.lots
    .filter((l) => l.isExpectedUnused)
    .map((l) => ({ id: l.lotId, text: `${kindOf(l.lotId)} credit: ${l.text}.` }));
  if (perLot.length > 0) return perLot;
  return answer.isExpiringUnused ? [{ id: 'expiring-unused', text: `Credit: ${figure.text}.` }] : [];
}

/** The lots table (it reflows into stacked rows in narrow windows). */
export function CreditLots({ rows, answer }: { rows: LotRow[]; answer: AccountAnswer | null }) {
  const expiring = expiringLines(answer, rows);
  return (
    <section className="card" aria-labelledby="lots-title" data-testid="credit-lots">
      <h3 id="lots-title">Credit lots</h3>
      {expiring.map((line) => (
        <p key={line.id} className="flag" role="note" data-testid="expiring-unused">
          {line.text}
        </p>
      ))}
      {rows.length === 0 ? (
        <p className="empty">
          No purchases or grants recorded. Add them in the ledger below to see what remains of each and when
          it expires.
        </p>
      ) : (
        <div className="reflow-box">
          <table className="ledger-table reflow">
            <thead>
              <tr>
                <th scope="col">Credit</th>
                <th scope="col">Added</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Remaining
                </th>
                <th scope="col">Expires</th>
                <th scope="col">Days left</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="lot-row">
                  <th scope="row" data-label="Credit">
                    {r.kind}
                  </th>
                  <td data-label="Added">{r.added}</td>
                  <td className="num" data-label="Amount">
                    {r.amount}
                  </td>
                  <td className="num" data-label="Remaining" data-testid="lot-remaining">
                    {r.isUsedUp ? 'used up' : r.remaining}
                  </td>
                  <td data-label="Expires">{r.expires}</td>
                  <td data-label="Days left">{r.daysLeft}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
