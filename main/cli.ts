/**
 * `creditwatch` — the command line: serve | status | forecast | export | backup | restore | backtest | simulate.
 * Each command lives in main/commands; this file only dispatches and reports.
 */
import pkg from '../package.json';
import { runBackupsCommand } from './commands/backups-command';
import { once } from 'node:events';
import { runBackupCommand, runRestoreCommand } from './commands/backup-command';
import { runBacktestCommand } from './commands/backtest-command';
import { runExportCommand } from './commands/export-command';
import { runForecastCommand } from './commands/forecast-command';
import { UsageError, createNodeIo } from './commands/io';
import { runServeCommand } from './commands/serve-command';
import { runSimulateCommand } from './commands/simulate-command';
import { runStatusCommand } from './commands/status-command';

const HELP = `Creditwatch ${pkg.version} — where your OpenAI API money goes.

Usage: creditwatch <command> [options]   (creditwatch <command> --help for details)
  serve      run the monitor headless and open it in a browser (127.0.0.1, token-protected)
  status     print each organization's month-to-date spend and sync state, syncing first
  forecast   forecast when a balance crosses the auto-reload threshold from an hourly spend CSV
  export     write stored costs, usage, snapshots, the ledger or hourly spend as CSV or JSON
  backup     write settings, organizations and ledgers to one file (never keys)
  restore    merge a backup into this machine's data, keeping what is already here
  backtest   score the forecaster against hourly spend traces
  simulate   run the built-in OpenAI Admin API simulator
  backups    list an organization's ledger backups, or restore one`;

const io = createNodeIo();
// `creditwatch export … | head`: the reader left; stop quietly, as Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return runServeCommand(rest, io, pkg.version);
    case 'status':
      return runStatusCommand(rest, io, pkg.version);
    case 'forecast':
      return runForecastCommand(rest, io);
    case 'export':
      return runExportCommand(rest, io, {
        async stdout(chunks) {
          for await (const chunk of chunks)
            if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
        },
      });
    case 'backup':
      return runBackupCommand(rest, io);
    case 'restore':
      return runRestoreCommand(rest, io);
    case 'backtest':
      return runBacktestCommand(rest, io);
    case 'simulate':
      return runSimulateCommand(rest, io);
    case 'backups':
      return runBackupsCommand(rest, io, pkg.version);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return 0;
    case '--version':
      io.out(pkg.version);
      return 0;
    default:
      io.err(`Unknown command '${command}'.\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(`${(err as Error).message}\nRun 'creditwatch ${process.argv[2] ?? ''} --help' for usage.`);
      process.exitCode = 2;
    } else {
      io.err(`creditwatch: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  },
);
