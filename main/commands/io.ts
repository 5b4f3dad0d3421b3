/** The few effects a command needs, passed in so commands run in tests without a terminal. */
import { readFile, readdir } from 'node:fs/promises';

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  readDir(path: string): Promise<string[]>;
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

/** A usage error: printed with the command's help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
