/**
 * A form's submit button in the one way every form shows a running save: disabled, its label saying what is
 * happening ("Saving…"), so a second click cannot send the values twice.
 */
import type { ReactNode } from 'react';

export interface SubmitButtonProps {
  /** What the button says when nothing runs, e.g. "Save settings". */
  label: ReactNode;
  isPending: boolean;
  /** What it says while the save runs (default "Saving…"). */
  pendingLabel?: string;
  /** The form's main action (filled) or a secondary one (outlined). */
  isPrimary?: boolean;
  /** Disabled for a reason of the form's own (e.g. a field that cannot be sent as it is). */
  isBlocked?: boolean;
  testId?: string;
  /** Buttons shown beside it (e.g. "Cancel"). */
  children?: ReactNode;
}

/** The submit button in the form's action row. */
export function SubmitButton({
  label,
  isPending,
  pendingLabel = 'Saving…',
  isPrimary = true,
  isBlocked = false,
  testId,
  children,
}: SubmitButtonProps) {
  return (
    <div className="actions">
      <button
        type="submit"
        className={isPrimary ? 'button primary' : 'button'}
        disabled={isPending || isBlocked}
        data-testid={testId}
      >
        {isPending ? pendingLabel : label}
      </button>
      {children}
    </div>
  );
}
