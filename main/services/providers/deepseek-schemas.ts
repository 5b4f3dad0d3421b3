/**
 * Zod schemas of the DeepSeek answers Creditwatch reads (https://api-docs.deepseek.com/api/get-user-balance).
 * Amounts arrive as decimal strings and are parsed exactly to micro-units here, so a bad amount or an
 * unknown currency fails the parse with a message that names it (shown as a malformed answer).
 */
import { z } from 'zod';
import { AmountFormatError, decimalToMicros } from '@core/decimal-amount';
import { isKnownCurrency } from '@core/providers';

/** A balance string in whole currency units, to micro-units. Example: "110.00" → 110_000_000; "12,30" fails. */
const AmountMicros = z.string().transform((text, ctx) => {
  try {
    return decimalToMicros(text, 0);
  } catch (e) {
    if (!(e instanceof AmountFormatError)) throw e;
    ctx.addIssue({ code: 'custom', message: e.message });
    return z.NEVER;
  }
});

const Currency = z
  .string()
  .refine(isKnownCurrency, { error: (iss) => `unknown currency '${String(iss.input).slice(0, 12)}'` });

// The docs mark every field optional: an entry without a currency cannot be used and is left out by the
// client; a missing total is the sum of its two parts when both are given; a missing part is unknown (null).
export const DeepSeekBalanceInfoSchema = z.looseObject({
  currency: Currency.optional(),
  total_balance: AmountMicros.optional(),
  granted_balance: AmountMicros.optional(),
  topped_up_balance: AmountMicros.optional(),
});

/** GET /user/balance (every field optional in the docs; a missing list holds no balance). */
export const DeepSeekBalanceSchema = z.looseObject({
  is_available: z.boolean().optional(),
  balance_infos: z.array(DeepSeekBalanceInfoSchema).optional(),
});
