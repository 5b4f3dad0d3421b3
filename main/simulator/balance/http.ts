/**
 * The HTTP face shared by the balance simulators (node:http, 127.0.0.1 only): routing, the provider's auth,
 * faults, and the request log. Each provider supplies its routes, its auth rule and its error bodies.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestLogEntry } from '../server';
import type { SimClock } from '../sim-clock';
import type { BalanceFault, BalanceFaults } from './faults';

/** What the simulator answers: a status, a JSON body (or raw text) and extra headers. */
export interface SimAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface BalanceProvider {
  /** Handlers by exact path (e.g. '/api/v1/credits'); they get the accepted key and the time. */
  routes: Record<string, (nowMs: number, key: string) => unknown>;
  /** The error answer when the request may not have `path`; null = allowed. `key` is null when none was sent. */
  authorize(key: string | null, path: string): SimAnswer | null;
  /** The provider's error answer for an HTTP error fault (`retryAfterSec` for 429). */
  errorFor(status: number, retryAfterSec?: number): SimAnswer;
  notFound(method: string, path: string): SimAnswer;
  /** Rewrites a good body for the `bad-amount` and `unknown-currency` faults. */
  corrupt(body: unknown, fault: Extract<BalanceFault, { kind: 'bad-amount' | 'unknown-currency' }>): unknown;
}

export interface BalanceHttp {
  port: number;
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

export const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in to the network</title></head><body><p>Please sign in.</p></body></html>';

function bearerKey(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? null;
}

/** Starts the server on 127.0.0.1:`port` (0 = a free port). */
export async function startBalanceHttp(opts: {
  port: number;
  clock: SimClock;
  faults: BalanceFaults;
  provider: BalanceProvider;
}): Promise<BalanceHttp> {
  const { clock, faults, provider } = opts;
  const requests: RequestLogEntry[] = [];
  const pending = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  function send(
    res: ServerResponse,
    entry: RequestLogEntry,
    answer: SimAnswer,
    type = 'application/json',
  ): void {
    entry.status = answer.status;
    pending.delete(res);
    res.writeHead(answer.status, { 'content-type': type, ...answer.headers });
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  }

  function respond(
    res: ServerResponse,
    entry: RequestLogEntry,
    path: string,
    key: string,
    fault: BalanceFault | null,
  ) {
    try {
      answer(res, entry, path, key, fault);
    } catch {
      send(res, entry, provider.errorFor(500));
    }
  }

  function answer(
    res: ServerResponse,
    entry: RequestLogEntry,
    path: string,
    key: string,
    fault: BalanceFault | null,
  ) {
    if (fault?.kind === 'hang') return; // stays pending until close()
    if (fault?.kind === 'status') return send(res, entry, provider.errorFor(fault.status));
    if (fault?.kind === 'rate-limit') return send(res, entry, provider.errorFor(429, fault.retryAfterSec));
    if (fault?.kind === 'html')
      return send(res, entry, { status: 200, body: HTML_PAGE }, 'text/html; charset=utf-8');
    let body = provider.routes[path]!(clock.nowMs(), key);
    if (fault?.kind === 'bad-amount' || fault?.kind === 'unknown-currency')
      body = provider.corrupt(body, fault);
    const text = JSON.stringify(body);
    // Cut mid-document so no JSON parser accepts it.
    const out = fault?.kind === 'malformed' ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : text;
    send(res, entry, { status: 200, body: out });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const entry: RequestLogEntry = {
      method,
      path,
      query: url.search.replace(/^\?/, ''),
      status: 0,
      atMs: clock.nowMs(),
    };
    requests.push(entry);
    pending.add(res);
    req.resume();
    try {
      if (!provider.routes[path] || method !== 'GET')
        return send(res, entry, provider.notFound(method, path));
      const key = bearerKey(req.headers.authorization);
      const denied = provider.authorize(key, path);
      if (denied) return send(res, entry, denied);
      const { latencyMs, fault } = faults.decide();
      if (latencyMs <= 0) return respond(res, entry, path, key!, fault);
      const timer = setTimeout(() => {
        timers.delete(timer);
        respond(res, entry, path, key!, fault);
      }, latencyMs);
      timers.add(timer);
    } catch {
      send(res, entry, provider.errorFor(500));
    }
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
