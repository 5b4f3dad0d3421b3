import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runForecastCommand } from '../../../main/commands/forecast-command';
import { runBacktestCommand } from '../../../main/commands/backtest-command';
import type { CommandIo } from '../../../main/commands/io';

const TRACE = readFileSync(new URL('../../fixtures/traces/m-mid_c005.csv', import.meta.url), 'utf8');
const HEADER = 'hour_utc,model,requests,input_tokens,output_tokens,cost_usd';

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const port: CommandIo = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    readFile: async (p) => {
      const f = files[p];
      if (f === undefined) throw new Error('ENOENT: no such file');
      return f;
    },
    readDir: async (dir: string) =>
      Object.keys(files)
        .filter((p) => p.startsWith(`${dir}/`))
        .map((p) => p.replace(/^.*\//, '')),
  };
  return { port, out, err };
}
const ARGS = [
  '--history',
  'h.csv',
  '--now',
  '2025-04-04T00:00:00Z',
  '--balance',
  '500',
  '--threshold',
  '100',
];

describe('creditwatch forecast', () => {
  it('prints the JSON contract, ignoring rows at or after --now', async () => {
    const t = io({ 'h.csv': TRACE });
    expect(await runForecastCommand([...ARGS, '--recharge-to', '400', '--json'], t.port)).toBe(0);
    const json = JSON.parse(t.out.join(''));
    expect(json.now).toBe('2025-04-04T00:00:00.000Z');
    for (const k of ['p10', 'p50', 'p90'])
      expect(json.crossing[k] === null || Date.parse(json.crossing[k]) > Date.parse(json.now)).toBe(true);
    expect(json.crossing.probabilityWithinHorizon).toBeGreaterThanOrEqual(0);
    expect(json.history.hours).toBe(72);
    expect(json.history.ignoredRowsAtOrAfterNow).toBe(72);
    expect(json.reloads.count.p50).toBeGreaterThan(0);
    expect(json.monthEnd.at).toBe('2025-05-01T00:00:00.000Z');
  });

  it('sums several models in one hour', async () => {
    const csv = [
      HEADER,
      '2025-04-01T00:00:00Z,a,1,1,1,1.5',
      '2025-04-01T00:00:00Z,b,1,1,1,0.5',
      '2025-04-01T01:00:00Z,a,1,1,1,2',
    ].join('\n');
    const t = io({ 'h.csv': csv });
    expect(
      await runForecastCommand(
        [
          '--history',
          'h.csv',
          '--now',
          '2025-04-01T02:00:00Z',
          '--balance',
          '10',
          '--threshold',
          '0',
          '--json',
        ],
        t.port,
      ),
    ).toBe(0);
    expect(JSON.parse(t.out.join('')).history.models).toEqual(['a', 'b']);
  });

  it('prints a short human summary without --json', async () => {
    const t = io({ 'h.csv': TRACE });
    expect(await runForecastCommand(ARGS, t.port)).toBe(0);
    expect(t.out.join('')).toMatch(/Crosses the threshold/);
  });

  const bad: Array<[string, string, string[], RegExp]> = [
    [
      'a gap',
      [HEADER, '2025-04-01T00:00:00Z,a,1,1,1,1', '2025-04-01T02:00:00Z,a,1,1,1,1'].join('\n'),
      [],
      /gap: no row for 2025-04-01T01:00/,
    ],
    [
      'a duplicate hour',
      [HEADER, '2025-04-01T00:00:00Z,a,1,1,1,1', '2025-04-01T00:00:00Z,a,1,1,1,1'].join('\n'),
      [],
      /line 3: duplicate/,
    ],
    ['a negative cost', [HEADER, '2025-04-01T00:00:00Z,a,1,1,1,-1'].join('\n'), [], /negative/],
    ['a non-numeric cost', [HEADER, '2025-04-01T00:00:00Z,a,1,1,1,abc'].join('\n'), [], /not a number/],
    ['an empty file', '', [], /empty/],
    ['threshold above balance', TRACE, ['--threshold', '900'], /above --balance/],
    ['target below threshold', TRACE, ['--recharge-to', '50'], /must be above --threshold/],
    ['a ten-year horizon', TRACE, ['--horizon-hours', '87600'], /horizon-hours/],
    ['an unknown flag', TRACE, ['--frobnicate'], /Unknown option/],
    [
      'a history in two currencies',
      [`${HEADER},currency`, '2025-04-01T00:00:00Z,a,1,1,1,1,CNY', '2025-04-01T01:00:00Z,a,1,1,1,1,USD'].join(
        '\n',
      ),
      [],
      /line 3: currency USD differs from CNY/,
    ],
    [
      '--currency against the file',
      [`${HEADER},currency`, '2025-04-01T00:00:00Z,a,1,1,1,1,CNY'].join('\n'),
      ['--currency', 'USD'],
      /--currency USD differs from the history file's CNY/,
    ],
    ['an unknown --currency', TRACE, ['--currency', 'yuan'], /not a currency code/],
  ];
  for (const [name, csv, extra, message] of bad) {
    it(`exits 2 with a clear message for ${name}`, async () => {
      const t = io({ 'h.csv': csv });
      const args = [...ARGS];
      for (let i = 0; i < extra.length; i++) {
        const at = args.indexOf(extra[i] as string);
        if (at >= 0 && extra[i + 1] !== undefined && !(extra[i + 1] as string).startsWith('--'))
          args[at + 1] = extra[++i] as string;
        else args.push(extra[i] as string);
      }
      expect(await runForecastCommand(args, t.port)).toBe(2);
      expect(t.err.join('')).toMatch(message);
      expect(t.out).toEqual([]);
    });
  }
});

