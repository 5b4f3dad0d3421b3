/**
 * The ledger, newest first: kind, time, amount, note, and a delete that asks for a second click.
 */
import { useState } from 'react';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { FormMessage } from '../form-message';
import type { LedgerRow } from '../../view-models/money-ledger';

/** The list of recorded facts. */
export function LedgerList({
  rows,
  onRemove,
}: {
  rows: LedgerRow[];
  onRemove: (id: string) => Promise<void>;
}) {
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const removal = useFormSubmit(async (id: string) => {
    await onRemove(id);
    setConfirmId(null);
  });
  const busyId = removal.pendingValues;

  function remove(id: string) {
    if (confirmId !== id) {
      setConfirmId(id);
      return;
    }
    removal.submit(id);
  }

  if (rows.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <div className="stack">
      <div className="table-scroll reflow-box">
        <table className="ledger-table reflow" data-testid="ledger-list">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">When</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="ledger-row" data-kind={r.kind}>
                <td data-label="What">{r.kindLabel}</td>
                <td data-label="When">
                  <time dateTime={r.iso}>{r.time}</time>
                </td>
                <td className="num" data-label="Amount">
                  {r.amount}
                  {r.detail && <div className="muted">{r.detail}</div>}
                </td>
                <td className="note" data-label="Note">
                  {r.note}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className={confirmId === r.id ? 'button danger' : 'button'}
                    onClick={() => remove(r.id)}
                    onBlur={() => setConfirmId((id) => (id === r.id && busyId !== r.id ? null : id))}
                    disabled={removal.isPending}
                  >
                    {confirmId === r.id ? 'Really delete?' : 'Delete'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormMessage save={removal} />
    </div>
  );
}
