/**
 * The line item under which spend read from a balance is stored (it has no finer breakdown), beside the
 * per-model rows a provider's activity may add (OpenRouter `/activity`). One home for the name: the sync
 * writes it and the page reads it.
 */
export const BALANCE_SPEND_LINE_ITEM = 'spend (read from the balance)';
