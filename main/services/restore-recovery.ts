/**
 * At start, a restore that was cut off (its journal is still there) is finished by running it again —
 * a restore is a merge, so what was written is found already there and only the rest is written — and
 * the user is told. One that cannot be finished is reported, its journal kept aside for a person to read.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { restoreBackup, type BackupDeps } from './backup';
import { backupStamp } from './stores/backups';
import { readRestoreJournal, RESTORE_JOURNAL } from './restore-journal';

/** Finishes an interrupted restore in `deps.dataDir`; returns what to tell the user, or null if none. */
export async function finishInterruptedRestore(deps: BackupDeps): Promise<string | null> {
  let when = 'an earlier time';
  try {
    const journal = await readRestoreJournal(deps.dataDir);
    if (!journal) return null;
    when = new Date(journal.startedAtMs).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
    const report = await restoreBackup(deps, journal.text, { acceptEdited: journal.acceptEdited });
    const added = report.orgsAdded.length
      ? ` ${report.orgsAdded.length} ${report.orgsAdded.length === 1 ? 'account' : 'accounts'} added now (${report.orgsAdded.join(', ')}).`
      : '';
    return `A restore started at ${when} was cut off before it finished; Creditwatch finished it now.${added}`;
  } catch (err) {
    const kept = join(deps.dataDir, `${RESTORE_JOURNAL}.failed-${backupStamp(deps.nowMs())}`);
    await rename(join(deps.dataDir, RESTORE_JOURNAL), kept).catch(() => {});
    return `A restore started at ${when} was cut off before it finished, and it could not be finished now (${(err as Error).message}). Restore the backup file again; its details were kept in ${kept}.`;
  }
}
