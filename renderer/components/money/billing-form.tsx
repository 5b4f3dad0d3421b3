/**
 * Billing settings: mode, the auto-reload rule (threshold; restore-to target or fixed amount; optional
 * monthly limit), the hard limit and the billing time zone. Field messages from the UI, others from the server.
 */
import { useId, useState, type FormEvent } from 'react';
import type { BillingConfig } from '@core/billing';
import { PROVIDERS, type ProviderId } from '@core/provider-info';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { FormMessage } from '../form-message';
import { SubmitButton } from '../submit-button';
import {
  billingToFields,
  parseBillingForm,
  type BillingFieldErrors,
  type BillingFormFields,
} from '../../view-models/money-billing-form';

export interface BillingFormProps {
  billing: BillingConfig;
  onSave: (billing: BillingConfig) => Promise<void>;
  /** The account's currency: amounts are typed in it. */
  currency: string;
  /** Whose billing page the form mirrors: its own words name the balance and the automatic top-up. */
  provider: ProviderId;
}

/** The billing settings form. */
export function BillingForm({ billing, onSave, currency, provider }: BillingFormProps) {
  const id = useId();
  const [fields, setFields] = useState<BillingFormFields>(() => billingToFields(billing));
  const [errors, setErrors] = useState<BillingFieldErrors>({});
  const save = useFormSubmit(async (next: BillingConfig) => {
    await onSave(next);
    return 'Saved.';
  });
  const words = PROVIDERS[provider].words;
  // When the saved billing changes (a save here, an edit elsewhere), the fields follow it: adjusted while
  // rendering, so no frame shows the old figures.
  const stored = JSON.stringify(billing);
  const [shownStored, setShownStored] = useState(stored);
  if (stored !== shownStored) {
    setShownStored(stored);
    setFields(billingToFields(billing));
  }
  const set = (patch: Partial<BillingFormFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    save.clear();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.clear();
    const parsed = parseBillingForm(fields, currency);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    save.submit(parsed.billing);
  }

  const fieldError = (name: keyof BillingFormFields) =>
    errors[name] ? (
      <p className="field-error" id={`${id}-${name}-error`} data-testid={`billing-error-${name}`}>
        {errors[name]}
      </p>
    ) : null;
  const describedBy = (name: keyof BillingFormFields) => (errors[name] ? `${id}-${name}-error` : undefined);
  const isPrepaid = fields.mode === 'prepaid';
  const ruleOn = isPrepaid && fields.reloadEnabled;

  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="billing-form" {...save.formProps}>
      <div className="field">
        <label htmlFor={`${id}-mode`}>Billing</label>
        <select
          id={`${id}-mode`}
          value={fields.mode}
          onChange={(e) => set({ mode: e.currentTarget.value as BillingFormFields['mode'] })}
        >
          <option value="prepaid">Prepaid credits (usage draws the balance down)</option>
          <option value="monthly">Monthly: card charged after each month</option>
          <option value="invoiced">Invoiced after each month</option>
        </select>
      </div>
      {isPrepaid && (
        <fieldset className="rule">
          <legend>
            <label>
              <input
                type="checkbox"
                checked={fields.reloadEnabled}
                onChange={(e) => set({ reloadEnabled: e.currentTarget.checked })}
              />{' '}
              {words.autoReload ?? 'Auto-reload'}: charge my card when the {words.balance.toLowerCase()} runs
              low
            </label>
          </legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-threshold`}>When the balance falls below ({currency})</label>
              <input
                id={`${id}-threshold`}
                inputMode="decimal"
                value={fields.threshold}
                disabled={!ruleOn}
                aria-invalid={!!errors.threshold}
                aria-describedby={describedBy('threshold')}
                onChange={(e) => set({ threshold: e.currentTarget.value })}
              />
              {fieldError('threshold')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-action`}>Then</label>
              <select
                id={`${id}-action`}
                value={fields.actionKind}
                disabled={!ruleOn}
                onChange={(e) =>
                  set({ actionKind: e.currentTarget.value as BillingFormFields['actionKind'] })
                }
              >
                <option value="restore-to">restore the balance to</option>
                <option value="add-fixed">add a fixed amount of</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-amount`}>
                {fields.actionKind === 'restore-to'
                  ? `Target balance (${currency})`
                  : `Reload amount (${currency})`}
              </label>
              <input
                id={`${id}-amount`}
                inputMode="decimal"
                value={fields.actionAmount}
                disabled={!ruleOn}
                aria-invalid={!!errors.actionAmount}
                aria-describedby={describedBy('actionAmount')}
                onChange={(e) => set({ actionAmount: e.currentTarget.value })}
              />
              {fieldError('actionAmount')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-limit-kind`}>Monthly reload limit</label>
              <select
                id={`${id}-limit-kind`}
                value={fields.limitKind}
                disabled={!ruleOn}
                onChange={(e) => set({ limitKind: e.currentTarget.value as BillingFormFields['limitKind'] })}
              >
                <option value="none">No limit</option>
                <option value="usd">At most this much {currency} a month</option>
                <option value="count">At most this many reloads a month</option>
              </select>
            </div>
            {fields.limitKind !== 'none' && (
              <div className="field">
                <label htmlFor={`${id}-limit`}>
                  {fields.limitKind === 'usd' ? `Limit (${currency})` : 'Reloads'}
                </label>
                <input
                  id={`${id}-limit`}
                  inputMode="decimal"
                  value={fields.limitValue}
                  disabled={!ruleOn}
                  aria-invalid={!!errors.limitValue}
                  aria-describedby={describedBy('limitValue')}
                  onChange={(e) => set({ limitValue: e.currentTarget.value })}
                />
                {fieldError('limitValue')}
              </div>
            )}
          </div>
        </fieldset>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-hard`}>Hard monthly spend limit ({currency}, blank = none)</label>
          <input
            id={`${id}-hard`}
            inputMode="decimal"
            value={fields.hardLimit}
            aria-invalid={!!errors.hardLimit}
            aria-describedby={describedBy('hardLimit')}
            onChange={(e) => set({ hardLimit: e.currentTarget.value })}
          />
          {fieldError('hardLimit')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`}>Billing months in time zone</label>
          <input
            id={`${id}-zone`}
            value={fields.timeZone}
            spellCheck={false}
            onChange={(e) => set({ timeZone: e.currentTarget.value })}
          />
          <p className="help">OpenAI and Anthropic bill calendar months in UTC.</p>
        </div>
      </div>
      <FormMessage save={save} errorTestId="billing-server-error" noticeTestId="billing-saved" />
      <SubmitButton label="Save billing settings" isPending={save.isPending} />
    </form>
  );
}
