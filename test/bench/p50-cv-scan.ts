/**
 * A quick out-of-fold scan of P50 candidate grids (the P50 step of forecast-cv.bench.ts only, no bands; a
 * few seconds): for each grid and fold scheme, the P50 parameters are chosen on the other folds by
 * `p50Loss` and the held-out folds are scored together. Prints the acceptance ratios per grid, one line
 * per scheme. Run: `npx tsx test/bench/p50-cv-scan.ts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CvCase, caseBands, chooseOutOfFold, cvCases } from '@core/forecast/cross-validation';
import { acceptanceRatios, p50Loss } from '@core/forecast/cv-scores';
import { DEFAULT_MODEL_PARAMS, type ModelParams } from '@core/forecast/spend-model';
import { parseHistoryCsv } from '../../main/commands/history-csv';

const cases: CvCase[] = ['traces', 'traces-14d'].flatMap((d) => {
  const dir = fileURLToPath(new URL(`../fixtures/${d}/`, import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv') && f !== 'index.csv')
    .sort()
    .flatMap((f) =>
      cvCases(`${d}/${f.replace(/\.csv$/, '')}`, parseHistoryCsv(readFileSync(dir + f, 'utf8')).series),
    );
});
const traceNames = [...new Set(cases.map((c) => c.trace))].sort();
const pool = (c: CvCase) => (c.trace.split('/')[1] as string).split('_')[0] as string;
const schemes = [
  { name: 'pool', folds: 3, foldOf: cases.map((c) => ['m-large', 'm-mid', 'm-small'].indexOf(pool(c))) },
  { name: '5-fold', folds: 5, foldOf: cases.map((c) => traceNames.indexOf(c.trace) % 5) },
];
const all = cases.map((_, i) => i);
const cache = new Map<string, Float64Array>();
const p50Of = (g: Partial<ModelParams>): Float64Array => {
  const key = JSON.stringify(g);
  if (!cache.has(key))
    cache.set(
      key,
      Float64Array.from(cases, (c) => caseBands(c, { ...DEFAULT_MODEL_PARAMS, ...g }, 0).p50),
    );
  return cache.get(key) as Float64Array;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const show = (p50: Float64Array) => {
  const a = acceptanceRatios(cases, all, p50);
  const h = Object.values(a.byHorizonVsBetter).map(r3).join('/');
  return `×last-24h ${r3(a.xLast24h)}  ×naive ${r3(a.xNaive)}  mean ${r3(a.meanVsBetter)}  12/24/48/72 h ${h}`;
};
const grid = (axes: Record<string, number[]>): Array<Partial<ModelParams>> =>
  Object.entries(axes).reduce<Array<Partial<ModelParams>>>(
    (out, [k, vs]) => out.flatMap((g) => vs.map((v) => ({ ...g, [k]: v }))),
    [{}],
  );

function scan(label: string, g: Array<Partial<ModelParams>>): void {
  const p50s = g.map(p50Of);
  const loss = (k: number, idx: number[]) => p50Loss(cases, idx, p50s[k] as Float64Array);
  const lines = [`${label} (${g.length} candidates)`];
  for (const s of schemes) {
    const ch = chooseOutOfFold(s.foldOf, s.folds, g.length, loss);
    const oof = Float64Array.from(
      cases,
      (_, i) => (p50s[ch[s.foldOf[i] as number] as number] as Float64Array)[i] as number,
    );
    lines.push(`  ${s.name.padEnd(7)} ${show(oof)}`);
  }
  const best = chooseOutOfFold(
    all.map(() => 1),
    1,
    g.length,
    loss,
  )[0] as number;
  lines.push(`  in-sample ${show(p50s[best] as Float64Array)}  chosen ${JSON.stringify(g[best])}`);
  console.log(lines.join('\n'));
}

const hl = [0.25, 0.35, 0.5, 1.5];
const rev = [0.7, 0.8, 0.9];
const rest = { trendPriorDays: [1, 4], profilePower: [0, 0.5, 1] };
scan(
  'previous grid (delay 0)',
  grid({ levelHalfLifeDays: hl, reversionPerDay: rev, reversionDelayDays: [0], ...rest }),
);
scan(
  '+ half-life 0.1/0.15/0.2',
  grid({
    levelHalfLifeDays: [0.1, 0.15, 0.2, ...hl],
    reversionPerDay: rev,
    reversionDelayDays: [0],
    ...rest,
  }),
);
scan(
  '+ reversion 0.6/0.65/0.75/0.85',
  grid({
    levelHalfLifeDays: hl,
    reversionPerDay: [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9],
    reversionDelayDays: [0],
    ...rest,
  }),
);
scan(
  '+ no trend',
  grid({
    levelHalfLifeDays: hl,
    reversionPerDay: rev,
    reversionDelayDays: [0],
    trendPriorDays: [1, 4, 1e9],
    profilePower: [0, 0.5, 1],
  }),
);
scan(
  '+ delay 0/0.5 (shipped grid)',
  grid({ levelHalfLifeDays: hl, reversionPerDay: rev, reversionDelayDays: [0, 0.5], ...rest }),
);
scan(
  '+ delay 0/0.5, reversion 0.6',
  grid({ levelHalfLifeDays: hl, reversionPerDay: [0.6, ...rev], reversionDelayDays: [0, 0.5], ...rest }),
);
scan(
  '+ delay 0/0.5/1, reversion 0.6',
  grid({ levelHalfLifeDays: hl, reversionPerDay: [0.6, ...rev], reversionDelayDays: [0, 0.5, 1], ...rest }),
);
scan(
  '+ delay 0/0.25/0.5/1/1.5, reversion 0.5/0.6',
  grid({
    levelHalfLifeDays: hl,
    reversionPerDay: [0.5, 0.6, ...rev],
    reversionDelayDays: [0, 0.25, 0.5, 1, 1.5],
    ...rest,
  }),
);
