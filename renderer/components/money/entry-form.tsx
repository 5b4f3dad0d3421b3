/**
 * A form that adds one ledger entry: the recorded balance (fixed kind) or a purchase, grant, reload or card
 * charge (kind chosen). Validates as the server does; every message, its own or the server's, is shown at
 * the field it is about. A refused entry is not saved at all.
 */
import { useId, useState, type FormEvent } from 'react';
import { fieldOfMessage, type EntryField } from '@core/ledger-entry-rules';
import { useClock } from '../../hooks/clock-context';
import { FormProblem, useFormSubmit } from '../../hooks/use-form-submit';
import { SubmitButton } from '../submit-button';
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
  /** The account's currency: the amount is typed and stored in it. */
  currency: string;
}

/** The amount field's label, naming the account's currency: "Amount bought (CNY)". */
export function amountLabel(kind: EntryFormKind, currency: string): string {
  const what: Record<EntryFormKind, string> = {
    observation: `Balance shown (${currency}, may be negative)`,
    purchase: `Amount bought (${currency})`,
    grant: `Amount granted (${currency})`,
    reload: `Amount reloaded (${currency})`,
    'card-charge': `Amount charged (${currency})`,
  };
  return what[kind];
}

/** The entry form. */
export function EntryForm({
  kinds,
  timeZone,
  nowMs,
  submitLabel,
  onSubmit,
  testId,
  currency,
}: EntryFormProps) {
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
  const save = useFormSubmit(async (typed: EntryFormFields) => {
    const parsed = parseEntryForm(typed, { timeZone, nowMs: clock.nowMs(), currency });
    if (!parsed.ok) throw new FormProblem(parsed.error, parsed.field);
    await onSubmit(isAtTouched ? parsed.value : { ...parsed.value, atMs: clock.nowMs() });
    setIsAtTouched(false);
    setFields({ ...blank(), kind: typed.kind, at: toLocalInputValue(clock.nowMs(), timeZone) });
  }, placeAtField);
  const set = (patch: Partial<EntryFormFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    save.clear();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.submit(fields);
  }

  const hasExpiry = fields.kind === 'purchase' || fields.kind === 'grant';
  const errorId = `${id}-error`;
  const invalid = (field: EntryField) =>
    save.error !== null && save.errorField === field
      ? { 'aria-invalid': true, 'aria-describedby': errorId }
      : {};
  const errorAt = (field: EntryField | null) =>
    save.error !== null && save.errorField === field ? (
      <p
        className={field === null ? 'form-error full' : 'field-error'}
        id={errorId}
        role="alert"
        data-testid={`${testId}-error`}
      >
        {save.error}
      </p>
    ) : null;
  return (
    <form className="entry-form" onSubmit={submit} noValidate data-testid={testId} {...save.formProps}>
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
        <label htmlFor={`${id}-amount`}>{amountLabel(fields.kind, currency)}</label>
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          placeholder="0.00"
          value={fields.amount}
          {...invalid('amount')}
          onChange={(e) => set({ amount: e.currentTarget.value })}
        />
        {errorAt('amount')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-at`}>When</label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          value={fields.at}
          {...invalid('at')}
          onChange={(e) => {
            setIsAtTouched(true);
            set({ at: e.currentTarget.value });
          }}
        />
        {errorAt('at')}
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
            {...invalid('expires')}
            onChange={(e) => set({ expires: e.currentTarget.value })}
          />
          {errorAt('expires')}
        </div>
      )}
      <div className="field grow">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <input
          id={`${id}-note`}
          value={fields.note}
          {...invalid('note')}
          onChange={(e) => set({ note: e.currentTarget.value })}
        />
        {errorAt('note')}
      </div>
      <SubmitButton label={submitLabel} isPending={save.isPending} />
      {errorAt(null)}
    </form>
  );
}

/** A server message shown at the field it names ("Amount: …" at the amount), else under the form. */
function placeAtField(message: string): { field: EntryField | null; text: string } {
  return { field: fieldOfMessage(message), text: message };
}
