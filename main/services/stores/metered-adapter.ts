/**
 * A lowdb adapter that serialises JSON, writes it atomically as an owner-only file (0600; see
 * private-file.ts), skips writes whose text did not change, and counts the bytes it writes.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { createWriteQueue, writePrivateFile } from './private-file';
import type { WriteMeter } from './write-meter';

/** Reads raw JSON (left `unknown` on purpose: the versioned file validates and upgrades it). */
export class MeteredJsonFile implements Adapter<unknown> {
  #lastText: string | null = null;
  /** Writes to one file run one after another (the last one wins, as with lowdb's own writer). */
  readonly #queue = createWriteQueue();

  constructor(
    readonly path: string,
    private readonly meter: WriteMeter | null,
    private readonly indent: number = 0,
  ) {}

  /** Parses the file; throws SyntaxError on a file that is not JSON (the caller quarantines it). */
  async read(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    this.#lastText = text;
    return JSON.parse(text) as unknown;
  }

  write(data: unknown): Promise<void> {
    const text = JSON.stringify(data, null, this.indent || undefined);
    return this.#queue(() => this.#writeText(text));
  }

  async #writeText(text: string): Promise<void> {
    // lowdb rewrites the whole file on every write; skipping identical content is what keeps a
    // steady-state poll from rewriting files that did not change.
    if (text === this.#lastText) {
      this.meter?.skip(this.path);
      return;
    }
    await writePrivateFile(this.path, text);
    this.#lastText = text;
    this.meter?.add(this.path, Buffer.byteLength(text));
  }
}
