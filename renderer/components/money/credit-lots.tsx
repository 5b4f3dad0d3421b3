/**
 * Credit lots: each purchase and grant with what remains, its expiry and days left; credit expiring unused is
 * called out first, with its date.
 */
import type { LotRow } from '../../view-models/credit-lots-view';

/** The lots table (it reflows into stacked rows in narrow windows). */
export function CreditLots({ rows }: { rows: LotRow[] }) {
  const expiring = rows.filter((r) => r.expiringUnused);
  return (
    <section className="card" aria-labelledby="lots-title" data-testid="credit-lots">
      <h3 id="lots-title">Credit lots</h3>
      {expiring.map((r) => (
        <p key={r.id} className="flag" role="note" data-testid="expiring-unused">
          {r.kind} credit: {r.expiringUnused}.
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
