/**
 * The error a transport throws for a failed request: its message is for the user, its code for the UI.
 *
 * Mirrors `ApiError` of `@core/api-contract` without importing it: that module builds the zod argument
 * schemas at load time, and pulling it in as a value would add zod (~450 kB minified) to the page bundle.
 */
import type { ApiErrorCode } from '@core/api-contract';

/** A failed API request whose message is shown as-is. */
export class ApiRequestError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
