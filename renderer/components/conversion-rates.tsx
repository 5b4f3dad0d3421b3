/**
 * The user's conversion rates: add, change or remove the rate that shows another currency's totals in US
 * dollars as well (never used to store or add up money). The server's message is shown at its field.
 */
import { displayZone, systemTimeZone } from '@core/time-zone';
import { useId, useState, type FormEvent } from 'react';
import type { ConversionRate, Settings } from '@core/schemas';
import type { RequestArgs } from '@core/api-contract';
import { useFormSubmit } from '../hooks/use-form-submit';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';
import { useNow } from '../hooks/use-now';
import { rateWords } from '@core/answer/currency-totals';
import { rateProblem, ratesWith, ratesWithout } from '../view-models/conversion-rates';
import type { DisplayZone } from '../view-models/format';

export interface ConversionRatesProps {
  rates: readonly ConversionRate[];
  onSave: (patch: RequestArgs<'settings:update'>) => Promise<Settings>;
  zone: DisplayZone;
}

/** A change to the list: the whole new list, what to say once saved, and whether the typed rate was added. */
interface RatesChange {
  list: Array<{ currency: string; usdPerUnit: number }>;
  done: string;
  isAdding: boolean;
}

/** The rates list and the add/change form. */
export function ConversionRates({ rates, onSave, zone }: ConversionRatesProps) {
  const id = useId();
  const nowMs = useNow();
  const timeZone = displayZone(zone.timeZone, systemTimeZone());
  const [currency, setCurrency] = useState('');
  const [rate, setRate] = useState('');
  const save = useFormSubmit(async ({ list, done, isAdding }: RatesChange) => {
    await onSave({ conversionRates: list });
    if (isAdding) {
      setCurrency('');
      setRate('');
    }
    return done;
  }, rateProblem);
  const problem = save.error === null ? null : { field: save.errorField, message: save.error };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = currency.trim().toUpperCase();
    save.submit({
      list: ratesWith(rates, { currency, usdPerUnit: rate }),
      done: `Rate for ${code} saved.`,
      isAdding: true,
    });
  }

  const errorFor = (field: 'currency' | 'rate') =>
    problem?.field === field ? (
      <p id={`${id}-${field}-error`} className="field-error" role="alert" data-testid={`rate-error-${field}`}>
        {problem.message}
      </p>
    ) : null;

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`} data-testid="conversion-rates">
      <h3 id={`${id}-title`}>Conversion rates</h3>
      <p className="help">
        Accounts billed in another currency keep their own figures. With a rate, the overview also shows their
        totals in US dollars, marked “≈” and with the rate you set.
      </p>
      {rates.length > 0 ? (
        <ul className="rate-list">
          {rates.map((r) => (
            <li key={r.currency} data-testid="rate-row">
              <span>{rateWords(r, nowMs, timeZone).replace(/^your rate /, '')}</span>{' '}
              <button
                type="button"
                className="button"
                disabled={save.isPending}
                onClick={() =>
                  save.submit({
                    list: ratesWithout(rates, r.currency),
                    done: `Rate for ${r.currency} removed.`,
                    isAdding: false,
                  })
                }
              >
                Remove {r.currency}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          No rates set: totals in other currencies are shown only in their own currency.
        </p>
      )}
      <form className="form-grid" onSubmit={submit} noValidate {...save.formProps}>
        <div className="field">
          <label htmlFor={`${id}-currency`}>Currency code</label>
          <input
            id={`${id}-currency`}
            value={currency}
            onChange={(e) => {
              setCurrency(e.currentTarget.value);
              save.clear();
            }}
            placeholder="CNY"
            maxLength={3}
            spellCheck={false}
            aria-invalid={problem?.field === 'currency'}
            aria-describedby={problem?.field === 'currency' ? `${id}-currency-error` : undefined}
          />
          {errorFor('currency')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-rate`}>1 unit is worth (US dollars)</label>
          <input
            id={`${id}-rate`}
            inputMode="decimal"
            value={rate}
            onChange={(e) => {
              setRate(e.currentTarget.value);
              save.clear();
            }}
            placeholder="0.14"
            aria-invalid={problem?.field === 'rate'}
            aria-describedby={problem?.field === 'rate' ? `${id}-rate-error` : undefined}
          />
          {errorFor('rate')}
        </div>
        <SubmitButton label="Save rate" isPending={save.isPending} isPrimary={false} />
      </form>
      {/* Problems are shown at their field; what was saved or removed, below the form. */}
      <FormMessage save={{ error: null, notice: save.notice }} />
    </section>
  );
}
