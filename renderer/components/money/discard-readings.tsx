/**
 * "Discard readings between … and …" for an account whose balance comes from its API: a wrong answer
 * from the provider that got through (a balance that fell and came back) is removed with the spend read
 * from it. Two steps, like every removal: the button asks again before anything is changed.
 */
import { useState } from 'react';
import { formatMoney } from '@core/money';
import { useApi } from '../../api/api-context';
import { errorText } from '../../hooks/use-orgs';
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
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const start = parseLocalDateTime(from, timeZone, 'From');
    const end = parseLocalDateTime(to, timeZone, 'To');
    if (!start.ok) return setMessage({ text: start.error, isError: true });
    if (!end.ok) return setMessage({ text: end.error, isError: true });
    if (!isConfirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    try {
      const r = await api.invoke('balance:discardReadings', { orgId, fromMs: start.value, toMs: end.value });
      setMessage({
        text:
          r.removedReadings === 0 && r.removedSpendMicros === 0
            ? 'No readings were taken then: nothing was changed.'
            : `Removed ${r.removedReadings} ${r.removedReadings === 1 ? 'reading' : 'readings'} and ${formatMoney(r.removedSpendMicros, currency)} of spend read from them. The next reading starts afresh.`,
        isError: false,
      });
      onDone();
    } catch (err) {
      setMessage({ text: errorText(err), isError: true });
    }
  }

  return (
    <details data-testid="discard-readings">
      <summary>A wrong reading? Discard readings between two times</summary>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label>
          From
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          To
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <button type="submit" className={isConfirming ? 'button danger' : 'button'}>
          {isConfirming ? 'Really discard these readings?' : 'Discard readings'}
        </button>
      </form>
      {message && (
        <p
          className={message.isError ? 'form-error' : 'form-notice'}
          role={message.isError ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </details>
  );
}
