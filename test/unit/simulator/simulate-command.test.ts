import { describe, expect, it } from 'vitest';
import { runSimulateCommand, SIMULATE_HELP } from '../../../main/commands/simulate-command';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('creditwatch simulate', () => {
  it('prints help with the fault grammar', async () => {
    const c = capture();
    expect(await runSimulateCommand(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toBe(SIMULATE_HELP);
    expect(SIMULATE_HELP).toContain('429[:retry-after=S]');
    expect(SIMULATE_HELP).toContain('costs=429:retry-after=2x3');
    // Every simulator's targets and actions, from its table.
    expect(SIMULATE_HELP).toContain('admin_api_keys');
    expect(SIMULATE_HELP).toContain('too-many-groups[:N]');
    expect(SIMULATE_HELP).toContain('unknown-currency[:CODE]');
  });

  it.each([
    [['--port', 'eighty'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--speed=-1'], /--speed must be a number/],
    [['--seed', '1.5'], /--seed must be a whole number/],
    [['--history-days', '9999'], /--history-days must be/],
    [['--start', 'yesterday'], /--start must be an ISO time/],
    [['--faults', 'costs=teapot'], /--faults: fault rule 'costs=teapot': unknown action 'teapot'/],
    [['--trace-scale', '2'], /--trace-scale needs --trace/],
    [['--trace', '/no/such/file.csv'], /--trace: cannot read '\/no\/such\/file.csv' \(ENOENT\)/],
    [['--bogus'], /Unknown option '--bogus'/],
    [
      ['--provider', 'mistral'],
      /--provider must be one of openai, anthropic, openrouter, deepseek, not 'mistral'/,
    ],
    [
      ['--provider', 'deepseek', '--cost-lag-minutes', '5'],
      /--cost-lag-minutes is for the OpenAI simulator only/,
    ],
    [['--provider', 'openrouter', '--faults', 'teapot'], /--faults: .*teapot/],
    [
      ['--provider', 'anthropic', '--faults', 'costs=500'],
      /--faults: fault rule 'costs=500': unknown target/,
    ],
    [['--provider', 'deepseek', '--faults', '500x0'], /--faults: .*times must be a whole number/],
  ])('rejects %j with exit code 2 and a clear message', async (argv, message) => {
    const c = capture();
    expect(await runSimulateCommand(argv, c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(message);
    expect(c.err.join('\n')).toContain('creditwatch simulate --help');
  });

  it('rejects a malformed trace file with the line at fault', async () => {
    const c = capture();
    const io = {
      ...c.io,
      readFile: async () =>
        'hour_utc,model,requests,input_tokens,output_tokens,cost_usd\nnope,gpt-4o,1,1,1,1',
    };
    expect(await runSimulateCommand(['--trace', 'x.csv'], io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/trace x: line 2: hour_utc must be an ISO UTC time/);
  });

  it('serves until stopped, printing the base URL and the demo key', async () => {
    const c = capture();
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    const running = runSimulateCommand(
      ['--port', '0', '--speed', '0', '--start', '2026-11-24T15:00:00Z', '--seed', '4'],
      c.io,
      { until },
    );
    await expect.poll(() => c.out.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    const baseUrl = /listening at (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(c.out[0]!)?.[1];
    const key = /Admin key: (sk-admin-\S+)/.exec(c.out[1]!)?.[1];
    expect(baseUrl).toBeDefined();
    const res = await fetch(`${baseUrl}/organization/projects`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    stop();
    expect(await running).toBe(0);
    expect(c.out.at(-1)).toBe('Stopped after 1 request(s).');
  });

  it.each([
    ['deepseek', '/user/balance', /"balance_infos"/],
    ['openrouter', '/credits', /"total_credits"/],
  ])('serves the %s API with --provider, printing how to call it', async (provider, path, body) => {
    const c = capture();
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    const running = runSimulateCommand(
      ['--provider', provider, '--speed', '0', '--start', '2026-11-24T15:00:00Z'],
      c.io,
      { until },
    );
    await expect.poll(() => c.out.length, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    const baseUrl = /listening at (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(c.out[0]!)?.[1];
    const key = /: (sk-\S+)/.exec(c.out[1]!)?.[1];
    expect(c.out[2]).toContain(`${baseUrl}${path}`);
    const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(body);
    stop();
    expect(await running).toBe(0);
  });
});
