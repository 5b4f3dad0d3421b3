/**
 * Anthropic-shaped error answers: `{"type":"error","error":{"type","message"},"request_id"}` with the
 * documented status of each type (https://platform.claude.com/docs/en/api/errors).
 */

export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'api_error'
  | 'overloaded_error';

const STATUS: Record<AnthropicErrorType, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
};

/** An error a handler throws to answer with the documented status and body (request_id is added when sent). */
export class AnthropicHttpError extends Error {
  override name = 'AnthropicHttpError';
  readonly status: number;
  constructor(
    readonly type: AnthropicErrorType,
    message: string,
    readonly headers: Record<string, string> = {},
    /** `error.details` (e.g. `{error_code: 'report_page_too_large'}`), as the SDK reads `errorCode` from it. */
    readonly details: Record<string, string> | null = null,
  ) {
    super(message);
    this.status = STATUS[type];
  }

  body(requestId: string): {
    type: 'error';
    error: { type: string; message: string; details?: Record<string, string> };
    request_id: string;
  } {
    const error = {
      type: this.type,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
    return { type: 'error', error, request_id: requestId };
  }
}

/** 400 naming the parameter. Example: `badParam('limit', 'must be at most 31')` → "limit: must be at most 31". */
export function badParam(param: string, why: string): AnthropicHttpError {
  return new AnthropicHttpError('invalid_request_error', `${param}: ${why}`);
}

export const missingKey = () =>
  new AnthropicHttpError(
    'authentication_error',
    'An API key is required: send it in the x-api-key header or as Authorization: Bearer.',
  );
export const invalidKey = () => new AnthropicHttpError('authentication_error', 'invalid x-api-key');
/** A regular (inference) key on an Admin endpoint; see the choice explained in `./index.ts`. */
export const notAdminKey = () =>
  new AnthropicHttpError(
    'permission_error',
    'This endpoint requires an Admin API key (sk-ant-admin…); a standard API key cannot read organization data.',
  );
export const missingVersion = () =>
  new AnthropicHttpError('invalid_request_error', 'anthropic-version: header is required');
export const badVersion = (v: string) =>
  new AnthropicHttpError(
    'invalid_request_error',
    `anthropic-version: '${v.slice(0, 40)}' is not a valid version`,
  );
export const notFound = () => new AnthropicHttpError('not_found_error', 'Not found');
export const forbidden = () =>
  new AnthropicHttpError(
    'permission_error',
    'Your API key does not have permission to use the specified resource.',
  );
export const rateLimited = (retryAfterSec: number) =>
  new AnthropicHttpError('rate_limit_error', 'Number of requests has exceeded your rate limit.', {
    'retry-after': String(retryAfterSec),
  });
export const apiError = () => new AnthropicHttpError('api_error', 'Internal server error');
export const overloaded = () => new AnthropicHttpError('overloaded_error', 'Overloaded');
/** A beta endpoint called without its `anthropic-beta` header value. */
export const missingBeta = (beta: string) =>
  new AnthropicHttpError(
    'invalid_request_error',
    `This endpoint is in beta: send the header 'anthropic-beta: ${beta}'.`,
  );
/**
 * 400 `report_page_too_large` (SDK 1.15.0+: BetaReportPageTooLargeError): "The requested page of the report
 * has more usage than one page can hold. Send a lower `limit` and page through the rest."
 */
export const reportPageTooLarge = () =>
  new AnthropicHttpError(
    'invalid_request_error',
    'The requested page of the report has more usage than one page can hold. Send a lower `limit` and page through the rest.',
    {},
    { error_code: 'report_page_too_large' },
  );
/**
 * 400 `too_many_report_groups` (SDK 1.15.0+: BetaTooManyReportGroupsError): "A day in the report has usage in
 * more groups than the report can return. The error message names the endpoint to use instead."
 */
export const tooManyReportGroups = (instead: string) =>
  new AnthropicHttpError(
    'invalid_request_error',
    `A day in the report has usage in more groups than the report can return. Group by fewer dimensions, or use ${instead} instead.`,
    {},
    { error_code: 'too_many_report_groups' },
  );
