/**
 * `creditwatch backtest --traces DIR [--traces DIR…] [--seed N] [--paths N] [--json]`: runs BILLING.md §4's
 * backtest over every hourly trace CSV in each DIR and reports ours against naive linear and the
 * last-24-hour run rate. (Out-of-fold figures: `npx tsx test/bench/run.ts forecast-cv`.)
 * Exit codes: 0 ok, 2 bad input.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PATHS } from '@core/forecast/engine';
import { type BacktestReport, runBacktest } from '@core/forecast/backtest';
import { type CommandIo, UsageError } from './io';
import { parseIntFlag } from './flags';
import { HistoryCsvError, parseHistoryCsv } from './history-csv';

/** What `creditwatch backtest --help` prints. */
export const BACKTEST_HELP = `Usage: creditwatch backtest --traces DIR [--traces DIR…] [--seed N] [--paths N] [--json]

Scores the forecaster, and two simple baselines (a straight line, the last day's rate), on every hourly
spend file (header hour_utc,…) in each folder.
  --traces DIR  a folder of hourly spend CSV files (repeat for more folders)
  --seed N      the random seed (default 1)
  --paths N     simulated paths per forecast, 10 to 100000 (default ${DEFAULT_PATHS})
  --json        the report as JSON instead of a markdown table`;

/** Runs the command; returns the exit code. */
export async function runBacktestCommand(argv: string[], io: CommandIo): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        traces: { type: 'string', multiple: true },
        seed: { type: 'string' },
        paths: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      io.out(BACKTEST_HELP);
      return 0;
    }
    if (!values.traces?.length) throw new UsageError('--traces DIR is required');
    const seed = parseIntFlag('seed', values.seed, 1, 0, 2 ** 31 - 1);
    const paths = parseIntFlag('paths', values.paths, DEFAULT_PATHS, 10, 100_000);
    const traces = [];
    for (const given of values.traces) {
      const dir = given.replace(/\/+$/, '');
      const names = (
        await io.readDir(dir).catch((e: unknown) => {
          throw new UsageError(`cannot read --traces ${dir}: ${(e as Error).message}`);
        })
      )
        .filter((n) => n.toLowerCase().endsWith('.csv'))
        .sort();
      const before = traces.length;
      for (const name of names) {
        const text = await io.readFile(`${dir}/${name}`);
        // The folder may hold an index or other tables: only files with the hourly header are traces.
        if (!/^\uFEFF?hour_utc,/.test(text)) continue;
        try {
          const label = values.traces.length > 1 ? `${dir}/${name}` : name;
          traces.push({ name: label.replace(/\.csv$/i, ''), series: parseHistoryCsv(text).series });
        } catch (error) {
          if (error instanceof HistoryCsvError) throw new UsageError(`${name}: ${error.message}`);
          throw error;
        }
      }
      if (traces.length === before)
        throw new UsageError(`no hourly trace CSVs (header hour_utc,…) in ${dir}`);
    }
    const { report } = runBacktest(traces, { seed, paths });
    io.out(values.json ? JSON.stringify(report) : formatBacktestMarkdown(report));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      io.err(`creditwatch backtest: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

/** The report as a README-ready markdown table. */
export function formatBacktestMarkdown(r: BacktestReport): string {
  const f = (x: number): string => x.toFixed(1);
  const rows = ['overall', ...r.protocol.horizons.map(String)].map((k) => {
    const pick = <S>(m: { overall: S; byHorizon: Record<string, S> }): S =>
      k === 'overall' ? m.overall : (m.byHorizon[k] as S);
    const o = pick(r.methods.ours);
    const n = pick(r.methods.naiveLinear);
    const l = pick(r.methods.last24h);
    const label = k === 'overall' ? '**all**' : `${k} h`;
    return `| ${label} | ${o.cases} | ${f(o.medianAbsErrorHours)} / ${f(o.meanAbsErrorHours)} / ${f(o.p90AbsErrorHours)} | ${f(n.medianAbsErrorHours)} / ${f(n.meanAbsErrorHours)} / ${f(n.p90AbsErrorHours)} | ${f(l.medianAbsErrorHours)} / ${f(l.meanAbsErrorHours)} / ${f(l.p90AbsErrorHours)} | ${Math.round(o.coverageP10P90 * 100)} % | ${f(o.medianWidthHours)} |`;
  });
  return [
    `Backtest: ${r.traces} traces, ${r.cases} cases (skipped: ${r.skipped.zeroSpendWindow} zero-spend windows, ${r.skipped.noSpendBeforeCut} with no spend before the cut); seed ${r.protocol.seed}, ${r.protocol.paths} paths.`,
    '',
    '| horizon | cases | ours: median / mean / p90 abs error of P50 (h) | naive linear | last-24 h rate | ours: P10–P90 coverage | ours: median P10–P90 width (h) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
