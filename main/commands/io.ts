/** The few effects a command needs, passed in so commands run in tests without a terminal. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  readDir(path: string): Promise<string[]>;
}

/** A usage error: printed with the command's help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
