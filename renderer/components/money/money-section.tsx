/**
 * "Balance & forecast" for the selected org: record the balance, the estimate, the forecast's answers, the
 * drift of the last recorded balance, what-if, billing settings and the ledger.
 */
import { useState } from 'react';
import type { AccountAnswer } from '@core/answer/account-answer';
import type { Reconciliation } from '@core/ledger-reconcile';
import { PROVIDERS, type ProviderId } from '@core/provider-info';
import { apiBalanceWords, BILLING_PAGES } from '../../view-models/figure-source';
import type { MoneyState } from '../../hooks/use-money';
import type { DisplayZone } from '../../view-models/format';
import { driftWeight } from '@core/drift-weight';
import { buildBalanceView, describeDrift } from '../../view-models/money-balance';
import { buildCardSplitView } from '../../view-models/money-card-split';
import type { EntryDraft } from '../../view-models/money-entry-form';
import { buildLedgerRows } from '../../view-models/money-ledger';
import { BalanceCard } from './balance-card';
import { BillingForm } from './billing-form';
import { CardSplitCard } from './card-split-card';
import { DiscardReadings } from './discard-readings';
import { DriftNotice } from './drift-notice';
import { EntryForm } from './entry-form';
import { ForecastHeadline } from './forecast-headline';
import { LedgerBackups } from './ledger-backups';
import { LedgerList } from './ledger-list';
import { WhatIfPanel } from './what-if-panel';
import type { WhatIfPreview } from '../../view-models/what-if-preview';

const driftKey = (r: Reconciliation) => `${r.estimate.asOfMs}:${r.observedMicros}`;

export const BILLING_PAGE_URL = BILLING_PAGES.openai!;
const OTHER_KINDS = ['purchase', 'grant', 'reload', 'card-charge'] as const;

