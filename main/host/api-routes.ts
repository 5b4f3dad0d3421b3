/**
 * The contract over HTTP: `POST /api/<channel>` with a JSON body → `{"result": …}` or
 * `{"error": {"code", "message"}}`. Arguments go through the same zod parse as over IPC.
 */
import type { IncomingMessage } from 'node:http';
import {
  ApiError,
  MAX_BACKUP_CHARS,
  isRequestChannel,
  parseArgs,
  type Handlers,
  type RequestChannel,
} from '@core/api-contract';

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
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return errorReply(415, 'invalid-argument', 'API calls need Content-Type: application/json.');
  }
  let raw: unknown;
  try {
    const text = await readBody(
      req,
      channelName === 'backup:restore' ? MAX_RESTORE_BODY_BYTES : MAX_BODY_BYTES,
    );
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch (err) {
    return errorReply(
      400,
      'invalid-argument',
      `The request body is not valid JSON (${(err as Error).message}).`,
    );
  }
  try {
    const channel: RequestChannel = channelName;
    const args = parseArgs(channel, raw);
    const handler = handlers[channel] as (a: typeof args) => Promise<unknown>;
    return { status: 200, body: { result: await handler(args) } };
  } catch (err) {
    if (err instanceof ApiError) return errorReply(STATUS_BY_CODE[err.code], err.code, err.message);
    log(`API ${channelName} failed: ${(err as Error).stack ?? String(err)}`);
    return errorReply(500, 'internal', `Something went wrong: ${(err as Error).message}`);
  }
}

function errorReply(status: number, code: string, message: string): ApiReply {
  return { status, body: { error: { code, message } } };
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error(`body over ${maxBytes} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
