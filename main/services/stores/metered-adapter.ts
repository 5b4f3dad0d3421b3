/**
 * A lowdb adapter over lowdb's own atomic TextFile (temp file + rename) that serialises JSON, skips writes
 * whose text did not change, and counts the bytes it writes.
 */
import type { Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';
import type { WriteMeter } from './write-meter';

/** Reads raw JSON (left `unknown` on purpose: the versioned file validates and upgrades it). */
export class MeteredJsonFile implements Adapter<unknown> {
  readonly #file: TextFile;
  #lastText: string | null = null;

  constructor(
    readonly path: string,
    private readonly meter: WriteMeter | null,
    private readonly indent: number = 0,
  ) {
    this.#file = new TextFile(path);
  }

  /** Parses the file; throws SyntaxError on a file that is not JSON (the caller quarantines it). */
  async read(): Promise<unknown> {
    const text = await this.#file.read();
    if (text === null) return null;
    this.#lastText = text;
    return JSON.parse(text) as unknown;
  }

  async write(data: unknown): Promise<void> {
    const text = JSON.stringify(data, null, this.indent || undefined);
    // lowdb rewrites the whole file on every write; skipping identical content is what keeps a
    // steady-state poll from rewriting files that did not change.
    if (text === this.#lastText) {
      this.meter?.skip(this.path);
      return;
    }
    await this.#file.write(text);
    this.#lastText = text;
    this.meter?.add(this.path, Buffer.byteLength(text));
  }
}
