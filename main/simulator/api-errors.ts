/**
 * OpenAI-shaped error responses (`{"error": {message, type, param, code}}`), worded as the live API words
 * them, and the key masking the API uses so a key is never echoed whole.
 */

export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** An error a handler throws to answer with a given status and OpenAI-shaped body. */
export class ApiHttpError extends Error {
  override name = 'ApiHttpError';
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error.message);
  }
}

function body(message: string, type: string, param: string | null, code: string | null): ErrorBody {
  return { error: { message, type, param, code } };
}

/** 400 for a bad parameter value, e.g. `limit=500` on /costs. */
export function invalidValue(param: string, message: string): ApiHttpError {
  return new ApiHttpError(400, body(message, 'invalid_request_error', param, 'invalid_value'));
}

/** 400 for a value of the wrong type, e.g. `start_time=yesterday`. */
export function invalidType(param: string, expected: string, got: string): ApiHttpError {
  return new ApiHttpError(
    400,
    body(
      `Invalid type for '${param}': expected ${expected}, but got '${got}' instead.`,
      'invalid_request_error',
      param,
      'invalid_type',
    ),
  );
}

/** 400 for a missing required parameter. */
export function missingParam(param: string): ApiHttpError {
  return new ApiHttpError(
    400,
    body(
      `Missing required parameter: '${param}'.`,
      'invalid_request_error',
      param,
      'missing_required_parameter',
    ),
  );
}

/**
 * Masks a key the way the API does in its messages: a short prefix, stars, the last four characters.
 *
 * Example: `maskKey('sk-abcdefghijklmnopqrstuvwxyz')` → `'sk-ab**********************wxyz'`; keys of 12
 * characters or fewer keep only their first three.
 */
export function maskKey(key: string): string {
  if (key.length <= 12) return `${key.slice(0, 3)}${'*'.repeat(Math.max(3, key.length - 3))}`;
  return `${key.slice(0, 5)}${'*'.repeat(Math.min(key.length - 9, 40))}${key.slice(-4)}`;
}

/** 401 when no key was sent. */
export function missingKey(): ApiHttpError {
  return new ApiHttpError(
    401,
    body(
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
      'invalid_request_error',
      null,
      null,
    ),
  );
}

/** 401 for a key the API does not know. */
export function invalidKey(key: string): ApiHttpError {
  return new ApiHttpError(
    401,
    body(
      `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'invalid_request_error',
      null,
      'invalid_api_key',
    ),
  );
}

/** 401 (or 403) for a key without the Admin scopes, e.g. a project key `sk-proj-…`. */
export function missingScopes(status: 401 | 403 = 401): ApiHttpError {
  return new ApiHttpError(
    status,
    body(
      "You have insufficient permissions for this operation. Missing scopes: api.usage.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you're using a restricted API key, that it has the necessary scopes.",
      'invalid_request_error',
      null,
      null,
    ),
  );
}

/** 404 for a path the API does not serve. */
export function invalidUrl(method: string, path: string): ApiHttpError {
  return new ApiHttpError(404, body(`Invalid URL (${method} ${path})`, 'invalid_request_error', null, null));
}

/** 405 for a known path with a method the simulator does not serve. */
export function methodNotAllowed(method: string, path: string): ApiHttpError {
  return new ApiHttpError(
    405,
    body(
      `Method ${method} is not allowed for ${path}; use GET.`,
      'invalid_request_error',
      null,
      'method_not_allowed',
    ),
    { allow: 'GET' },
  );
}

/** 429 rate limit, with the live API's wording and a Retry-After header. */
export function rateLimited(retryAfterSec: number): ApiHttpError {
  return new ApiHttpError(
    429,
    body(
      `Rate limit reached for requests in organization org-simulated on requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again in ${retryAfterSec}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
      'requests',
      null,
      'rate_limit_exceeded',
    ),
    { 'retry-after': String(retryAfterSec) },
  );
}

/** 429 when the organization's hard spend limit is reached. */
export function spendLimitExceeded(): ApiHttpError {
  return new ApiHttpError(
    429,
    body(
      "Your organization has reached its monthly hard spend limit. Raise the limit in your organization's billing settings (https://platform.openai.com/settings/organization/limits) or wait until next month.",
      'insufficient_quota',
      null,
      'organization_spend_limit_exceeded',
    ),
  );
}

/** 500 as the API sends it. */
export function serverError(): ApiHttpError {
  return new ApiHttpError(
    500,
    body(
      'The server had an error while processing your request. Sorry about that!',
      'server_error',
      null,
      null,
    ),
  );
}

/** 503 as the API sends it under load. */
export function overloaded(): ApiHttpError {
  return new ApiHttpError(
    503,
    body('The server is overloaded or not ready yet.', 'server_error', null, null),
  );
}
