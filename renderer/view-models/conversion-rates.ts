/**
 * The conversion-rates form: the list sent to `settings:update` after adding, changing or removing one
 * rate, and which field a server message belongs at.
 */
import type { ConversionRate } from '@core/schemas';

export interface RateDraft {
  currency: string;
  /** As typed: "0.14". */
  usdPerUnit: string;
}

/**
 * The whole list to send with `draft` added, or replacing the rate of the same currency. What the user typed
 * is sent as it is (a non-number as `null`) so the server's own message says what is wrong.
 *
 * Example: stored CNY 0.14, draft `{ currency: 'eur', usdPerUnit: '1.08' }` → CNY 0.14 and EUR 1.08;
 * draft `{ currency: 'CNY', usdPerUnit: '0.15' }` → CNY 0.15 only.
 */
export function ratesWith(
  stored: readonly ConversionRate[],
  draft: RateDraft,
): Array<{ currency: string; usdPerUnit: number }> {
  const currency = draft.currency.trim().toUpperCase();
  const text = draft.usdPerUnit.trim().replace(/^\$\s*/, '');
  const rate = text === '' ? Number.NaN : Number(text);
  const kept = stored
    .filter((r) => r.currency !== currency)
    .map((r) => ({ currency: r.currency, usdPerUnit: r.usdPerUnit }));
  // NaN goes out as null (JSON), which the server refuses with its "type a number" message.
  return [...kept, { currency, usdPerUnit: rate }];
}

/** The list without `currency`'s rate. */
export function ratesWithout(
  stored: readonly ConversionRate[],
  currency: string,
): Array<{ currency: string; usdPerUnit: number }> {
  return stored
    .filter((r) => r.currency !== currency)
    .map((r) => ({ currency: r.currency, usdPerUnit: r.usdPerUnit }));
}

/**
 * The field a server message is about, and the message without the server's field path.
 *
 * Example: "conversionRates.0.usdPerUnit: A rate must be more than zero." → `{ field: 'rate', text: 'A rate
 * must be more than zero.' }`; "Use a three-letter currency code, such as CNY." → `{ field: 'currency', … }`.
 */
export function rateProblem(message: string): { field: 'currency' | 'rate'; text: string } {
  const m = /^conversionRates(?:\.\d+)?(?:\.(currency|usdPerUnit))?:\s*(.*)$/s.exec(message.trim());
  const text = m ? m[2]! : message;
  const path = m?.[1];
  const field =
    path === 'currency' || (path === undefined && /currency|one rate only/i.test(text)) ? 'currency' : 'rate';
  return { field, text };
}
