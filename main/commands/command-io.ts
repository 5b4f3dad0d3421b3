/**
 * The small I/O port the forecast and backtest commands run against, so tests pass strings in and out.
 */
import { readFile, readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

export interface CommandIo {
  out(s: string): void;
  err(s: string): void;
  readFile(p: string): Promise<string>;
  readDir(p: string): Promise<string[]>;
}

/** The real process I/O. */
export function createNodeIo(): CommandIo {
  return {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
    readFile: (p) => readFile(p, 'utf8'),
    readDir: (p) => readdir(p),
  };
}

/** Whether the module at `metaUrl` is the script node was started with (`tsx main/commands/x.ts …`). */
export function isEntryPoint(metaUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(entry).href === metaUrl;
}

/** A user-facing input error: the command prints it and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses a USD amount flag; throws UsageError naming the flag. */
export function parseUsd(flag: string, text: string | undefined, options: { min?: number } = {}): number {
  if (text === undefined) throw new UsageError(`--${flag} is required`);
  const value = Number(text.trim().replace(/^\$/, ''));
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${flag} must be a USD amount (got "${text}")`);
  if (options.min !== undefined && value < options.min)
    throw new UsageError(`--${flag} must be at least ${options.min}`);
  return value;
}

/** Parses an integer flag within bounds. */
export function parseIntFlag(
  flag: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max} (got "${text}")`);
  }
  return value;
}
