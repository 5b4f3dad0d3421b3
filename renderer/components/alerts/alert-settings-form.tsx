/**
 * Alert settings in the page: quiet hours, the low-credit line (one for US-dollar accounts and one per
 * other currency the accounts are in — never converted), and the webhook. The server validates; its
 * message is shown as-is and nothing is saved on a refusal.
 */
import { useId, useState, type FormEvent } from 'react';
import type { RequestArgs } from '@core/api-contract';
import type { AlertSettings } from '@core/alerts/alert-settings';
import { microsToInput, parseMoneyInput } from '@core/money-input';
import { useNotifier } from '../../api/notifier-context';
import { useApi } from '../../api/api-context';
import { useServerState, useServerWrite } from '../../api/server-state';
import { FormProblem, useFormSubmit } from '../../hooks/use-form-submit';
import { FormMessage } from '../form-message';
import { SubmitButton } from '../submit-button';

/** The built-in low-credit line, in whole units of any currency (alert-settings.ts). */
const BUILT_IN_LOW = 10;

/** The alert settings disclosure: loads the stored settings, then shows the form. */
export function AlertSettingsForm({ currencies = [] }: { currencies?: readonly string[] }) {
  const { value: saved, error, reload } = useServerState('alerts:getSettings', {});
  return (
    <details className="card" data-testid="alert-settings">
      <summary>Alert settings</summary>
      {/* Fields appear once the stored settings are in, so a late load never overwrites what was typed. */}
      {saved ? (
        <AlertSettingsFields saved={saved} currencies={currencies} />
      ) : error ? (
        <p className="form-error" role="alert">
          Alert settings could not be loaded: {error}{' '}
          <button type="button" className="button small" onClick={reload}>
            Try again
          </button>
        </p>
      ) : (
        <p className="muted" aria-busy="true">
          Loading alert settings…
        </p>
      )}
    </details>
  );
}

/** The fields, starting from `saved` (the stored settings) and from each save's reply. */
function AlertSettingsFields({ saved, currencies }: { saved: AlertSettings; currencies: readonly string[] }) {
  const api = useApi();
  const notifier = useNotifier();
  const write = useServerWrite();
  const id = useId();
  const [fields, setFields] = useState(() => fieldsOf(saved));
  const { quietStart, quietEnd, lowCredit, lowBy, webhook, isNotifyAll } = fields;
  const save = useFormSubmit(async (typed: AlertFields) => {
    const next = await api.invoke('alerts:updateSettings', settingsOf(typed, saved, currencies));
    write('alerts:getSettings', {}, next);
    setFields(fieldsOf(next));
    return 'Saved.';
  });
  const set = (patch: Partial<AlertFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    save.clear();
  };
  const setQuietStart = (v: string) => set({ quietStart: v });
  const setQuietEnd = (v: string) => set({ quietEnd: v });
  const setLowCredit = (v: string) => set({ lowCredit: v });
  const setWebhook = (v: string) => set({ webhook: v });
  const setIsNotifyAll = (v: boolean) => set({ isNotifyAll: v });
  const setLowBy = (code: string, v: string) => set({ lowBy: { ...lowBy, [code]: v } });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.submit(fields);
  }

  return (
    <form className="stack" onSubmit={submit} noValidate {...save.formProps}>
      <p className="help">
        Quiet hours use your display time zone; an end before the start runs across midnight (22:00 to 07:00).
        Alerts that start in quiet hours are notified when they end.
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
          Also notify me of information (reloads and card charges expected, credit expiring, unusual spend).
          Otherwise only alerts that need action pop up; every alert shows in the page.
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
        <input id={`${id}-qe`} type="time" value={quietEnd} onChange={(e) => setQuietEnd(e.target.value)} />
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
            onChange={(e) => setLowBy(code, e.target.value)}
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-hook`}>Webhook (Slack-compatible, https; optional)</label>
        <input id={`${id}-hook`} type="url" value={webhook} onChange={(e) => setWebhook(e.target.value)} />
      </div>
      <FormMessage save={save} />
      <SubmitButton label="Save alert settings" isPending={save.isPending} isPrimary={false} />
    </form>
  );
}

/** What the form's fields hold, as typed. */
interface AlertFields {
  quietStart: string;
  quietEnd: string;
  lowCredit: string;
  lowBy: Record<string, string>;
  webhook: string;
  isNotifyAll: boolean;
}

/** The fields showing stored settings. */
function fieldsOf(s: AlertSettings): AlertFields {
  const amount = (micros: number | undefined) => (micros === undefined ? '' : microsToInput(micros));
  return {
    quietStart: s.quietHours?.start ?? '',
    quietEnd: s.quietHours?.end ?? '',
    lowCredit: amount(s.defaults.lowCreditMicros),
    lowBy: Object.fromEntries(
      Object.entries(s.currencyDefaults ?? {}).map(([code, rules]) => [code, amount(rules.lowCreditMicros)]),
    ),
    webhook: s.webhookUrl ?? '',
    isNotifyAll: s.notify === 'all',
  };
}

/** The update the typed fields ask for, over the stored settings; throws a `FormProblem` in words. */
function settingsOf(
  typed: AlertFields,
  saved: AlertSettings,
  currencies: readonly string[],
): RequestArgs<'alerts:updateSettings'> {
  const { quietStart, quietEnd, lowCredit, lowBy, webhook, isNotifyAll } = typed;
  if ((quietStart === '') !== (quietEnd === ''))
    throw new FormProblem('Give quiet hours both a start and an end, or leave both empty.');
  const lowParsed =
    lowCredit.trim() === ''
      ? undefined
      : parseMoneyInput(lowCredit, { label: 'Low credit', allowZero: true });
  if (lowParsed !== undefined && !lowParsed.ok)
    throw new FormProblem('The low-credit line must be an amount in dollars, such as 10.');
  const low = lowParsed?.ok ? lowParsed.value : undefined;
  const currencyDefaults = { ...(saved.currencyDefaults ?? {}) };
  for (const code of currencies) {
    const text = (lowBy[code] ?? '').trim();
    const parsed =
      text === '' ? undefined : parseMoneyInput(text, { label: code, currency: code, allowZero: true });
    if (parsed !== undefined && !parsed.ok)
      throw new FormProblem(`The ${code} low-credit line must be an amount in ${code}, such as 10.`);
    const amount = parsed?.ok ? parsed.value : undefined;
    const { lowCreditMicros: _old, ...rest } = currencyDefaults[code] ?? {};
    currencyDefaults[code] = amount === undefined ? rest : { ...rest, lowCreditMicros: amount };
  }
  const { lowCreditMicros: _unused, ...otherDefaults } = saved.defaults;
  return {
    quietHours: quietStart ? { start: quietStart, end: quietEnd } : null,
    defaults: low === undefined ? otherDefaults : { ...otherDefaults, lowCreditMicros: low },
    currencyDefaults,
    webhookUrl: webhook.trim() === '' ? null : webhook.trim(),
    notify: isNotifyAll ? 'all' : 'action-needed',
  };
}
