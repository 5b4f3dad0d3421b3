/**
 * Cross-validation over clients of the forecast's parameters on both development trace sets
 * (test/fixtures/traces: 30 traces × 6 days; test/fixtures/traces-14d: 40 clients × 14 days).
 *
 * Two fold schemes: leave one pool out (m-large, m-mid, m-small) and 5-fold over clients. For each held-out
 * fold, the P50 parameters are chosen on the other folds (loss: the worst acceptance ratio, see
 * cv-scores.ts), then the band parameters given that P50 (loss: the largest distance of any horizon's
 * P10–P90 coverage from 80 %, plus 0.0001 per hour of median width); the held-out fold is then scored with
 * them. The held-out folds together give the out-of-fold figures printed per horizon. `shipped` is the
 * same choice made on all cases (the defaults in spend-model.ts). Bands use 400 paths here (2,000 in the
 * app); the P50 takes no draws. Run alone: `npx tsx test/bench/run.ts forecast-cv`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type CvBands,
  type CvCase,
  caseBands,
  chooseOutOfFold,
  cvCases,
} from '@core/forecast/cross-validation';
import { acceptanceRatios, bandLoss, p50Loss, summarize } from '@core/forecast/cv-scores';
import { quantile } from '@core/forecast/quantiles';
import { DEFAULT_MODEL_PARAMS, type ModelParams } from '@core/forecast/spend-model';
import { parseHistoryCsv } from '../../main/commands/history-csv';

const BAND_PATHS = 400;
const DIRS = ['traces', 'traces-14d'];

const P50_GRID: Array<Partial<ModelParams>> = [];
for (const levelHalfLifeDays of [0.25, 0.35, 0.5, 1.5])
  for (const reversionPerDay of [0.7, 0.8, 0.9])
    for (const reversionDelayDays of [0, 0.5])
      for (const trendPriorDays of [1, 4])
        for (const profilePower of [0, 0.5, 1])
          P50_GRID.push({
            levelHalfLifeDays,
            reversionPerDay,
            reversionDelayDays,
            trendPriorDays,
            profilePower,
          });
const BAND_GRID: Array<Partial<ModelParams>> = [];
for (const spreadScale of [1.2, 1.35, 1.5])
  for (const lowTailScale of [1, 1.3])
    for (const dayCorrelation of [0.8, 0.9]) BAND_GRID.push({ spreadScale, lowTailScale, dayCorrelation });

const round3 = (r: object): object =>
  JSON.parse(
    JSON.stringify(r, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)),
  ) as object;

function loadCases(): CvCase[] {
  return DIRS.flatMap((d) => {
    const dir = fileURLToPath(new URL(`../fixtures/${d}/`, import.meta.url));
    return readdirSync(dir)
      .filter((f) => f.endsWith('.csv') && f !== 'index.csv')
      .sort()
      .flatMap((f) =>
        cvCases(`${d}/${f.replace(/\.csv$/, '')}`, parseHistoryCsv(readFileSync(dir + f, 'utf8')).series),
      );
  });
}

export async function bench(): Promise<Record<string, unknown>> {
  const cases = loadCases();
  const traceNames = [...new Set(cases.map((c) => c.trace))].sort();
  const pool = (c: CvCase) => (c.trace.split('/')[1] as string).split('_')[0] as string;
  const schemes: Array<{ name: string; folds: number; foldOf: number[] }> = [
    {
      name: 'leave one pool out',
      folds: 3,
      foldOf: cases.map((c) => ['m-large', 'm-mid', 'm-small'].indexOf(pool(c))),
    },
    { name: '5-fold over clients', folds: 5, foldOf: cases.map((c) => traceNames.indexOf(c.trace) % 5) },
  ];
  const params = (p50: number, band: number): ModelParams => ({
    ...DEFAULT_MODEL_PARAMS,
    ...P50_GRID[p50],
    ...BAND_GRID[band],
  });
  const p50s = P50_GRID.map((_, k) => Float64Array.from(cases, (c) => caseBands(c, params(k, 0), 0).p50));
  const bandCache = new Map<string, CvBands[]>();
  const bandsOf = (p50: number, band: number): CvBands[] => {
    const key = `${p50}/${band}`;
    if (!bandCache.has(key))
      bandCache.set(
        key,
        cases.map((c) => caseBands(c, params(p50, band), BAND_PATHS)),
      );
    return bandCache.get(key) as CvBands[];
  };
  const bandLossWithWidth = (b: CvBands[], idx: number[]) =>
    bandLoss(cases, idx, b) +
    0.0001 *
      quantile(
        idx.map((i) => Math.min(168, (b[i] as CvBands).p90) - (b[i] as CvBands).p10),
        0.5,
      );
  const choose = (foldOf: number[], folds: number) => {
    const p50Choice = chooseOutOfFold(foldOf, folds, P50_GRID.length, (k, idx) =>
      p50Loss(cases, idx, p50s[k] as Float64Array),
    );
    const bandChoice = p50Choice.map((p, f) => {
      const onlyFold = foldOf.map((g) => (g === f ? 0 : 1));
      return chooseOutOfFold(onlyFold, 1, BAND_GRID.length, (k, idx) =>
        bandLossWithWidth(bandsOf(p, k), idx),
      )[0] as number;
    });
    return { p50Choice, bandChoice };
  };

  const outOfFold = schemes.map(({ name, folds, foldOf }) => {
    const { p50Choice, bandChoice } = choose(foldOf, folds);
    const oof = cases.map(
      (_, i) =>
        bandsOf(p50Choice[foldOf[i] as number] as number, bandChoice[foldOf[i] as number] as number)[
          i
        ] as CvBands,
    );
    return {
      scheme: name,
      chosen: p50Choice.map((p, f) => ({ fold: f, ...P50_GRID[p], ...BAND_GRID[bandChoice[f] as number] })),
      acceptance: round3(
        acceptanceRatios(
          cases,
          cases.map((_, i) => i),
          oof.map((b) => b.p50),
        ),
      ),
      byHorizon: summarize(cases, oof),
    };
  });
  const all = choose(
    cases.map(() => 1),
    1,
  );
  const shipped = { ...P50_GRID[all.p50Choice[0] as number], ...BAND_GRID[all.bandChoice[0] as number] };
  const asShipped = P50_GRID.findIndex((g) =>
    Object.entries(g).every(([k, v]) => DEFAULT_MODEL_PARAMS[k as keyof ModelParams] === v),
  );
  const bandShipped = BAND_GRID.findIndex((g) =>
    Object.entries(g).every(([k, v]) => DEFAULT_MODEL_PARAMS[k as keyof ModelParams] === v),
  );
  return {
    cases: cases.length,
    traces: traceNames.length,
    bandPaths: BAND_PATHS,
    chosenOnAllCases: shipped,
    // The P50 defaults must be the choice on all cases; the band defaults are a tied alternative (docs/ledger-and-forecast.md).
    defaultsMatchChoice: { p50: asShipped === all.p50Choice[0], bands: bandShipped === all.bandChoice[0] },
    inSampleAcceptance:
      asShipped >= 0
        ? round3(
            acceptanceRatios(
              cases,
              cases.map((_, i) => i),
              p50s[asShipped] as Float64Array,
            ),
          )
        : null,
    inSampleWithDefaults:
      asShipped >= 0 && bandShipped >= 0
        ? summarize(cases, bandsOf(asShipped, bandShipped))
        : 'defaults are off the grid',
    outOfFold,
  };
}