/** The section; `state` is the org's `useMoney`, `nowMs` drives relative times, `zone` the display zone. */
export function MoneySection({
  orgId,
  provider,
  state,
  nowMs,
  zone,
  onWhatIf,
  answer,
  isWhatIf = false,
}: {
  orgId: string;
  provider: ProviderId;
  state: MoneyState;
  nowMs: number;
  zone: DisplayZone;
  onWhatIf?: (preview: WhatIfPreview | null) => void;
  /** The page's answer (a what-if's while one is shown): the forecast panel quotes it. */
  answer: AccountAnswer | null;
  isWhatIf?: boolean;
}) {
  const { money, error, reload, addEntry, removeEntry, updateBilling } = state;
  // The reconciliation of a balance recorded in this session: shown even when it is the first one.
  const [recorded, setRecorded] = useState<{ rec: Reconciliation | null } | null>(null);
  // Drifts the user acknowledged in this session, by the observation they are about.
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());

  if (!money) {
    return error ? (
      <section className="card" role="alert" data-testid="money-error">
        <p>Balance and forecast could not load: {error}</p>
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </section>
    ) : (
      <p className="loading">Loading the balance and forecast…</p>
    );
  }

  const billing = money.ledger.billing;
  const currency = money.currency;
  // OpenRouter, DeepSeek: the API reports the balance, so there is nothing to copy from a billing page.
  const isFromApi = PROVIDERS[provider].source === 'balance';
  const isPrepaid = billing.mode === 'prepaid';
  const balance = money.balance
    ? buildBalanceView(
        money.balance,
        nowMs,
        zone,
        billing.mode,
        currency,
        money.apiBalance ? { provider, atMs: money.apiBalance.atMs } : null,
      )
    : null;
  const isInvoiced = billing.mode === 'invoiced';
  const split = money.cardSplit
    ? buildCardSplitView(money.cardSplit, { isInvoiced, zone, currency, nowMs })
    : null;
  // With an API balance the newest reading is the API's own, not something to reconcile by hand.
  const reconciled = recorded?.rec ?? (isFromApi ? null : money.lastReconciliation);
  // A recorded balance is judged only once the costs since the estimate it is compared with have synced
  // (after a restore, or before the first sync, the estimate would be missing them and the gap is not real).
  const isAwaitingCosts = (reconciled?.estimate.missingDays.length ?? 0) > 0;
  const drift = isAwaitingCosts ? null : reconciled;
  const recordBalance = async (draft: EntryDraft) => setRecorded({ rec: await addEntry(draft) });
  const timeZone = zone.timeZone;

  // The same form records the first balance (as the call to action) and every later one.
  const recordBalanceForm = (
    <EntryForm
      kinds={['observation']}
      timeZone={timeZone}
      nowMs={nowMs}
      submitLabel="Record balance"
      onSubmit={recordBalance}
      testId="record-balance-form"
      currency={currency}
    />
  );
  return (
    <section className="money stack" aria-labelledby="money-title" data-testid="money-section">
      <h2 id="money-title" className="section-title">
        Balance &amp; forecast
      </h2>
      {error && (
        <p className="banner" role="alert">
          Could not refresh: {error}
        </p>
      )}
      {isFromApi && (
        <section className="card" data-testid="api-balance-note">
          <h3>The balance comes from the {PROVIDERS[provider].name} API</h3>
          <p className="muted">
            {money.apiBalance
              ? `Balance ${apiBalanceWords(provider, money.apiBalance.atMs, nowMs, zone)}. `
              : `No reading from the ${PROVIDERS[provider].name} API yet. `}
            Creditwatch reads it at every sync, and spend is read from how it falls, so there is nothing to
            copy from a billing page. Purchases and grants you record below are your own notes.
          </p>
          <DiscardReadings orgId={orgId} timeZone={zone.timeZone} currency={currency} onDone={reload} />
        </section>
      )}
      {isPrepaid && !isFromApi && !money.balance && (
        <section className="card cta" data-testid="record-balance-cta">
          <h3>Record the balance shown on your {PROVIDERS[provider].name} billing page</h3>
          <p className="muted">
            {PROVIDERS[provider].name} does not publish the credit balance through its API. Copy it from the{' '}
            <a href={BILLING_PAGES[provider] ?? BILLING_PAGE_URL} target="_blank" rel="noreferrer">
              billing overview
            </a>{' '}
            and Creditwatch keeps it up to date from your costs.
          </p>
          {recordBalanceForm}
        </section>
      )}
      {drift ? (
        <DriftNotice
          view={describeDrift(drift, currency, driftWeight(drift, money.forecast?.model.levelPerDay ?? null))}
          title={recorded ? 'Balance recorded' : 'Last recorded balance'}
          weight={driftWeight(drift, money.forecast?.model.levelPerDay ?? null)}
          isAcknowledged={acknowledged.has(driftKey(drift))}
          onAcknowledge={() => setAcknowledged((a) => new Set(a).add(driftKey(drift)))}
        />
      ) : isAwaitingCosts ? (
        <p className="muted" role="status" data-testid="drift-waiting">
          {recorded ? 'Balance recorded' : 'Your last recorded balance'}: it is checked against the estimate
          once your costs since then have synced.
        </p>
      ) : (
        recorded && (
          <p className="form-notice" role="status" data-testid="first-balance-notice">
            Balance recorded. The estimate starts from it; the next balance you record is checked against it.
          </p>
        )
      )}
      <div className="figures money-figures">
        {split && <CardSplitCard view={split} isInvoiced={isInvoiced} />}
        {balance && (
          <BalanceCard
            view={balance}
            total={answer?.figures['credit-left'].isKnown ? answer.figures['credit-left'].text : null}
          />
        )}
        <section className="card forecast-card" aria-labelledby="forecast-title" data-testid="forecast-card">
          <h3 id="forecast-title">Forecast</h3>
          {isWhatIf && <p className="badge warn">what-if, not saved</p>}
          {answer ? <ForecastHeadline answer={answer} /> : null}
          {money.forecastNote && (
            <p className="muted" data-testid="forecast-note">
              {money.forecastNote}
            </p>
          )}
        </section>
      </div>
      {money.balance && isPrepaid && !isFromApi && (
        <details className="card">
          <summary>Record a new balance from the billing page</summary>
          {recordBalanceForm}
        </details>
      )}
      {money.forecast && isPrepaid && (
        <WhatIfPanel
          onPreview={onWhatIf}
          answer={isWhatIf ? answer : null}
          orgId={orgId}
          billing={billing}
          balanceMicros={money.balance?.estimateMicros ?? null}
          currency={currency}
        />
      )}
      <div className="money-columns">
        <details className="card" data-testid="billing-settings">
          <summary>
            <h3 id="billing-title" className="inline-heading">
              Billing settings
            </h3>
          </summary>
          <BillingForm billing={billing} onSave={updateBilling} currency={currency} provider={provider} />
        </details>
        <section className="card" aria-labelledby="ledger-title">
          <h3 id="ledger-title">Ledger</h3>
          <LedgerList
            rows={buildLedgerRows(money.ledger.entries, zone, currency, nowMs)}
            onRemove={removeEntry}
          />
          <details>
            <summary>Add a purchase, grant, reload or card charge</summary>
            <EntryForm
              kinds={OTHER_KINDS}
              timeZone={timeZone}
              nowMs={nowMs}
              submitLabel="Add to ledger"
              onSubmit={async (draft) => void (await addEntry(draft))}
              testId="add-entry-form"
              currency={currency}
            />
          </details>
          <LedgerBackups orgId={orgId} zone={zone} nowMs={nowMs} />
        </section>
      </div>
    </section>
  );
}
