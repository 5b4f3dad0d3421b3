/**
 * One submit pattern for the app's forms and actions, on React 19's `useActionState`: the form hands its values
 * to `submit`, the hook runs the save, says whether it is running (`isPending`, and which values) and keeps the
 * outcome — the message in words (`error`, with the field it is about) or a short notice ("Saved."). Editing a
 * field calls `clear` so an old message does not stay under changed values. A form that spreads `formProps` on
 * its `<form>` is marked busy while the save runs and, when it fails, has the focus moved to the field the
 * message is about (else to the message itself), so the user is taken to the problem.
 */
import { startTransition, useActionState, useEffect, useRef, useState, type RefObject } from 'react';
import { errorText } from './use-orgs';

/** A problem the form found itself (or placed at a field): thrown from `save`, shown like the server's. */
export class FormProblem<F extends string = string> extends Error {
  /** The field the message belongs at, or null for the whole form. */
  readonly field: F | null;

  constructor(message: string, field: F | null = null) {
    super(message);
    this.field = field;
  }
}

/** What the last submit ended with. */
export interface SubmitOutcome<F extends string = string> {
  error: string | null;
  /** The field `error` is about, or null for the whole form. */
  errorField: F | null;
  notice: string | null;
}

/** Where a thrown message is shown: at a field (its text possibly shortened) or for the whole form. */
export type PlaceOf<F extends string> = (message: string) => { field: F | null; text: string };

export interface FormSubmit<A, F extends string = string> {
  /** Starts the save with these values (ignored while one is running). */
  submit: (values: A) => void;
  isPending: boolean;
  /** The values being saved while `isPending`, else null (e.g. which row's button is busy). */
  pendingValues: A | null;
  /** The last save's message, in words; null once the user changed something or when it worked. */
  error: string | null;
  /** The field `error` belongs at, or null (the whole form). */
  errorField: F | null;
  /** What the last save said when it worked, e.g. "Saved."; null otherwise. */
  notice: string | null;
  /** Forgets the last outcome (call it when a field changes). */
  clear: () => void;
  /** For the `<form>`: busy while saving; the focus goes to the problem when a save fails. */
  formProps: { ref: RefObject<HTMLFormElement | null>; 'aria-busy': boolean };
}

const NOTHING_YET: SubmitOutcome<never> = { error: null, errorField: null, notice: null };

/**
 * Runs `save(values)` as a form action. `save` resolves to a notice to show (or nothing) and throws to
 * report a problem: a `FormProblem` names its field; any other message is shown as it is, at the field
 * `placeOf` finds for it (when given).
 *
 * @example const { submit, isPending, error } = useFormSubmit(async (v: { key: string }) => { await api.invoke(...) });
 */
export function useFormSubmit<A, F extends string = string>(
  save: (values: A) => Promise<string | null | void>,
  placeOf?: PlaceOf<F>,
): FormSubmit<A, F> {
  const [outcome, dispatch, isPending] = useActionState<SubmitOutcome<F>, A>(async (_last, values) => {
    try {
      return { error: null, errorField: null, notice: (await save(values)) ?? null };
    } catch (err) {
      if (err instanceof FormProblem)
        return { error: err.message, errorField: err.field as F | null, notice: null };
      const message = errorText(err);
      const place = placeOf?.(message) ?? { field: null, text: message };
      return { error: place.text, errorField: place.field, notice: null };
    }
  }, NOTHING_YET);
  const [lastValues, setLastValues] = useState<A | null>(null);
  // The outcome object the user has moved on from; a new submit yields a new object, shown again.
  const [cleared, setCleared] = useState<SubmitOutcome<F> | null>(null);
  const isCleared = cleared === outcome;
  const formRef = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (outcome.error !== null) focusProblem(formRef.current);
  }, [outcome]);
  return {
    submit: (values: A) => {
      if (isPending) return;
      setLastValues(() => values);
      setCleared(outcome); // the last message does not stay under values being sent again
      startTransition(() => dispatch(values));
    },
    isPending,
    pendingValues: isPending ? lastValues : null,
    error: isCleared ? null : outcome.error,
    errorField: isCleared ? null : outcome.errorField,
    notice: isCleared ? null : outcome.notice,
    clear: () => setCleared(outcome),
    formProps: { ref: formRef, 'aria-busy': isPending },
  };
}

/** Moves the focus to the first field marked invalid in `form`, else to its message (made focusable). */
function focusProblem(form: HTMLFormElement | null): void {
  if (!form) return;
  const target =
    form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    form.querySelector<HTMLElement>('[role="alert"]');
  if (!target) return;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}
