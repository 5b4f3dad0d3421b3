/**
 * The subcommands of `creditwatch`, by name: what the top-level help lists and what each name runs.
 * main/cli.ts only adds the process around it (stdout, exit code).
 */
import { runBackupsCommand } from './backups-command';
import { runBackupCommand, runRestoreCommand } from './backup-command';
import { runBacktestCommand } from './backtest-command';
import { type ExportSinks, runExportCommand } from './export-command';
import { runForecastCommand } from './forecast-command';
import type { CommandIo } from './io';
import { runServeCommand } from './serve-command';
import { runSimulateCommand } from './simulate-command';
import { runStatusCommand } from './status-command';

/** How a subcommand runs: its arguments after the name, the I/O, the app version, where export streams. */
type Runner = (argv: string[], io: CommandIo, version: string, sinks: ExportSinks) => Promise<number>;

/** Every subcommand: its name, one line for the help, and its runner (in the order the help lists them). */
export const COMMANDS: ReadonlyArray<{ name: string; summary: string; run: Runner }> = [
  {
    name: 'serve',
    summary: 'run the monitor headless and open it in a browser (127.0.0.1, token-protected)',
    run: (argv, io, version) => runServeCommand(argv, io, version),
  },
  {
    name: 'status',
    summary:
      "print each account's credit left, when it runs out or reloads, and active alerts, syncing first",
    run: (argv, io, version) => runStatusCommand(argv, io, version),
  },
  {
    name: 'forecast',
    summary: "print one stored account's figures (--org), or forecast from an hourly spend CSV",
    run: (argv, io, version) => runForecastCommand(argv, io, version),
  },
  {
    name: 'export',
    summary: 'write stored costs, usage, snapshots, the ledger or hourly spend as CSV or JSON',
    run: (argv, io, version, sinks) => runExportCommand(argv, io, sinks, version),
  },
  {
    name: 'backup',
    summary: 'write settings, organizations and ledgers to one file (never keys)',
    run: (argv, io) => runBackupCommand(argv, io),
  },
  {
    name: 'restore',
    summary: "merge a backup into this machine's data, keeping what is already here",
    run: (argv, io) => runRestoreCommand(argv, io),
  },
  {
    name: 'backtest',
    summary: 'score the forecaster against hourly spend traces',
    run: (argv, io) => runBacktestCommand(argv, io),
  },
  {
    name: 'simulate',
    summary: 'run the built-in OpenAI Admin API simulator',
    run: (argv, io) => runSimulateCommand(argv, io),
  },
  {
    name: 'backups',
    summary: "list an organization's ledger backups, or restore one",
    run: (argv, io, version) => runBackupsCommand(argv, io, version),
  },
];

/** The top-level help. */
export function cliHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `Creditwatch ${version} — where your OpenAI API money goes.`,
    '',
    'Usage: creditwatch <command> [options]   (creditwatch <command> --help for details)',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`),
  ].join('\n');
}

/** Runs `creditwatch …argv`; returns the exit code (2 for an unknown command). */
export async function runCli(
  argv: string[],
  io: CommandIo,
  version: string,
  sinks: ExportSinks,
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(cliHelp(version));
    return 0;
  }
  if (command === '--version') {
    io.out(version);
    return 0;
  }
  const found = COMMANDS.find((c) => c.name === command);
  if (found) return found.run(rest, io, version, sinks);
  io.err(`Unknown command '${command}'.\n\n${cliHelp(version)}`);
  return 2;
}
