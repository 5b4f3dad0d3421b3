/**
 * The `CreditwatchApi` over the Node host's HTTP + Server-Sent Events transport.
 *
 * Requests are `POST /api/<channel>` with the JSON args; replies are `{ result }` or, on a non-2xx status,
 * `{ error: { code, message } }`, which becomes a thrown `ApiRequestError` whose message is shown to the user.
 * The page was opened with `?token=…`, so the host has set an HttpOnly cookie that same-origin requests carry.
 */
import type {
  ApiErrorCode,
  CreditwatchApi,
  EventChannel,
  EventPayloads,
  RequestArgs,
  RequestChannel,
  RequestResults,
} from '@core/api-contract';
import { ApiRequestError } from './request-error';

/** The subset of `EventSource` the transport uses (so tests can pass a fake). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface HttpApiOptions {
  /** Origin-relative or absolute prefix of the API routes. Default `/api`. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
}

const ERROR_CODES: readonly ApiErrorCode[] = ['invalid-argument', 'not-found', 'rejected', 'internal'];

/** Creates the HTTP transport. Call once per page; the event stream opens on the first `on()`. */
export function createHttpApi(options: HttpApiOptions = {}): CreditwatchApi {
  const baseUrl = options.baseUrl ?? '/api';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const openStream = options.createEventSource ?? ((url) => new EventSource(url));
  let stream: EventSourceLike | null = null;
  let listenerCount = 0;

  async function invoke<K extends RequestChannel>(
    channel: K,
    args: RequestArgs<K>,
  ): Promise<RequestResults[K]> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(args ?? {}),
      });
    } catch {
      throw new ApiRequestError(
        'internal',
        'Creditwatch is not reachable. Is the app (or `creditwatch serve`) still running?',
      );
    }
    const body = await readJson(response);
    if (response.ok && body !== undefined && typeof body === 'object' && body !== null && 'result' in body) {
      return (body as { result: RequestResults[K] }).result;
    }
    throw toApiError(response.status, body);
  }

  function on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    stream ??= openStream(`${baseUrl}/events`);
    const source = stream;
    const handler = (message: MessageEvent): void => {
      let payload: EventPayloads[E];
      try {
        payload = JSON.parse(String(message.data)) as EventPayloads[E];
      } catch {
        return; // a malformed frame is dropped; the next event or a refresh repairs the view
      }
      listener(payload);
    };
    source.addEventListener(event, handler);
    listenerCount += 1;
    let isActive = true;
    return () => {
      if (!isActive) return;
      isActive = false;
      source.removeEventListener(event, handler);
      listenerCount -= 1;
      // Close the stream when nobody listens, so a page that unmounts everything holds no connection.
      if (listenerCount === 0 && stream === source) {
        source.close();
        stream = null;
      }
    };
  }

  return { invoke, on };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiRequestError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof message === 'string' && message.trim() !== '') {
      const knownCode = ERROR_CODES.find((c) => c === code) ?? 'internal';
      return new ApiRequestError(knownCode, message);
    }
  }
  if (typeof error === 'string' && error.trim() !== '') return new ApiRequestError('internal', error);
  if (status === 401 || status === 403) {
    return new ApiRequestError(
      'rejected',
      'This page is not signed in to Creditwatch. Open the link that `creditwatch serve` printed.',
    );
  }
  return new ApiRequestError('internal', `Creditwatch answered with an unexpected reply (HTTP ${status}).`);
}
