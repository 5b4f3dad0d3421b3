/**
 * The optional alert webhook: Slack-compatible JSON (`{"text": …}`, plus the account's named figures under
 * `account`, as `status --json` carries them), https only, retried with exponential backoff, never awaited
 * by sync, and every final failure reported in words.
 *
 * Example: a 503 then a 200 → delivered on the second try after ~2 s; three failures → "The alert webhook
 * failed 3 times (HTTP 503) …".
 */
import { SafeWebhookUrlSchema } from '@core/alerts/alert-settings';
import type { Alert } from '@core/alerts/alert-types';
import type { AccountAnswer } from '@core/answer/account-answer';
import { accountFiguresJson } from '@core/answer/figures-json';

export interface WebhookDeps {
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  /** Final outcome of each delivery: null on success, else the message for the user. */
  onResult(problem: string | null): void;
  attempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
}

/**
 * The Slack-compatible body: the alert's words in `text` (Slack shows only that), and the account's answer
 * at the alert's evaluation in `account` — each named figure with its value in micro-units, the words the
 * app shows, its "as of" and its source — for scripts that read the payload.
 */
export function webhookBody(
  alert: Alert,
  answer: AccountAnswer | null = null,
): { text: string; account?: ReturnType<typeof accountFiguresJson> } {
  const text = `*${alert.title}*\n${alert.body}`;
  return answer ? { text, account: accountFiguresJson(answer) } : { text };
}

/**
 * Posts `alert` (with its account's `answer`, when known) to `url` in the background; resolves when done
 * (callers need not wait).
 */
export async function postWebhook(
  url: string,
  alert: Alert,
  deps: WebhookDeps,
  answer: AccountAnswer | null = null,
): Promise<void> {
  const parsed = SafeWebhookUrlSchema.safeParse(url);
  if (!parsed.success) {
    deps.onResult(`The alert webhook was not called: ${parsed.error.issues[0]?.message ?? 'invalid URL'}.`);
    return;
  }
  const attempts = deps.attempts ?? 3;
  const base = deps.baseDelayMs ?? 2000;
  let last = '';
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await deps.sleep(base * 2 ** (i - 1));
    try {
      const res = await deps.fetch(parsed.data, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(webhookBody(alert, answer)),
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
        redirect: 'error',
      });
      if (res.ok) {
        deps.onResult(null);
        return;
      }
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).name === 'TimeoutError' ? 'no answer in time' : 'could not be reached';
    }
  }
  deps.onResult(
    `The alert webhook failed ${attempts} times (${last}); alerts still show in the app. Check the URL in the alert settings.`,
  );
}