describe('creditwatch forecast in another currency', () => {
  const cny = [
    `${HEADER},currency`,
    ...TRACE.trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => `${l},CNY`),
  ].join('\n');

  it("writes the figures in the history file's currency and says which in the JSON", async () => {
    const t = io({ 'h.csv': cny });
    expect(await runForecastCommand([...ARGS, '--recharge-to', '400'], t.port)).toBe(0);
    const text = t.out.join('\n');
    expect(text).toMatch(/balance CN¥500\.00, threshold CN¥100\.00/);
    expect(text).toMatch(/Spend to month end: CN¥[\d,]+\.\d\d \(CN¥/);
    expect(text).not.toContain('$');
    const j = io({ 'h.csv': cny });
    expect(await runForecastCommand([...ARGS, '--json'], j.port)).toBe(0);
    expect(JSON.parse(j.out.join('')).currency).toBe('CNY');
  });

  it('takes --currency for a file without the column, and stays in US dollars without either', async () => {
    const t = io({ 'h.csv': TRACE });
    expect(await runForecastCommand([...ARGS, '--currency', 'CNY'], t.port)).toBe(0);
    expect(t.out.join('\n')).toMatch(/balance CN¥500\.00/);
    const u = io({ 'h.csv': TRACE });
    expect(await runForecastCommand(ARGS, u.port)).toBe(0);
    expect(u.out.join('\n')).toMatch(/balance \$500\.00, threshold \$100\.00/);
  });
});

describe('creditwatch backtest', () => {
  it('follows the protocol: cuts at midnights with 48 h of history, horizons that fit, zero-spend windows skipped', async () => {
    const steady = [
      HEADER,
      ...Array.from(
        { length: 96 },
        (_, i) =>
          `${new Date(Date.UTC(2025, 3, 1) + i * 3600e3).toISOString().replace('.000', '')},a,1,1,1,1`,
      ),
    ].join('\n');
    const t = io({ 'd/x.csv': steady, 'd/index.csv': 'trace_id,kind\nx,client' });
    expect(await runBacktestCommand(['--traces', 'd', '--paths', '200', '--json'], t.port)).toBe(0);
    const r = JSON.parse(t.out.join(''));
    // 4 days: cuts at day 2 (12, 24, 48 fit) and day 3 (12, 24 fit) → 5 cases.
    expect(r.cases).toBe(5);
    expect(r.traces).toBe(1);
    expect(Object.keys(r.methods)).toEqual(['ours', 'naiveLinear', 'last24h']);
    // Steady $1/h: the baselines are exact and ours is close.
    expect(r.methods.naiveLinear.overall.medianAbsErrorHours).toBeCloseTo(0, 6);
    expect(r.methods.ours.overall.medianAbsErrorHours).toBeLessThan(3);
    expect(r.methods.ours.overall.coverageP10P90).toBeGreaterThan(0.5);
  });

  it('runs over several folders at once, naming each trace by its folder', async () => {
    const rows = (n: number) =>
      [
        HEADER,
        ...Array.from(
          { length: n },
          (_, i) =>
            `${new Date(Date.UTC(2025, 3, 1) + i * 3600e3).toISOString().replace('.000', '')},a,1,1,1,1`,
        ),
      ].join('\n');
    const t = io({ 'a/x.csv': rows(96), 'b/x.csv': rows(72) });
    expect(
      await runBacktestCommand(['--traces', 'a', '--traces', 'b/', '--paths', '50', '--json'], t.port),
    ).toBe(0);
    const r = JSON.parse(t.out.join(''));
    // a: 5 cases (as above); b: 3 days → one cut at day 2 with 12 and 24 h → 2 cases.
    expect(r.traces).toBe(2);
    expect(r.cases).toBe(7);
  });

  it('exits 2 when the folder holds no traces', async () => {
    const t = io({ 'd/index.csv': 'trace_id\n' });
    expect(await runBacktestCommand(['--traces', 'd'], t.port)).toBe(2);
    expect(t.err.join('')).toMatch(/no hourly trace/);
  });
});
