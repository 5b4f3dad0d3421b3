/**
 * Counts the bytes the stores write to disk, so the disk-write budget can be measured, not guessed.
 */

export interface WriteMeter {
  /** Records one whole-file write of `bytes` to `file`. */
  add(file: string, bytes: number): void;
  /** Records a write that was skipped because the content had not changed. */
  skip(file: string): void;
  totals(): { bytes: number; writes: number; skipped: number };
  reset(): void;
}

/** Creates a meter (one per engine; the benchmark reads it). */
export function createWriteMeter(): WriteMeter {
  let bytes = 0;
  let writes = 0;
  let skipped = 0;
  return {
    add(_file, n) {
      bytes += n;
      writes += 1;
    },
    skip() {
      skipped += 1;
    },
    totals: () => ({ bytes, writes, skipped }),
    reset() {
      bytes = 0;
      writes = 0;
      skipped = 0;
    },
  };
}
