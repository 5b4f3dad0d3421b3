/**
 * What the last submit of a form said, where the user looks: a problem as an alert (read out at once), a
 * notice such as "Saved." as a status line.
 */
import type { FormSubmit } from '../hooks/use-form-submit';

/** The error or notice of `save`, or nothing. */
export function FormMessage({
  save,
  errorTestId,
  noticeTestId,
}: {
  save: Pick<FormSubmit<never>, 'error' | 'notice'>;
  /** Names the error line for tests. */
  errorTestId?: string;
  /** Names the notice line for tests. */
  noticeTestId?: string;
}) {
  if (save.error)
    return (
      <p className="form-error" role="alert" data-testid={errorTestId}>
        {save.error}
      </p>
    );
  if (save.notice)
    return (
      <p className="form-notice" role="status" data-testid={noticeTestId}>
        {save.notice}
      </p>
    );
  return null;
}
