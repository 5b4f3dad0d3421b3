/**
 * `creditwatch export --org NAME|ID --from DATE --to DATE --what costs|usage|snapshots|ledger|hourly
 *  --format csv|json [--out FILE] [--data-dir DIR] [--now ISO]`: writes an export from the stored data
 * (it does not sync first), to FILE or to stdout. Exit codes: 0 ok, 2 bad input (nothing is changed).
 */
import { parseArgs } from 'node:util';
import { ExportInputError, ExportRequestSchema, planExport } from '@core/export/request';
import type { Clock } from '@core/time';
import type { App } from '../app/create-app';
import { PinnedClockError } from '../app/pinned-clock';
import { defaultDataDir } from '../host/data-dir';
import { SYSTEM_CLOCK } from '../services/clock';
import { exportChunks, writeExportFile } from '../services/exporter';
import { openCommandApp } from './command-app';
import { clockFromFlag, fileErrorText, openDataFolder } from './data-folder';
import { type CommandIo, UsageError } from './io';
import { checkOutPath, STDOUT } from './out-path';

export const EXPORT_HELP = `Usage: creditwatch export --org NAME|ID|all --from YYYY-MM-DD --to YYYY-MM-DD
                         --what costs|usage|snapshots|ledger|hourly --format csv|json [--out FILE|-]
                         [--data-dir DIR] [--now ISO]

Writes stored history (as of the last sync; it does not sync) to FILE, or to standard output (no --out,
or --out -). FILE must be outside the data folder and a new name or an existing regular file.
  --what costs      daily costs by project and line item (settled days, and today's provisional figure)
         usage      hourly usage by model and project (kept for the last 14 days)
         snapshots  what each sync saw: month to date, today, estimated balance, the forecast's key figures,
                    then each account's figures now, in the words 'creditwatch status' prints
         ledger     the billing rule and the ledger entries in the range
         hourly     hourly spend in the 'creditwatch forecast --history' format (one organization)
  Dates are UTC days, both included; --now sets "now" (default: the real time).`;

/** A writable sink for stdout that honours back-pressure. */
export interface ExportSinks {
  stdout(chunks: AsyncIterable<string>): Promise<void>;
}

/** Runs the command; returns the exit code. */
export async function runExportCommand(
  argv: string[],
  io: CommandIo,
  sinks: ExportSinks,
  version = '',
): Promise<number> {
  let app: App | null = null;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        org: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        what: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        out: { type: 'string' },
        'data-dir': { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      io.out(EXPORT_HELP);
      return 0;
    }
    for (const need of ['org', 'from', 'to', 'what'] as const)
      if (values[need] === undefined) throw new UsageError(`--${need} is required.\n\n${EXPORT_HELP}`);
    const parsed = ExportRequestSchema.safeParse({
      org: values.org === 'all' ? null : values.org,
      from: values.from,
      to: values.to,
      what: values.what,
      format: values.format,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(
        `--${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'} (got "${String(values[issue?.path[0] as 'from'] ?? '')}").`,
      );
    }
    const clock = clockFromFlag(values.now, SYSTEM_CLOCK);
    const dataDir = values['data-dir'] ?? defaultDataDir();
    const out = values.out === undefined ? STDOUT : await checkOutPath(values.out, dataDir);
    const folder = await openDataFolder(dataDir, clock, (m) => io.err(`note: ${m}`), {
      mustExist: true,
    });
    const plan = planExport(parsed.data, folder.settings.get().orgs, clock.nowMs());
    // A snapshots export ends with each account's answer now: the app's own, opened read only.
    app = plan.what === 'snapshots' ? await answeringApp(dataDir, clock, version, io) : null;
    const answering = app;
    const chunks = exportChunks(
      {
        history: folder.history,
        ledger: (id) => folder.ledgers.get(id),
        zone: folder.zone(),
        answer: answering ? (orgId) => answering.handlers['answer:get']({ orgId }) : undefined,
      },
      plan,
    );
    if (out === STDOUT) await sinks.stdout(chunks);
    else {
      await writeExportFile(chunks, out).catch((err: unknown) => {
        throw new UsageError(fileErrorText(out, err));
      });
      io.err(`Wrote ${plan.what} (${plan.format}) to ${out}.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ExportInputError || isArgError(error)) {
      io.err(`creditwatch export: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  } finally {
    await app?.close();
  }
}

/**
 * The app over `dataDir`, read only (nothing synced, added or written), to quote each account's answer; null
 * with a note when it cannot answer on this clock (a --now beside a real organization).
 */
async function answeringApp(
  dataDir: string,
  clock: Clock,
  version: string,
  io: CommandIo,
): Promise<App | null> {
  try {
    // A --now clock stands still on its instant, as the command app's own.
    const nowMs = clock === SYSTEM_CLOCK ? null : clock.nowMs();
    return await openCommandApp({ dataDir, version, nowMs, readOnly: true });
  } catch (err) {
    if (!(err instanceof PinnedClockError)) throw err;
    io.err(`note: the accounts' figures now are left out: ${err.message}`);
    return null;
  }
}

/** parseArgs' own errors (unknown flag, missing value). */
export function isArgError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')
  );
}
