/**
 * The Node host's HTTP server: 127.0.0.1 only, Host check and token before routing, then the
 * renderer's static files, `POST /api/<channel>` and `GET /api/events` (SSE).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '@core/api-contract';
import type { AppFiles } from '../app/app-files';
import type { EventBus } from '../app/event-bus';
import { handleApiRequest } from './api-routes';
import { handleDownload } from './download-routes';
import {
  createToken,
  isAllowedHost,
  isForeignRequest,
  isValidToken,
  withoutToken,
  presentedTokens,
  tokenCookieName,
} from './auth';
import { SECURITY_HEADERS } from './security-headers';
import { createSseHub } from './sse';
import { acceptsGzip, readStaticFile } from './static-files';

export interface HostOptions {
  handlers: Handlers;
  bus: EventBus;
  /** Exports and backups for the `/download/…` routes (absent: no downloads). */
  files?: AppFiles;
  /** Built renderer folder (index.html, main.js, main.css). */
  staticDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface RunningHost {
  port: number;
  token: string;
  /** The address to open, token included. */
  url: string;
  close(): Promise<void>;
}

/** Starts the host on 127.0.0.1; resolves once it listens (port 0 picks a free port). */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? createToken();
  const log = opts.log ?? (() => {});
  const sse = createSseHub(opts.bus);
  let port = 0;

  const server = createServer((req, res) => {
    route(req, res).catch((err: Error) => {
      log(`request failed: ${err.message}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      return send(
        res,
        421,
        'text/plain; charset=utf-8',
        'Wrong Host header: use http://127.0.0.1:' + port + '/',
      );
    }
    if (isForeignRequest(req.headers, port)) {
      // Another page (another site, or another server on 127.0.0.1) may not drive this host, token or not.
      return send(
        res,
        403,
        'text/plain; charset=utf-8',
        'Creditwatch answers only its own page: open the address it printed at start-up.',
      );
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!presentedTokens(req, url, port).some((t) => isValidToken(t, token))) {
      return send(
        res,
        401,
        'text/plain; charset=utf-8',
        'Creditwatch needs its access token: open the address it printed at start-up.',
      );
    }
    if (url.searchParams.has('token') && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      // Trade the token in the address bar for a same-site cookie, then drop it from the URL.
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${tokenCookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: withoutToken(url),
      });
      return void res.end();
    }
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Use GET');
      return sse.attach(res);
    }
    const path = decodePath(url.pathname);
    if (path === null) return send(res, 400, 'text/plain; charset=utf-8', 'The address is not valid.');
    if (opts.files && (await handleDownload(opts.files, url, req.method ?? 'GET', res))) return;
    if (url.pathname.startsWith('/api/')) {
      const reply = await handleApiRequest(opts.handlers, path.slice(5), req, log);
      if (reply.status === 413) res.setHeader('Connection', 'close');
      return send(res, reply.status, 'application/json; charset=utf-8', JSON.stringify(reply.body));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'Use GET');
    const file = await readStaticFile(
      opts.staticDir,
      url.pathname,
      acceptsGzip(req.headers['accept-encoding']),
    );
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': file.cacheControl,
      Vary: 'Accept-Encoding',
      ...(file.contentEncoding ? { 'Content-Encoding': file.contentEncoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        sse.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The percent-decoded path, or null when it is not valid percent-encoding (`%ZZ`). */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  res.end(body);
}
