/**
 * `creditwatch forecast --org NAME|ID [--data-dir DIR] [--json] [--now ISO]`: one account's answer — how
 * it pays, credit left, when it runs out or reloads next, what the card is charged by month end — read
 * from what the data folder holds, without syncing or writing, in the same lines (or JSON) as `status`
 * prints for that account. Exit codes: 0 ok, 2 bad input (no such folder, unknown or ambiguous name).
 */
import { parseArgs } from 'node:util';
import { ExportInputError, findOrgByRef } from '@core/export/request';
import { defaultDataDir } from '../host/data-dir';
import { openCommandApp } from './command-app';
import { assertDataFolder } from './data-folder';
import { parseNowFlag } from './flags';
import { type CommandIo, UsageError } from './io';
import { accountJson, statusLines } from './status-text';

/** The usage of the account mode, as `forecast --help` shows it. */
export const FORECAST_ORG_USAGE = `Usage: creditwatch forecast --org NAME|ID [--data-dir DIR] [--json] [--now ISO]

Prints one account's figures from what is stored (nothing is synced or written), in the same words as
'creditwatch status' and the page.
  --org NAME|ID   the account: its id, or its name (an exact name first, then ignoring case)
  --data-dir DIR  the data folder (default: the app's)
  --json          the same figures as JSON, as in 'creditwatch status --json'
  --now ISO       the instant to answer for (demo accounts only), e.g. 2026-12-07T09:00:00Z`;

/** Runs the account mode of `forecast`; returns the exit code. */
export async function runForecastOrgCommand(argv: string[], io: CommandIo, version: string): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      org: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      now: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const ref = values.org?.trim();
  if (!ref) throw new UsageError('--org needs the name or id of an account');
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const nowMs = values.now === undefined ? null : parseNowFlag(values.now);
  await assertDataFolder(dataDir);
  // Read only, whether or not an app runs on this folder: nothing is added, finished or synced.
  const app = await openCommandApp({ dataDir, version, nowMs, readOnly: true });
  try {
    const org = findOrg(app.settings.get().orgs, ref);
    const answer = await app.handlers['answer:get']({ orgId: org.id });
    if (values.json) io.out(JSON.stringify(accountJson(answer), null, 2));
    else for (const line of statusLines(answer)) io.out(line);
    return 0;
  } finally {
    await app.close();
  }
}

function findOrg(orgs: Parameters<typeof findOrgByRef>[0], ref: string): ReturnType<typeof findOrgByRef> {
  try {
    return findOrgByRef(orgs, ref);
  } catch (err) {
    if (err instanceof ExportInputError) throw new UsageError(err.message);
    throw err;
  }
}
