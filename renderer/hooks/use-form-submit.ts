/**
 * One submit pattern for the app's forms, on React 19's `useActionState`: the form hands its values to
 * `submit`, the hook runs the save, says whether it is running (`isPending`) and keeps the outcome — the
 * server's message in words (`error`) or a short notice ("Saved."). Editing a field calls `clear` so an old
 * message does not stay under changed values.
 */
import { startTransition, useActionState, useState } from 'react';
import { errorText } from './use-orgs';

/** What the last submit ended with. */
export interface SubmitOutcome {
  error: string | null;
  notice: string | null;
}

const NOTHING_YET: SubmitOutcome = { error: null, notice: null };

export interface FormSubmit<A> {
  /** Starts the save with these values (ignored while one is running). */
  submit: (values: A) => void;
  isPending: boolean;
  /** The last save's message, in words; null once the user changed something or when it worked. */
  error: string | null;
  /** What the last save said when it worked, e.g. "Saved."; null otherwise. */
  notice: string | null;
  /** Forgets the last outcome (call it when a field changes). */
  clear: () => void;
}

/**
 * Runs `save(values)` as a form action. `save` resolves to a notice to show (or nothing) and throws to
 * report a problem; the thrown message is shown as it is.
 *
 * @example const { submit, isPending, error } = useFormSubmit(async (v: { key: string }) => { await api.invoke(...) });
 */
export function useFormSubmit<A>(save: (values: A) => Promise<string | null | void>): FormSubmit<A> {
  const [outcome, dispatch, isPending] = useActionState<SubmitOutcome, A>(async (_last, values) => {
    try {
      return { error: null, notice: (await save(values)) ?? null };
    } catch (err) {
      return { error: errorText(err), notice: null };
    }
  }, NOTHING_YET);
  // The outcome object the user has moved on from; a new submit yields a new object, shown again.
  const [cleared, setCleared] = useState<SubmitOutcome | null>(null);
  const isCleared = cleared === outcome;
  return {
    submit: (values: A) => {
      if (isPending) return;
      startTransition(() => dispatch(values));
    },
    isPending,
    error: isCleared ? null : outcome.error,
    notice: isCleared ? null : outcome.notice,
    clear: () => setCleared(outcome),
  };
}
