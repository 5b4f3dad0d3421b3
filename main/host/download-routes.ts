/**
 * The Node host's file downloads, behind the same Host and token checks as the API (the server admits a
 * request before routing): `GET /download/export?org=&from=&to=&what=&format=` streams an export as it is
 * read (never one big string), `GET /download/backup` sends a backup. Bad requests get a 400 with the reason.
 */
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ExportInputError, ExportRequestSchema } from '@core/export/request';
import type { AppFiles } from '../app/app-files';
import { SECURITY_HEADERS } from './security-headers';

const TYPES = { csv: 'text/csv; charset=utf-8; header=present', json: 'application/json; charset=utf-8' };

/** Handles a `/download/…` path; returns false when the path is not a download. */
export async function handleDownload(
  files: AppFiles,
  url: URL,
  method: string,
  res: ServerResponse,
): Promise<boolean> {
  if (url.pathname !== '/download/export' && url.pathname !== '/download/backup') return false;
  if (method !== 'GET') return fail(res, 405, 'Use GET.');
  if (url.pathname === '/download/backup') {
    const text = await files.backupText();
    res.writeHead(200, headers('application/json; charset=utf-8', files.backupFileName()));
    res.end(text);
    return true;
  }
  const q = url.searchParams;
  const parsed = ExportRequestSchema.safeParse({
    org: q.get('org') === 'all' ? null : q.get('org'),
    from: q.get('from'),
    to: q.get('to'),
    what: q.get('what'),
    format: q.get('format') ?? 'csv',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      res,
      400,
      `Bad export request: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  let plan;
  try {
    plan = files.plan(parsed.data);
  } catch (err) {
    if (err instanceof ExportInputError) return fail(res, 400, err.message);
    throw err;
  }
  res.writeHead(200, headers(TYPES[plan.format], plan.fileName));
  // A failure half-way ends the response early, so the browser reports an incomplete download.
  await pipeline(Readable.from(files.chunks(plan)), res);
  return true;
}

function headers(contentType: string, fileName: string): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    // The name is ours (letters, digits, dashes); RFC 6266 filename* keeps it safe anyway.
    'Content-Disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  };
}

function fail(res: ServerResponse, status: number, message: string): true {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(message);
  return true;
}
