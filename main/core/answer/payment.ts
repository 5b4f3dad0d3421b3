/**
 * How an account pays, as the user said it. A ledger nobody has touched (no entry, billing left at its
 * defaults) on an account whose balance the provider does not report is "not set": the default is
 * never presented as the answer.
 *
 * Example: an OpenAI account, prepaid with "below $10, back to $50" → `{ kind: 'prepaid-auto-reload', text:
 * "prepaid credit with auto recharge (below $10.00, back to $50.00)" }`.
 */
import type { BillingConfig } from '../billing';
import type { MoneyView } from '../money-view';
import { autoReloadWord, PROVIDERS, type ProviderId } from '../provider-info';
import { moneyWords } from '../words/money-words';
import type { PaymentKind } from './account-answer';

/**
 * Nothing recorded and the billing at its defaults. A hard limit is left out: the host fills it from the
 * API's spend limit (services/money.ts), and a limit does not say how the account pays.
 */
function isUntouched(money: MoneyView): boolean {
  const b = money.ledger.billing;
  return money.ledger.entries.length === 0 && b.mode === 'prepaid' && b.reload === null;
}

function reloadWords(billing: BillingConfig, currency: string): string {
  const r = billing.reload;
  if (!r) return '';
  const action =
    r.action.kind === 'restore-to'
      ? `back to ${moneyWords(r.action.targetMicros, currency)}`
      : `adds ${moneyWords(r.action.amountMicros, currency)}`;
  return ` (below ${moneyWords(r.thresholdMicros, currency)}, ${action})`;
}

/** The payment kind and its words. */
export function paymentOf(money: MoneyView, provider: ProviderId): { kind: PaymentKind; text: string } {
  const b = money.ledger.billing;
  const isBalanceProvider = PROVIDERS[provider].source === 'balance';
  // The provider's own word: "auto recharge" on OpenAI, "auto-reload" on Anthropic, "auto top-up" on OpenRouter.
  const reload = autoReloadWord(provider);
  if (b.mode === 'prepaid' && b.reload?.enabled)
    return {
      kind: 'prepaid-auto-reload',
      text: `prepaid credit with ${reload}${reloadWords(b, money.currency)}`,
    };
  if (isBalanceProvider && b.mode === 'prepaid')
    return { kind: 'provider-balance', text: `prepaid balance read from ${PROVIDERS[provider].name}` };
  if (isUntouched(money)) return { kind: 'not-set', text: 'not set — say how this account pays' };
  if (b.mode === 'prepaid') return { kind: 'prepaid', text: `prepaid credit, no ${reload}` };
  if (b.mode === 'invoiced') return { kind: 'invoiced', text: 'invoiced after each month' };
  const hasCredit = (money.cardSplit?.creditLeftMicros ?? 0) > 0 || (money.lots ?? []).length > 0;
  return hasCredit
    ? { kind: 'monthly-with-credit', text: 'card charged after each month for usage credit does not cover' }
    : { kind: 'monthly', text: 'card charged after each month' };
}
