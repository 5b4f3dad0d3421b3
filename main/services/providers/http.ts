/**
 * One JSON GET against a provider's REST API, for the adapters that do not ship an SDK we use: timeout,
 * Retry-After, and errors in the shapes `describeError` turns into the same user words for every provider.
 * The key goes in a header the caller names and never into an error message.
 */
import { SECOND_MS } from '@core/time';
import { retryAfterMs } from '../api-errors';

export const PROVIDER_TIMEOUT_MS = 30 * SECOND_MS;

/** The provider answered with an HTTP error status. `code`/`type`/`message` come from its JSON body when it had one. */
export class ProviderHttpError extends Error {
  override name = 'ProviderHttpError';
  constructor(
    readonly status: number,
    readonly body: { code: string | null; type: string | null; message: string | null },
    readonly retryAfterMs: number | null,
  ) {
    super(`HTTP ${status}${body.message ? `: ${body.message}` : ''}`);
  }
}

/** No answer: DNS, refused, reset (`code` is the system's, e.g. ECONNREFUSED). */
export class ProviderNetworkError extends Error {
  override name = 'ProviderNetworkError';
  constructor(readonly code: string | null) {
    super(`network error${code ? ` (${code})` : ''}`);
  }
}

/** No answer within the timeout. */
export class ProviderTimeoutError extends Error {
  override name = 'ProviderTimeoutError';
}

/** A 2xx answer that is not JSON (an HTML login or error page from a proxy, a captive portal…). */
export class NotJsonError extends Error {
  override name = 'NotJsonError';
  constructor(readonly what: 'html' | 'text' | 'empty') {
    super(
      what === 'html' ? 'an HTML page, not JSON' : what === 'empty' ? 'an empty answer' : 'text, not JSON',
    );
  }
}

export interface JsonGetOptions {
  /** Full URL including the query string. */
  url: string;
  headers: Record<string, string>;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Reads `code`, `type` and `message` from the usual error body shapes (`{error:{…}}`, `{error:"…"}`, `{message}`). */
function errorFields(body: unknown): { code: string | null; type: string | null; message: string | null } {
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  if (typeof body !== 'object' || body === null) return { code: null, type: null, message: str(body) };
  const obj = body as Record<string, unknown>;
  const inner = obj.error;
  if (typeof inner === 'object' && inner !== null) {
    const e = inner as Record<string, unknown>;
    // Anthropic puts the code of a specific refusal in `error.details.error_code` (SDK 1.15.0+).
    const details =
      typeof e.details === 'object' && e.details !== null ? (e.details as Record<string, unknown>) : {};
    const code = str(e.code) ?? str(details.error_code);
    return { code, type: str(e.type) ?? str(obj.type), message: str(e.message) };
  }
  return { code: str(obj.code), type: str(obj.type), message: str(inner) ?? str(obj.message) };
}

function kindOfText(text: string): 'html' | 'text' | 'empty' {
  const t = text.trimStart().slice(0, 200).toLowerCase();
  if (t === '') return 'empty';
  return t.startsWith('<!doctype html') || t.startsWith('<html') || t.startsWith('<') ? 'html' : 'text';
}

/** GETs `url` and returns its parsed JSON body; throws one of the errors above. */
export async function getJson(opts: JsonGetOptions): Promise<unknown> {
  const doFetch = opts.fetch ?? fetch;
  const controller = new AbortController();
  const timeoutMs = opts.timeoutMs ?? PROVIDER_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await doFetch(opts.url, {
      method: 'GET',
      headers: { accept: 'application/json', ...opts.headers },
      signal: controller.signal,
    });
    text = await res.text();
  } catch (err) {
    if (controller.signal.aborted) throw new ProviderTimeoutError(`no answer within ${timeoutMs} ms`);
    const cause = (err as { cause?: { code?: unknown } }).cause;
    throw new ProviderNetworkError(typeof cause?.code === 'string' ? cause.code : null);
  } finally {
    clearTimeout(timer);
  }
  let body: unknown;
  let parsed = true;
  try {
    body = text === '' ? undefined : JSON.parse(text);
    if (body === undefined) parsed = false;
  } catch {
    parsed = false;
  }
  if (!res.ok) {
    const fields = parsed ? errorFields(body) : { code: null, type: null, message: null };
    throw new ProviderHttpError(res.status, fields, retryAfterMs(res.headers));
  }
  if (!parsed) throw new NotJsonError(kindOfText(text));
  return body;
}
