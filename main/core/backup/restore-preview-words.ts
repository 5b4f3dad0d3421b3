/**
 * What a restore would do, in words — the same for the page and the command line. Pure.
 *
 * Example: "This restore will add 2 accounts ("Acme", "Beta") and 14 ledger entries, and take 2 billing
 * rules and the alert settings."
 */
import type { RestoreResult } from '../api-contract';

export interface RestorePreviewWords {
  /** What would be added and taken (or that there is nothing to restore). */
  summary: string;
  /** The webhook the backup's alert settings would send alerts to, as a warning; null when none. */
  webhookWarning: string | null;
  /** Demo accounts left out; null when none. */
  leftOut: string | null;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The words of a restore preview. */
export function restorePreviewWords(r: RestoreResult): RestorePreviewWords {
  let summary = 'Nothing to restore: this data folder already holds everything in the backup.';
  if (r.changed) {
    const names = r.orgsAdded.length ? ` (${r.orgsAdded.map((n) => JSON.stringify(n)).join(', ')})` : '';
    const adds = [
      `${count(r.orgsAdded.length, 'account')}${names}`,
      count(r.entriesAdded, 'ledger entry', 'ledger entries'),
    ];
    const takes = [
      r.billingRulesTaken ? count(r.billingRulesTaken, 'billing rule') : null,
      r.alertSettingsTaken ? 'the alert settings' : null,
      r.settingsChanged && !r.orgsAdded.length ? 'some settings' : null,
    ].filter((t): t is string => t !== null);
    summary = `This restore will add ${adds.join(' and ')}${takes.length ? `, and take ${takes.join(' and ')}` : ''}.`;
  }
  const webhookWarning =
    r.alertSettingsTaken && r.webhookUrl
      ? `Its alert settings send every alert, with your spend figures, to ${r.webhookUrl}. Restore only if you know that address.`
      : null;
  const demo = r.demoAccountsLeftOut ?? [];
  const leftOut = demo.length
    ? `${count(demo.length, 'demo account')} in the backup ${demo.length === 1 ? 'is' : 'are'} left out: the demo has a folder of its own.`
    : null;
  return { summary, webhookWarning, leftOut };
}
