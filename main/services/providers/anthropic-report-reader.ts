/**
 * Reads every page of one Anthropic report, surviving its two documented refusals (SDK 1.15.0+):
 * `report_page_too_large` ("send a lower `limit` and page through the rest") halves the page size and asks
 * for the same page again; `too_many_report_groups` drops the least needed grouping and starts over. What
 * finally worked is returned, so the caller can remember it for the organization and ask that way next time.
 */
import { ImplausibleAnswerError } from '../api-errors';
import { ProviderHttpError } from './http';

/** The most requests one report read may take (pages and retries); beyond it the answer is malformed. */
export const MAX_REPORT_REQUESTS = 100;

export interface ReportShape<G extends string> {
  limit: number;
  groups: G[];
}

export interface ReportPage<T> {
  items: T[];
  nextPage: string | null;
}

/** Whether `err` is the provider's refusal with this `error_code`. */
export function isRefusal(err: unknown, code: 'report_page_too_large' | 'too_many_report_groups'): boolean {
  return err instanceof ProviderHttpError && err.status === 400 && err.body.code === code;
}

/**
 * All items of a report asked with `start` (page size and groups); `droppable` lists the groups that may be
 * given up, first to last. Example: limit 1000 refused as too large → 500 → 250 answered: `{shape: {limit:
 * 250, …}}`; groups [workspace_id, api_key_id] refused as too many, droppable [api_key_id] → [workspace_id].
 */
export async function readReport<T, G extends string>(opts: {
  start: ReportShape<G>;
  droppable: readonly G[];
  fetchPage(shape: ReportShape<G>, page: string | null): Promise<ReportPage<T>>;
}): Promise<{ items: T[]; shape: ReportShape<G> }> {
  let shape: ReportShape<G> = { limit: opts.start.limit, groups: [...opts.start.groups] };
  let items: T[] = [];
  let page: string | null = null;
  for (let i = 0; i < MAX_REPORT_REQUESTS; i++) {
    let answer: ReportPage<T>;
    try {
      answer = await opts.fetchPage(shape, page);
    } catch (err) {
      if (isRefusal(err, 'report_page_too_large') && shape.limit > 1) {
        shape = { ...shape, limit: Math.max(1, Math.floor(shape.limit / 2)) };
        continue;
      }
      const drop = opts.droppable.find((g) => shape.groups.includes(g));
      if (isRefusal(err, 'too_many_report_groups') && drop !== undefined) {
        // The rows so far were grouped the old way: start again with the new grouping.
        shape = { ...shape, groups: shape.groups.filter((g) => g !== drop) };
        items = [];
        page = null;
        continue;
      }
      throw err;
    }
    items.push(...answer.items);
    if (answer.nextPage === null) return { items, shape };
    page = answer.nextPage;
  }
  throw new ImplausibleAnswerError('report paging did not end');
}
