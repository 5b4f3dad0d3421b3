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

export const DeepSeekBalanceInfoSchema = z.looseObject({
  currency: Currency,
  total_balance: AmountMicros,
  granted_balance: AmountMicros,
  topped_up_balance: AmountMicros,
});

/** GET /user/balance. */
export const DeepSeekBalanceSchema = z.looseObject({
  is_available: z.boolean(),
  balance_infos: z.array(DeepSeekBalanceInfoSchema),
});
export type DeepSeekBalance = z.infer<typeof DeepSeekBalanceSchema>;
