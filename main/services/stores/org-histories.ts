/**
 * Each account's history folder (`<dataDir>/history/<orgId>/`), opened once and shared by everyone who
 * reads it — the sync engine, the money view, the spend-limit refresher, the exporter — so no one needs
 * the sync engine to find an account's history.
 */
import { join } from 'node:path';
import { openOrgHistory, type OrgHistory } from './history-store';
import { createProblemList, type StoreProblem } from './store-problem';
import { createWriteMeter, type WriteMeter } from './write-meter';

export interface OrgHistories {
  /** The account's history, opened on first use. */
  of(orgId: string): Promise<OrgHistory>;
  /** Forgets the open history of an account whose files were removed (the next `of` opens it afresh). */
  drop(orgId: string): void;
  /** Bytes written by the history stores (the disk-write budget). */
  readonly meter: WriteMeter;
  /** History files that could not be read and were set aside. */
  problems(): StoreProblem[];
}

/** Opens histories under `<dataDir>/history/`. */
export function createOrgHistories(
  dataDir: string,
  opts: { nowMs(): number; onProblem?(p: StoreProblem): void },
): OrgHistories {
  const meter = createWriteMeter();
  const problems = createProblemList(opts.onProblem);
  const open = new Map<string, Promise<OrgHistory>>();
  return {
    of(orgId) {
      let history = open.get(orgId);
      if (!history) {
        history = openOrgHistory(join(dataDir, 'history', orgId), { meter, problems, nowMs: opts.nowMs });
        open.set(orgId, history);
      }
      return history;
    },
    drop: (orgId) => void open.delete(orgId),
    meter,
    problems: () => problems.list(),
  };
}
