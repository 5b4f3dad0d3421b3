/**
 * The HTTP face shared by the balance simulators (on the shared loopback server): routing, the provider's
 * auth and faults. Each provider supplies its routes, its auth rule and its error bodies.
 */
import { startLoopbackServer, type Exchange, type LoopbackServer } from '../loopback';
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

export type BalanceHttp = LoopbackServer;

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

  function send(x: Exchange, answer: SimAnswer, type = 'application/json'): void {
    x.send(answer.status, typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), {
      'content-type': type,
      ...answer.headers,
    });
  }

  function respond(x: Exchange, key: string, fault: BalanceFault | null) {
    try {
      answer(x, key, fault);
    } catch {
      send(x, provider.errorFor(500));
    }
  }

  function answer(x: Exchange, key: string, fault: BalanceFault | null) {
    if (fault?.kind === 'hang') return; // stays pending until close()
    if (fault?.kind === 'status') return send(x, provider.errorFor(fault.status));
    if (fault?.kind === 'rate-limit') return send(x, provider.errorFor(429, fault.retryAfterSec));
    if (fault?.kind === 'html') return send(x, { status: 200, body: HTML_PAGE }, 'text/html; charset=utf-8');
    let body = provider.routes[x.path]!(clock.nowMs(), key);
    if (fault?.kind === 'bad-amount' || fault?.kind === 'unknown-currency')
      body = provider.corrupt(body, fault);
    const text = JSON.stringify(body);
    // Cut mid-document so no JSON parser accepts it.
    const out = fault?.kind === 'malformed' ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : text;
    send(x, { status: 200, body: out });
  }

  return startLoopbackServer({
    port: opts.port,
    clock,
    handle(x) {
      try {
        if (!provider.routes[x.path] || x.entry.method !== 'GET')
          return send(x, provider.notFound(x.entry.method, x.path));
        const key = bearerKey(x.req.headers.authorization);
        const denied = provider.authorize(key, x.path);
        if (denied) return send(x, denied);
        const { latencyMs, fault } = faults.decide();
        if (latencyMs <= 0) return respond(x, key!, fault);
        x.later(latencyMs, () => respond(x, key!, fault));
      } catch {
        send(x, provider.errorFor(500));
      }
    },
  });
}
