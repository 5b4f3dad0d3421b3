/**
 * What-if: change the balance, threshold or reload target and see the headline recomputed live. Never saved.
 */
import { useEffect, useId, useState } from 'react';
import type { WhatIfPreview } from '../../view-models/what-if-preview';
import type { BillingConfig } from '@core/billing';
import { useWhatIf } from '../../hooks/use-what-if';
import { buildWhatIfChange, whatIfDefaults, type WhatIfFields } from '../../view-models/money-what-if';
import type { AccountAnswer } from '@core/answer/account-answer';

export interface WhatIfPanelProps {
  orgId: string;
  billing: BillingConfig;
  balanceMicros: number | null;
  /** The account's currency: typed and shown amounts are in it. */
  currency: string;
  /** Told the what-if's result (null when none is active), so the page's headline and chart can follow it. */
  onPreview?: (preview: WhatIfPreview | null) => void;
  /** The what-if's answer once computed (the page's headline and chart show it too), else null. */
  answer?: AccountAnswer | null;
}

/** The what-if inputs and the recomputed headline. */
export function WhatIfPanel({
  orgId,
  billing,
  balanceMicros,
  currency,
  onPreview,
  answer = null,
}: WhatIfPanelProps) {
  const id = useId();
  const defaults = whatIfDefaults(billing, balanceMicros);
  // Only what the user typed is kept: untouched fields follow the saved figures as they refresh.
  const [edits, setEdits] = useState<Partial<WhatIfFields>>({});
  const fields: WhatIfFields = { ...defaults, ...edits };
  const built = buildWhatIfChange(fields, defaults, billing, currency);
  const change = built.ok ? built.change : null;
  const changeKey = JSON.stringify(change);
  // The page's headline follows a what-if only with the forecast computed for that very change, told as its
  // reply arrives (the page redraws with it at once); while a new one is computed the previous pair stays.
  const whatIf = useWhatIf(orgId, change, changeKey, (forecast, asked) =>
    onPreview?.({ forecast, balanceMicros: asked.balanceMicros, billing: asked.billing }),
  );
  const isComplete = change !== null && whatIf.forKey === changeKey && whatIf.forecast !== null;
  const isCleared = change === null;
  useEffect(() => {
    if (isCleared) onPreview?.(null);
  }, [isCleared, onPreview]);
  useEffect(() => () => onPreview?.(null), [onPreview]);
  const set = (patch: Partial<WhatIfFields>) => setEdits((e) => ({ ...e, ...patch }));
  // The what-if's own answer, quoted as the headline quotes it (shown only once it is this change's).
  const shown = change && isComplete ? answer : null;
  const dateFigure = shown
    ? shown.figures[shown.payment.kind === 'prepaid-auto-reload' ? 'next-reload' : 'runs-out']
    : null;

  return (
    <section className="card what-if" aria-labelledby={`${id}-title`} data-testid="whatif-panel">
      <div className="card-head">
        <h2 id={`${id}-title`}>What if…</h2>
        <span className="badge warn">what-if, not saved</span>
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-balance`}>Balance now ({currency})</label>
          <input
            id={`${id}-balance`}
            inputMode="decimal"
            value={fields.balance}
            data-testid="whatif-balance"
            onChange={(e) => set({ balance: e.currentTarget.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-threshold`}>Reload threshold ({currency})</label>
          <input
            id={`${id}-threshold`}
            inputMode="decimal"
            value={fields.threshold}
            data-testid="whatif-threshold"
            onChange={(e) => set({ threshold: e.currentTarget.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-target`}>
            {billing.reload?.action.kind === 'add-fixed'
              ? `Reload amount (${currency})`
              : `Restore to (${currency})`}
          </label>
          <input
            id={`${id}-target`}
            inputMode="decimal"
            value={fields.target}
            data-testid="whatif-target"
            onChange={(e) => set({ target: e.currentTarget.value })}
          />
        </div>
      </div>
      <div className="actions">
        <button type="button" className="button" onClick={() => setEdits({})} data-testid="whatif-reset">
          Back to the saved settings
        </button>
      </div>
      {!built.ok && (
        <p className="form-error" role="alert" data-testid="whatif-error">
          {built.error}
        </p>
      )}
      {built.ok && change === null && (
        <p className="muted">Change a figure above to see how the forecast would move.</p>
      )}
      {whatIf.error && (
        <p className="form-error" role="alert" data-testid="whatif-error">
          {whatIf.error}
        </p>
      )}
      {change && (
        <div className="what-if-result" data-testid="whatif-result" aria-busy={whatIf.isPending}>
          <p className="what-if-label">
            <strong>What-if, not saved.</strong>{' '}
            {whatIf.isPending ? <span className="muted">Recomputing…</span> : null}
          </p>
          {shown && dateFigure ? (
            <ul className="what-if-figures">
              <li data-testid="whatif-crossing">
                {dateFigure.name === 'next-reload' ? 'Next auto-reload' : 'Runs out'}:{' '}
                <strong data-testid="whatif-date">{dateFigure.text}</strong>
              </li>
              <li>
                Card charges by month end:{' '}
                <strong data-testid="whatif-card">{shown.figures['card-by-month-end'].text}</strong>
              </li>
              <li className="muted">The headline figures and the chart above show this what-if too.</li>
            </ul>
          ) : (
            whatIf.forecastNote && <p className="muted">{whatIf.forecastNote}</p>
          )}
        </div>
      )}
    </section>
  );
}
