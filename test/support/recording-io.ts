/**
 * A command's input and output kept in strings, for tests of the command line: what it printed (`outText`,
 * `errText`) and what it streamed to standard output (`stdout`, through `sink`).
 */
import { readFile } from 'node:fs/promises';
import type { CommandIo } from '../../main/commands/io';

/** A `CommandIo` that records what the command prints; files are read from disk, folders list empty. */
export function recordingIo(): CommandIo & { outText: string; errText: string; stdout: string } {
  const r = {
    outText: '',
    errText: '',
    stdout: '',
    out: (s: string) => void (r.outText += `${s}\n`),
    err: (s: string) => void (r.errText += `${s}\n`),
    readFile: (p: string) => readFile(p, 'utf8'),
    readDir: async () => [],
  };
  return r;
}

/** The export's standard output, appended to `r.stdout`. */
export const stdoutSink = (r: { stdout: string }) => ({
  async stdout(chunks: AsyncIterable<string>) {
    for await (const c of chunks) r.stdout += c;
  },
});
