import { createHash } from 'node:crypto';
/**
 * The HTTP plumbing every simulator shares (node:http, 127.0.0.1 only): the request log, answers that record
 * their status, delayed answers for latency faults, and a close that ends hanging requests. Each simulator
 * supplies only its `handle`: routing, auth, faults and bodies in its provider's shapes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimClock } from './sim-clock';

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  /** The status answered; 0 while pending or for a request that hangs. */
  status: number;
  atMs: number;
}

/** One request, as a simulator's `handle` gets it. */
export interface Exchange {
  req: IncomingMessage;
  url: URL;
  /** The path without a trailing slash ('/' for the root). */
  path: string;
  entry: RequestLogEntry;
  /** Answers with `text` (JSON unless a content-type is given) and records the status. */
  send(status: number, text: string, headers?: Record<string, string>): void;
  /** Runs `fn` after `ms` (a latency fault); cancelled when the server closes first. */
  later(ms: number, fn: () => void): void;
}

export interface LoopbackServer {
  port: number;
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1:`port` (0 = a free port) that hands each request to `handle`. */
export async function startLoopbackServer(opts: {
  port: number;
  clock: SimClock;
  handle(exchange: Exchange): void;
}): Promise<LoopbackServer> {
  const requests: RequestLogEntry[] = [];
  const pending = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path,
      query: url.search.replace(/^\?/, ''),
      status: 0,
      atMs: opts.clock.nowMs(),
    };
    requests.push(entry);
    pending.add(res);
    req.resume();
    opts.handle({
      req,
      url,
      path,
      entry,
      send(status, text, headers = {}) {
        entry.status = status;
        pending.delete(res);
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(text);
      },
      later(ms, fn) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          fn();
        }, ms);
        timers.add(timer);
      },
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const res of pending) res.destroy();
        pending.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The organization a simulator answers for when none was given: one per key (the key's SHA-256, shortened), so
 * accounts added with different keys on one simulator are different organizations, and the same key always the
 * same one. A simulator started with an `organizationId` answers for that one organization, whatever the key.
 */
export function organizationOfKey(req: IncomingMessage, prefix: string): string {
  const auth = req.headers.authorization ?? req.headers['x-api-key'] ?? '';
  const key = (Array.isArray(auth) ? auth[0] : auth)?.replace(/^Bearer\s+/i, '') ?? '';
  return `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}
