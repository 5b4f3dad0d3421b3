/**
 * The contract over HTTP: `POST /api/<channel>` with a JSON body → `{"result": …}` or
 * `{"error": {"code", "message"}}`. Arguments go through the same zod parse as over IPC.
 */
import type { IncomingMessage } from 'node:http';
import { MAX_BACKUP_CHARS, isRequestChannel, type Handlers } from '@core/api-contract';
import { dispatchRequest } from '@core/api-dispatch';

const MAX_BODY_BYTES = 64 * 1024;
/** A restore carries a whole backup file (UTF-8: up to 4 bytes a character, plus JSON escaping). */
const MAX_RESTORE_BODY_BYTES = 4 * MAX_BACKUP_CHARS + 1024;

export interface ApiReply {
  status: number;
  body: unknown;
}

const STATUS_BY_CODE = { 'invalid-argument': 400, 'not-found': 404, rejected: 422, internal: 500 } as const;

/** Dispatches one API request to its handler and shapes the reply; never throws. */
export async function handleApiRequest(
  handlers: Handlers,
  channelName: string,
  req: IncomingMessage,
  log: (line: string) => void,
): Promise<ApiReply> {
  if (req.method !== 'POST') return errorReply(405, 'invalid-argument', 'Use POST for API calls.');
  if (!isRequestChannel(channelName)) return errorReply(404, 'not-found', `No such API call: ${channelName}`);
  // Media types are case-insensitive: `APPLICATION/JSON; charset=UTF-8` is JSON too.
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return errorReply(415, 'invalid-argument', 'API calls need Content-Type: application/json.');
  }
  let raw: unknown;
  try {
    const maxBytes = channelName === 'backup:restore' ? MAX_RESTORE_BODY_BYTES : MAX_BODY_BYTES;
    const text = await readBody(req, maxBytes);
    if (text === null)
      return errorReply(413, 'invalid-argument', `The request body is larger than ${maxBytes} bytes.`);
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch (err) {
    return errorReply(
      400,
      'invalid-argument',
      `The request body is not valid JSON (${(err as Error).message}).`,
    );
  }
  const reply = await dispatchRequest(handlers, channelName, raw, log, 'API');
  if (reply.ok) return { status: 200, body: { result: reply.result } };
  return errorReply(STATUS_BY_CODE[reply.error.code], reply.error.code, reply.error.message);
}

function errorReply(status: number, code: string, message: string): ApiReply {
  return { status, body: { error: { code, message } } };
}

/** Past this much, an oversized body is no longer read to its end: the connection is closed. */
const DRAIN_LIMIT_BYTES = 128 * 1024 * 1024;

/**
 * The body as text, or null when it is over `maxBytes`: an oversized body is read to its end
 * (unkept) so the client receives a 413 instead of a reset connection.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
