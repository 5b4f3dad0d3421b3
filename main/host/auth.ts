/**
 * Request admission for the Node host: a Host-header check (defeats DNS rebinding) and a bearer token
 * (defeats other local users and web pages). Both run before any routing.
 */
import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The token cookie's name for the host on `port`. Browsers do not scope cookies by port, so every
 * server on 127.0.0.1 receives them: one name per port keeps two hosts from replacing each other's
 * cookie, and each start makes a new token, so a cookie authorizes one running host only.
 */
export function tokenCookieName(port: number): string {
  return `cw_token_${port}`;
}

/** A fresh random token: 32 bytes, base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether the Host header names this server on loopback (`127.0.0.1:PORT` or `localhost:PORT`). */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * The tokens a request presents, in order: `Authorization: Bearer`, `?token=` (a freshly printed
 * address beats a cookie left by an earlier start), then this port's cookie.
 */
export function presentedTokens(req: IncomingMessage, url: URL, port: number): string[] {
  const out: string[] = [];
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) out.push(auth.slice('Bearer '.length).trim());
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) out.push(fromUrl);
  const cookie = parseCookies(req.headers.cookie)[tokenCookieName(port)];
  if (cookie) out.push(cookie);
  return out;
}

/** Constant-time comparison of a presented token with the server's. */
export function isValidToken(presented: string | null, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Cookies by name, parsed defensively: other local apps set cookies on 127.0.0.1 too, and a value that
 * is not valid percent-encoding (a stray `%`) is kept as it is instead of failing the request.
 */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const raw = part.slice(eq + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // not ours, or not encoded: keep the raw text
    }
    out[part.slice(0, eq).trim()] = value;
  }
  return out;
}

/**
 * A path on this host for a redirect: leading slashes collapsed, so `//evil.example` (from
 * `/.//evil.example`) can never become a protocol-relative address off the host.
 *
 * Example: `localPath('//evil.example/x')` → `"/evil.example/x"`.
 */
export function localPath(pathname: string): string {
  return `/${pathname.replace(/^[/\\]+/, '')}`;
}

/**
 * Whether a browser says the request comes from another page: `Sec-Fetch-Site` other than
 * `same-origin` or `none` (typed, bookmarked), or an `Origin` that is not this host. Every server on
 * 127.0.0.1 is "same-site" to a browser, whatever its port, so `same-site` is refused too. Requests
 * without these headers (curl, scripts) are judged by the token alone.
 *
 * Example: a page on http://127.0.0.1:8080 linking to this host's /download/backup → refused.
 */
export function isForeignRequest(headers: IncomingMessage['headers'], port: number): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = headers.origin;
  if (typeof origin === 'string')
    return origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`;
  return false;
}

/**
 * The address without its `token` parameter, the rest of the query kept (a download's choices).
 *
 * Example: `/download/export?what=costs&token=abc` → `/download/export?what=costs`.
 */
export function withoutToken(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('token');
  const query = params.toString();
  return `${localPath(url.pathname)}${query ? `?${query}` : ''}`;
}
