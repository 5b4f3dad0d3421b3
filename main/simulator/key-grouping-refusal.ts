/**
 * The costs grouping some organizations' live API refuses: `group_by` with `api_key_id` over a window that
 * starts before a cut date answers HTTP 400 (SDK 7.57 docs: "Some grouping combinations depend on the
 * organization and requested time range. Unsupported combinations return HTTP 400"; reported in public for
 * windows before 2025-12-06). The reports give the status and the query, not the body, so the body is the
 * API's usual `invalid_request_error` shape for a refused parameter value.
 */
import { invalidValue, type ApiHttpError } from './api-errors';

/**
 * The refusal for a costs query, or null when the org serves it.
 *
 * Example: cut 2025-12-06, `start_time` 2025-11-01 with `group_by=api_key_id` → a 400; `start_time`
 * 2025-12-06 → null; no `api_key_id` in `group_by` → null.
 */
export function keyGroupingRefusal(
  groupBy: readonly string[],
  startSec: number,
  refusedBeforeMs: number | null,
): ApiHttpError | null {
  if (refusedBeforeMs === null || !groupBy.includes('api_key_id')) return null;
  if (startSec * 1000 >= refusedBeforeMs) return null;
  return invalidValue(
    'group_by',
    `Invalid value for 'group_by': grouping costs by 'api_key_id' is not supported for this organization before ${new Date(refusedBeforeMs).toISOString().slice(0, 10)}. Remove 'api_key_id' or choose a later 'start_time'.`,
  );
}
