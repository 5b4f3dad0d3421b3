// Every subcommand answers --help: exit 0 and its usage on stdout, nothing on stderr, nothing started.
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../../main/commands/io';
import { COMMANDS, cliHelp, runCli } from '../../../main/commands/run-command';

function io(): CommandIo & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return {
    out_,
    err_,
    out: (s) => out_.push(s),
    err: (s) => err_.push(s),
    readFile: async () => '',
    readDir: async () => [],
  };
}
const sinks = { stdout: async () => undefined };

describe('creditwatch <command> --help', () => {
  it('lists every subcommand in the top-level help', async () => {
    const top = io();
    expect(await runCli(['--help'], top, '1.2.3', sinks)).toBe(0);
    expect(top.out_.join('\n')).toBe(cliHelp('1.2.3'));
    for (const { name } of COMMANDS) expect(top.out_.join('\n')).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    expect(COMMANDS.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'serve',
        'status',
        'forecast',
        'export',
        'backup',
        'restore',
        'backtest',
        'simulate',
        'backups',
      ]),
    );
  });

  for (const { name } of COMMANDS)
    it(`${name} --help exits 0 with a Usage: line naming the command`, async () => {
      const out = io();
      expect(await runCli([name, '--help'], out, '0.0.0', sinks)).toBe(0);
      expect(out.err_).toEqual([]);
      expect(out.out_.join('\n')).toMatch(/^Usage: creditwatch /);
      expect(out.out_.join('\n')).toMatch(new RegExp(`^(Usage: | +)creditwatch ${name} `, 'm'));
    });

  it('refuses an unknown command with exit 2', async () => {
    const out = io();
    expect(await runCli(['frobnicate'], out, '0.0.0', sinks)).toBe(2);
    expect(out.err_.join('\n')).toMatch(/^Unknown command 'frobnicate'/);
  });
});
