/**
 * Alert settings in the page: quiet hours, the low-credit line (one for US-dollar accounts and one per
 * other currency the accounts are in — never converted), and the webhook. The server validates; its
 * message is shown as-is and nothing is saved on a refusal.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AlertSettings } from '@core/alerts/alert-settings';
import { microsToInput, parseMoneyInput } from '@core/money-input';
import { useNotifier } from '../../api/notifier-context';
import { useApi } from '../../api/api-context';
import { errorText } from '../../hooks/use-orgs';

/** The built-in low-credit line, in whole units of any currency (alert-settings.ts). */
const BUILT_IN_LOW = 10;

export function AlertSettingsForm({ currencies = [] }: { currencies?: readonly string[] }) {
  const api = useApi();
  const notifier = useNotifier();
  const id = useId();
  const [saved, setSaved] = useState<AlertSettings | null>(null);
  const [quietStart, setQuietStart] = useState('');
  const [quietEnd, setQuietEnd] = useState('');
  const [lowCredit, setLowCredit] = useState('');
  const [lowBy, setLowBy] = useState<Record<string, string>>({});
  const [webhook, setWebhook] = useState('');
  const [isNotifyAll, setIsNotifyAll] = useState(false);
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);

  const show = (s: AlertSettings) => {
    setSaved(s);
    setQuietStart(s.quietHours?.start ?? '');
    setQuietEnd(s.quietHours?.end ?? '');
    setLowCredit(s.defaults.lowCreditMicros === undefined ? '' : microsToInput(s.defaults.lowCreditMicros));
    setLowBy(
      Object.fromEntries(
        Object.entries(s.currencyDefaults ?? {}).map(([code, rules]) => [
          code,
          rules.lowCreditMicros === undefined ? '' : microsToInput(rules.lowCreditMicros),
        ]),
      ),
    );
    setWebhook(s.webhookUrl ?? '');
    setIsNotifyAll(s.notify === 'all');
  };
  useEffect(() => {
    api.invoke('alerts:getSettings', {}).then(show, () => {});
  }, [api]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!saved) return;
    if ((quietStart === '') !== (quietEnd === '')) {
      setMessage({ isError: true, text: 'Give quiet hours both a start and an end, or leave both empty.' });
      return;
    }
    const lowParsed =
      lowCredit.trim() === ''
        ? undefined
        : parseMoneyInput(lowCredit, { label: 'Low credit', allowZero: true });
    const low = lowParsed?.ok ? lowParsed.value : undefined;
    if (lowParsed !== undefined && !lowParsed.ok) {
      setMessage({ isError: true, text: 'The low-credit line must be an amount in dollars, such as 10.' });
      return;
    }
    const currencyDefaults = { ...(saved.currencyDefaults ?? {}) };
    for (const code of currencies) {
      const text = (lowBy[code] ?? '').trim();
      const parsed =
        text === '' ? undefined : parseMoneyInput(text, { label: code, currency: code, allowZero: true });
      const amount = parsed?.ok ? parsed.value : undefined;
      if (parsed !== undefined && !parsed.ok) {
        setMessage({
          isError: true,
          text: `The ${code} low-credit line must be an amount in ${code}, such as 10.`,
        });
        return;
      }
      const { lowCreditMicros: _old, ...rest } = currencyDefaults[code] ?? {};
      currencyDefaults[code] = amount === undefined ? rest : { ...rest, lowCreditMicros: amount };
    }
    const { lowCreditMicros: _unused, ...otherDefaults } = saved.defaults;
    try {
      const next = await api.invoke('alerts:updateSettings', {
        quietHours: quietStart ? { start: quietStart, end: quietEnd } : null,
        defaults: low === undefined ? otherDefaults : { ...otherDefaults, lowCreditMicros: low },
        currencyDefaults,
        webhookUrl: webhook.trim() === '' ? null : webhook.trim(),
        notify: isNotifyAll ? 'all' : 'action-needed',
      });
      show(next);
      setMessage({ isError: false, text: 'Saved.' });
    } catch (err) {
      setMessage({ isError: true, text: errorText(err) });
    }
  }

  return (
    <details className="card" data-testid="alert-settings">
      <summary>Alert settings</summary>
      {/* Fields appear once the stored settings are in, so a late load never overwrites what was typed. */}
      {!saved ? (
        <p className="muted" aria-busy="true">
          Loading alert settings…
        </p>
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <p className="help">
            Quiet hours use your display time zone; an end before the start runs across midnight (22:00 to
            07:00). Alerts that start in quiet hours are notified when they end.
          </p>
          {notifier?.permission() === 'denied' && (
            <p className="help" data-testid="notify-blocked">
              Desktop notifications are blocked in this browser&apos;s site settings; alerts show in the page.
            </p>
          )}
          <div className="field checkbox">
            <input
              id={`${id}-notify-all`}
              type="checkbox"
              checked={isNotifyAll}
              onChange={(e) => setIsNotifyAll(e.target.checked)}
            />
            <label htmlFor={`${id}-notify-all`}>
              Also notify me of information (reloads and card charges expected, credit expiring, unusual
              spend). Otherwise only alerts that need action pop up; every alert shows in the page.
            </label>
          </div>
          <div className="field">
            <label htmlFor={`${id}-qs`}>Quiet hours from</label>
            <input
              id={`${id}-qs`}
              type="time"
              value={quietStart}
              onChange={(e) => setQuietStart(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-qe`}>until</label>
            <input
              id={`${id}-qe`}
              type="time"
              value={quietEnd}
              onChange={(e) => setQuietEnd(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-low`}>
              Warn when credit falls below (USD, every US-dollar account; default {BUILT_IN_LOW})
            </label>
            <input
              id={`${id}-low`}
              inputMode="decimal"
              value={lowCredit}
              onChange={(e) => setLowCredit(e.target.value)}
            />
          </div>
          {currencies.map((code) => (
            <div className="field" key={code}>
              <label htmlFor={`${id}-low-${code}`}>
                Warn when credit falls below ({code}, every {code} account; default {BUILT_IN_LOW}, never
                converted)
              </label>
              <input
                id={`${id}-low-${code}`}
                inputMode="decimal"
                data-testid={`low-credit-${code}`}
                value={lowBy[code] ?? ''}
                onChange={(e) => setLowBy((m) => ({ ...m, [code]: e.target.value }))}
              />
            </div>
          ))}
          <div className="field">
            <label htmlFor={`${id}-hook`}>Webhook (Slack-compatible, https; optional)</label>
            <input
              id={`${id}-hook`}
              type="url"
              value={webhook}
              onChange={(e) => setWebhook(e.target.value)}
            />
          </div>
          {message && (
            <p
              className={message.isError ? 'form-error' : 'form-notice'}
              role={message.isError ? 'alert' : 'status'}
            >
              {message.text}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button">
              Save alert settings
            </button>
          </div>
        </form>
      )}
    </details>
  );
}
