/**
 * A form that adds one ledger entry: the recorded balance (fixed kind) or a purchase, grant, reload or card
 * charge (kind chosen). Validates as the server does and shows the server's message when it refuses.
 */
import { useId, useState, type FormEvent } from 'react';
import { useClock } from '../../hooks/clock-context';
import { errorText } from '../../hooks/use-orgs';
import {
  parseEntryForm,
  type EntryDraft,
  type EntryFormFields,
  type EntryFormKind,
} from '../../view-models/money-entry-form';
import { toLocalInputValue } from '../../view-models/money-input';
import { ENTRY_KIND_LABELS } from '../../view-models/money-ledger';

export interface EntryFormProps {
  /** One kind = no kind picker. */
  kinds: readonly EntryFormKind[];
  timeZone: string | undefined;
  nowMs: number;
  submitLabel: string;
  onSubmit: (draft: EntryDraft) => Promise<void>;
  testId: string;
}

const AMOUNT_LABELS: Record<EntryFormKind, string> = {
  observation: 'Balance shown (USD, may be negative)',
  purchase: 'Amount bought (USD)',
  grant: 'Amount granted (USD)',
  reload: 'Amount reloaded (USD)',
  'card-charge': 'Amount charged (USD)',
};

/** The entry form. */
export function EntryForm({ kinds, timeZone, nowMs, submitLabel, onSubmit, testId }: EntryFormProps) {
  const id = useId();
  const clock = useClock();
  const blank = (): EntryFormFields => ({
    kind: kinds[0] ?? 'observation',
    amount: '',
    at: toLocalInputValue(nowMs, timeZone),
    expires: '',
    note: '',
  });
  const [fields, setFields] = useState<EntryFormFields>(blank);
  // An untouched "When" means now: use the exact time, not the minute the form shows.
  const [isAtTouched, setIsAtTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const set = (patch: Partial<EntryFormFields>) => setFields((f) => ({ ...f, ...patch }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseEntryForm(fields, { timeZone, nowMs: clock.nowMs() });
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    setIsSaving(true);
    try {
      await onSubmit(isAtTouched ? parsed.value : { ...parsed.value, atMs: clock.nowMs() });
      setIsAtTouched(false);
      setFields({ ...blank(), kind: fields.kind, at: toLocalInputValue(clock.nowMs(), timeZone) });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setIsSaving(false);
    }
  }

  const hasExpiry = fields.kind === 'purchase' || fields.kind === 'grant';
  return (
    <form className="entry-form" onSubmit={submit} noValidate data-testid={testId}>
      {kinds.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-kind`}>What happened</label>
          <select
            id={`${id}-kind`}
            value={fields.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as EntryFormKind })}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {ENTRY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-amount`}>{AMOUNT_LABELS[fields.kind]}</label>
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          placeholder="0.00"
          value={fields.amount}
          onChange={(e) => set({ amount: e.currentTarget.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-at`}>When</label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          value={fields.at}
          onChange={(e) => {
            setIsAtTouched(true);
            set({ at: e.currentTarget.value });
          }}
        />
      </div>
      {hasExpiry && (
        <div className="field">
          <label htmlFor={`${id}-expires`}>
            Expires{fields.kind === 'purchase' ? ' (blank = one year after purchase)' : ''}
          </label>
          <input
            id={`${id}-expires`}
            type="datetime-local"
            value={fields.expires}
            onChange={(e) => set({ expires: e.currentTarget.value })}
          />
        </div>
      )}
      <div className="field grow">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <input id={`${id}-note`} value={fields.note} onChange={(e) => set({ note: e.currentTarget.value })} />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSaving}>
          {isSaving ? 'Saving…' : submitLabel}
        </button>
      </div>
      {error && (
        <p className="form-error full" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </form>
  );
}
