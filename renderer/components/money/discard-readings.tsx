/**
 * "Discard readings between … and …" for an account whose balance comes from its API: a wrong answer
 * from the provider that got through (a balance that fell and came back) is removed with the spend read
 * from it. Two steps, like every removal: the button asks again before anything is changed.
 */
import { useState } from 'react';
import { formatMoney } from '@core/money';
import { useApi } from '../../api/api-context';
import { FormProblem, useFormSubmit } from '../../hooks/use-form-submit';
import { FormMessage } from '../form-message';
import { parseLocalDateTime } from '../../view-models/money-input';

/** The form; `onDone` reloads the figures after a discard. */
export function DiscardReadings({
  orgId,
  timeZone,
  currency,
  onDone,
}: {
  orgId: string;
  timeZone: string | undefined;
  currency: string;
  onDone(): void;
}) {
  const api = useApi();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [isConfirming, setConfirming] = useState(false);
  const save = useFormSubmit(async (typed: { from: string; to: string; isConfirmed: boolean }) => {
    const start = parseLocalDateTime(typed.from, timeZone, 'From');
    const end = parseLocalDateTime(typed.to, timeZone, 'To');
    if (!start.ok) throw new FormProblem(start.error);
    if (!end.ok) throw new FormProblem(end.error);
    // The first click asks again; only the second changes anything.
    setConfirming(!typed.isConfirmed);
    if (!typed.isConfirmed) return null;
    const r = await api.invoke('balance:discardReadings', { orgId, fromMs: start.value, toMs: end.value });
    onDone();
    return r.removedReadings === 0 && r.removedSpendMicros === 0
      ? 'No readings were taken then: nothing was changed.'
      : `Removed ${r.removedReadings} ${r.removedReadings === 1 ? 'reading' : 'readings'} and ${formatMoney(r.removedSpendMicros, currency)} of spend read from them. The next reading starts afresh.`;
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    save.submit({ from, to, isConfirmed: isConfirming });
  }

  return (
    <details data-testid="discard-readings">
      <summary>A wrong reading? Discard readings between two times</summary>
      <form className="stack" onSubmit={submit} {...save.formProps}>
        <label>
          From
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          To
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <button type="submit" className={isConfirming ? 'button danger' : 'button'} disabled={save.isPending}>
          {isConfirming ? 'Really discard these readings?' : 'Discard readings'}
        </button>
        <FormMessage save={save} />
      </form>
    </details>
  );
}
