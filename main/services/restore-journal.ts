/**
 * The restore journal (`restore-journal.json`, 0600): written before a restore's first write and removed
 * after its last, so a restore cut off half-way (ledgers written, settings not yet) is known at the next
 * start, which finishes it (see restore-recovery.ts). It holds the backup text itself: a restore is a
 * merge, so running it again completes what was written and repeats nothing.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writePrivateFile } from './stores/private-file';

export const RESTORE_JOURNAL = 'restore-journal.json';

const JournalSchema = z.object({
  version: z.literal(1),
  startedAtMs: z.number().int(),
  acceptEdited: z.boolean(),
  text: z.string(),
});
export type RestoreJournal = z.infer<typeof JournalSchema>;

/** Records that a restore of `text` is about to write. */
export async function beginRestoreJournal(
  dataDir: string,
  entry: Omit<RestoreJournal, 'version'>,
): Promise<void> {
  await writePrivateFile(join(dataDir, RESTORE_JOURNAL), JSON.stringify({ version: 1, ...entry }));
}

/** Records that the restore finished. */
export async function endRestoreJournal(dataDir: string): Promise<void> {
  await rm(join(dataDir, RESTORE_JOURNAL), { force: true });
}

/** The journal of an unfinished restore; null when none; throws with words when it cannot be read. */
export async function readRestoreJournal(dataDir: string): Promise<RestoreJournal | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, RESTORE_JOURNAL), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = JournalSchema.safeParse(JSON.parse(text) as unknown);
  if (!parsed.success) throw new Error('the restore journal is not in the expected form');
  return parsed.data;
}
