/**
 * `creditwatch` — the command line: serve | status | forecast | export | backup | restore | backtest | simulate.
 * Each command lives in main/commands (run-command.ts names them); this file only wires the process.
 */
import pkg from '../package.json';
import { once } from 'node:events';
import { UsageError, createNodeIo } from './commands/io';
import { runCli } from './commands/run-command';

const io = createNodeIo();
// `creditwatch export … | head`: the reader left; stop quietly, as Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const main = (argv: string[]): Promise<number> =>
  runCli(argv, io, pkg.version, {
    async stdout(chunks) {
      for await (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    },
  });

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
