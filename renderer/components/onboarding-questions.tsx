/**
 * Three questions after adding an organization, so the first screen can answer "how much credit is left and
 * when is my card charged": how it pays, the auto-reload rule as the billing page shows it, and the balance
 * shown there now. Nothing is saved until every answer is right.
 */
import { useId, useState, type FormEvent } from 'react';
import { accountCurrency, PROVIDERS } from '@core/provider-info';
import type { BillingConfig } from '@core/billing';
import type { Micros } from '@core/money';
import type { OrgSummary } from '@core/schemas';
import { useApi } from '../api/api-context';
import { useFormSubmit } from '../hooks/use-form-submit';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';
import {
  ONBOARDING_DEFAULTS,
  parseOnboarding,
  type OnboardingErrors,
  onboardingWords,
  type OnboardingFields,
} from '../view-models/onboarding';

/** The questions for `org`; `onDone` closes them (after saving, or when skipped). */
export function OnboardingQuestions({
  org,
  nowMs,
  onDone,
}: {
  org: OrgSummary;
  nowMs: number;
  onDone: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [f, setF] = useState<OnboardingFields>(ONBOARDING_DEFAULTS);
  const [errors, setErrors] = useState<OnboardingErrors>({});
  const words = onboardingWords(org.provider, org.name, accountCurrency(org));
  const { currency } = words;
  // The provider's own words for the parts of its billing page ("Credit balance", "Auto recharge").
  const pw = PROVIDERS[org.provider].words;
  // A provider that reports the balance is prepaid by nature: its one question is the top-up rule.
  const isPrepaid = f.mode === 'prepaid' || !words.asksMode;
  const save = useFormSubmit(async (answers: { billing: BillingConfig; balanceMicros: Micros | null }) => {
    await api.invoke('ledger:updateBilling', { orgId: org.id, billing: answers.billing });
    if (answers.balanceMicros !== null) {
      await api.invoke('ledger:addEntry', {
        orgId: org.id,
        entry: {
          id: crypto.randomUUID(),
          kind: 'observation',
          atMs: nowMs,
          balanceMicros: answers.balanceMicros,
          note: 'Billing page, when the account was added',
        },
      });
    }
    onDone();
  });
  const set = (patch: Partial<OnboardingFields>) => {
    setF((x) => ({ ...x, ...patch }));
    save.clear();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseOnboarding(f, {
      currency,
      asksBalance: words.asksBalance,
      asksMode: words.asksMode,
    });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    save.submit({ billing: parsed.billing, balanceMicros: parsed.balanceMicros });
  }

  const field = (key: 'below' | 'upTo' | 'balance', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        inputMode="decimal"
        value={f[key]}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${id}-${key}-error` : undefined}
        onChange={(e) => set({ [key]: e.currentTarget.value })}
        data-testid={`onboarding-${key}`}
      />
      {errors[key] && (
        <p className="field-error" id={`${id}-${key}-error`}>
          {errors[key]}
        </p>
      )}
    </div>
  );

  return (
    <section className="card onboarding" aria-labelledby={`${id}-title`} data-testid="onboarding">
      <h2 id={`${id}-title`}>{words.title}</h2>
      <p className="muted">
        {words.intro}
        {words.billingUrl && (
          <>
            {' '}
            <a href={words.billingUrl} target="_blank" rel="noreferrer">
              Open the billing page
            </a>
          </>
        )}
      </p>
      <form className="stack" onSubmit={submit} noValidate {...save.formProps}>
        {words.asksMode && (
          <fieldset className="rule">
            <legend>1. How does {org.name} pay?</legend>
            {(
              [
                ['prepaid', 'Prepaid credit: I buy credit in advance and usage is taken from it'],
                ['monthly', 'Monthly: usage is charged to my card after each month'],
                ['invoiced', 'Invoiced after each month'],
              ] as const
            ).map(([mode, label]) => (
              <label key={mode} className="radio">
                <input
                  type="radio"
                  name={`${id}-mode`}
                  checked={f.mode === mode}
                  onChange={() => set({ mode })}
                />{' '}
                {label}
              </label>
            ))}
            {errors.mode && (
              <p className="field-error" role="alert" data-testid="onboarding-mode-error">
                {errors.mode}
              </p>
            )}
          </fieldset>
        )}
        {isPrepaid && (
          <fieldset className="rule">
            <legend>
              {words.asksMode ? '2. ' : ''}
              {pw.autoReload ?? 'Auto-reload'}, as your billing page shows it
            </legend>
            <label className="radio">
              <input
                type="checkbox"
                checked={f.reloadOn}
                onChange={(e) => set({ reloadOn: e.currentTarget.checked })}
              />{' '}
              {pw.autoReload ?? 'Auto-reload'} is on
            </label>
            {f.reloadOn && (
              <div className="form-grid">
                {field('below', `When the ${pw.balance.toLowerCase()} goes below (${currency})`)}
                {field('upTo', `Bring it back up to (${currency})`)}
              </div>
            )}
          </fieldset>
        )}
        {isPrepaid && words.asksBalance && (
          <fieldset className="rule">
            <legend>3. The {pw.balance.toLowerCase()} your billing page shows now</legend>
            <div className="form-grid">{field('balance', `${pw.balance} (${currency})`)}</div>
          </fieldset>
        )}
        <FormMessage save={{ error: save.error, notice: null }} />
        <SubmitButton label="Save and show the figures" isPending={save.isPending} testId="onboarding-save">
          <button type="button" className="button" onClick={onDone}>
            Later
          </button>
        </SubmitButton>
      </form>
    </section>
  );
}
