/**
 * Serves the built renderer (dist/renderer) read-only. Paths are resolved inside the root; anything
 * else is a 404, never a file outside it. Assets with a content hash in their name (`main-3F2A9C1B.js`)
 * are cacheable for a year (their name changes when they do); the page itself is revalidated every time.
 * A gzip twin written by the build (`main-3F2A9C1B.js.gz`) is sent to browsers that accept gzip.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** esbuild's `[name]-[hash]` names: an 8-character base32 hash before the extension. */
const HASHED_NAME = /-[A-Z0-9]{8}\.(js|css)$/;
export const IMMUTABLE_CACHE = 'private, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

export interface StaticFile {
  body: Buffer;
  contentType: string;
  cacheControl: string;
  /** 'gzip' when `body` is the gzip twin. */
  contentEncoding: 'gzip' | null;
}

/**
 * Reads `urlPath` below `root` ('/' → index.html); null when absent, outside the root or not decodable
 * (the server answers a malformed path before it gets here). With `acceptsGzip`, a precompressed `.gz`
 * twin is preferred when the build wrote one.
 */
export async function readStaticFile(
  root: string,
  urlPath: string,
  acceptsGzip = false,
): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = urlPath === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  if (!full.startsWith(normalize(root + sep)) && full !== normalize(root)) return null;
  const contentType = CONTENT_TYPES[extname(full)];
  if (!contentType) return null;
  const cacheControl = HASHED_NAME.test(full) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
  if (acceptsGzip) {
    try {
      return { body: await readFile(`${full}.gz`), contentType, cacheControl, contentEncoding: 'gzip' };
    } catch {
      // no twin: send the file as it is
    }
  }
  try {
    return { body: await readFile(full), contentType, cacheControl, contentEncoding: null };
  } catch {
    return null;
  }
}

/** Whether an Accept-Encoding header admits gzip (`gzip;q=0` refuses it). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .some((part) => /^gzip(\s*;\s*q=(1(\.0*)?|0?\.\d*[1-9]\d*))?$/.test(part) || part === 'gzip');
}
