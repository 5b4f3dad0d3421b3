/**
 * `creditwatch simulate`: runs the built-in OpenAI Admin API simulator on 127.0.0.1, for trying
 * Creditwatch (or any Admin API client) without a real key, and for scripted tests.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PROVIDER_IDS, PROVIDERS, ProviderIdSchema, type ProviderId } from '@core/providers';
import { parseArgs } from 'node:util';
import {
  createSimClock,
  DEMO_ADMIN_KEY,
  parseFaults,
  startSimulator,
  type SimulatorOptions,
} from '../simulator/index';
import { startProviderSimulator, type RunningProviderSimulator } from '../simulator/start-provider';
import { ANTHROPIC_FAULTS, parseAnthropicFaults } from '../simulator/anthropic/faults';
import { BALANCE_FAULTS, parseBalanceFaults } from '../simulator/balance/faults';
import { describeFaultTable, type FaultTable } from '../simulator/fault-grammar';
import { OPENAI_FAULTS } from '../simulator/faults';

export const SIMULATE_HELP = `Usage: creditwatch simulate [--provider P] [--port N] [--trace FILE.csv [--trace-scale X]] [--speed X]
                           [--start ISO] [--faults SPEC] [--seed N] [--history-days N] [--cost-lag-minutes N]

Serves a local OpenAI Admin API (costs, usage, projects, spend limit) with believable, deterministic spend,
or, with --provider, the API of another provider on the same spend model.
  --provider P          openai (default) | anthropic (cost and usage reports, workspaces) | openrouter
                        (/credits, /key) | deepseek (/user/balance, in CNY); --trace, --trace-scale and
                        --cost-lag-minutes are for openai only; --faults takes that simulator's
                        targets and actions (below)
  --port N              port on 127.0.0.1 (default 0: any free port)
  --trace FILE.csv      replay an hourly trace (hour_utc,model,requests,input_tokens,output_tokens,cost_usd)
  --trace-scale X       multiply the trace's costs by X (default 1)
  --speed X             simulated seconds per real second (default 1; 0 freezes time; 60 = a minute per second)
  --start ISO           simulated time at start, e.g. 2026-11-24T15:00:00Z (default: now)
  --faults SPEC         make requests fail (below)
  --seed N              spend and faults are the same for the same seed (default 1)
  --history-days N      days of spend before the start (default 120)
  --cost-lag-minutes N  how long after an hour ends its cost shows in /costs (default 30)

Fault SPEC: comma-separated TARGET=ACTION rules (openrouter and deepseek: ACTION alone, for every request),
each optionally ending in xN (next N requests) or @P (probability).
${faultHelp()}
  e.g.    costs=429:retry-after=2x3,completions=latency:800,*=500@0.1

Any key starting sk-admin- is accepted; sk-proj- keys get OpenAI's "Missing scopes" 401.`;

/** Each simulator's fault targets and actions, from its table, wrapped to the width of this help. */
function faultHelp(): string {
  const tables: Array<[string, FaultTable<{ kind: string }>]> = [
    ['openai', OPENAI_FAULTS],
    ['anthropic', ANTHROPIC_FAULTS],
    ['openrouter, deepseek', BALANCE_FAULTS],
  ];
  const wrap = (line: string): string[] => {
    const out: string[] = [];
    for (const part of line.split(' | ')) {
      const last = out.length - 1;
      if (last >= 0 && out[last]!.length + part.length + 3 <= 100) out[last] += ` | ${part}`;
      else out.push(last < 0 ? `    ${part}` : `            | ${part}`);
    }
    return out;
  };
  return tables
    .map(([names, table]) => [`  ${names}:`, ...describeFaultTable(table).flatMap(wrap)].join('\n'))
    .join('\n');
}

/** Each simulator's fault parser, to refuse a bad spec before anything starts. */
const FAULT_PARSERS: Record<ProviderId, (spec: string) => unknown> = {
  openai: parseFaults,
  anthropic: parseAnthropicFaults,
  openrouter: parseBalanceFaults,
  deepseek: parseBalanceFaults,
};

/** A bad flag value: printed with a pointer to --help, exit code 2. */
class SimulateUsageError extends Error {}

function number(
  name: string,
  raw: string | undefined,
  check: (n: number) => boolean,
  what: string,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new SimulateUsageError(`--${name} must be ${what}, not '${raw}'.`);
  }
  return n;
}

/** Parses and checks the flags into simulator options (throws with a message naming the flag). */
export async function parseSimulateArgs(
  argv: string[],
  readText: (path: string) => Promise<string>,
): Promise<{
  help: boolean;
  provider: ProviderId;
  options: SimulatorOptions;
  speed: number;
  startMs: number | undefined;
}> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        provider: { type: 'string' },
        trace: { type: 'string' },
        'trace-scale': { type: 'string' },
        speed: { type: 'string' },
        start: { type: 'string' },
        faults: { type: 'string' },
        seed: { type: 'string' },
        'history-days': { type: 'string' },
        'cost-lag-minutes': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new SimulateUsageError((err as Error).message);
  }
  const isWhole = (min: number, max: number) => (n: number) => Number.isInteger(n) && n >= min && n <= max;
  const port = number('port', values.port, isWhole(0, 65_535), 'a whole number from 0 to 65535') ?? 0;
  const speed = number('speed', values.speed, (n) => n >= 0 && n <= 1e7, 'a number from 0 to 10000000') ?? 1;
  const seed = number('seed', values.seed, isWhole(0, 2 ** 32 - 1), 'a whole number from 0 to 4294967295');
  const historyDays = number(
    'history-days',
    values['history-days'],
    isWhole(0, 3650),
    'a whole number from 0 to 3650',
  );
  const costLagMinutes = number(
    'cost-lag-minutes',
    values['cost-lag-minutes'],
    isWhole(0, 10_080),
    'a whole number of minutes from 0 to 10080',
  );
  const scale = number('trace-scale', values['trace-scale'], (n) => n > 0, 'a number greater than 0');
  if (scale !== undefined && values.trace === undefined)
    throw new SimulateUsageError('--trace-scale needs --trace FILE.csv.');
  let startMs: number | undefined;
  if (values.start !== undefined) {
    startMs = Date.parse(values.start);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(values.start) || Number.isNaN(startMs)) {
      throw new SimulateUsageError(
        `--start must be an ISO time like 2026-11-24T15:00:00Z, not '${values.start}'.`,
      );
    }
  }
  const provider = values.provider ?? 'openai';
  if (!ProviderIdSchema.safeParse(provider).success)
    throw new SimulateUsageError(`--provider must be one of ${PROVIDER_IDS.join(', ')}, not '${provider}'.`);
  if (provider !== 'openai') {
    for (const flag of ['trace', 'trace-scale', 'cost-lag-minutes'] as const)
      if (values[flag] !== undefined)
        throw new SimulateUsageError(`--${flag} is for the OpenAI simulator only.`);
  }
  if (values.faults !== undefined) {
    try {
      FAULT_PARSERS[provider as ProviderId](values.faults);
    } catch (err) {
      throw new SimulateUsageError(`--faults: ${(err as Error).message}`);
    }
  }
  let trace: SimulatorOptions['trace'];
  if (values.trace !== undefined) {
    let csvText: string;
    try {
      csvText = await readText(values.trace);
    } catch (err) {
      throw new SimulateUsageError(
        `--trace: cannot read '${values.trace}' (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`,
      );
    }
    trace = { name: basename(values.trace, '.csv'), csvText, ...(scale !== undefined ? { scale } : {}) };
  }
  const options: SimulatorOptions = {
    port,
    ...(seed !== undefined ? { seed } : {}),
    ...(historyDays !== undefined ? { historyDays } : {}),
    ...(costLagMinutes !== undefined ? { costLagMinutes } : {}),
    ...(values.faults !== undefined ? { faults: values.faults } : {}),
    ...(trace ? { trace } : {}),
  };
  return { help: values.help, provider: provider as ProviderId, options, speed, startMs };
}

/**
 * Runs the simulator until SIGINT/SIGTERM (or until `opts.until` settles, for tests). Resolves with the exit
 * code: 0 after a clean stop, 2 for bad flags, 1 when the simulator cannot start.
 */
export async function runSimulateCommand(
  argv: string[],
  io: { out(s: string): void; err(s: string): void; readFile?(path: string): Promise<string> },
  opts: { until?: Promise<unknown> } = {},
): Promise<number> {
  const readText = io.readFile ? (p: string) => io.readFile!(p) : (p: string) => readFile(p, 'utf8');
  let parsed;
  try {
    parsed = await parseSimulateArgs(argv, readText);
  } catch (err) {
    if (!(err instanceof SimulateUsageError)) throw err;
    io.err(`${err.message}\nRun 'creditwatch simulate --help' for the options.`);
    return 2;
  }
  if (parsed.help) {
    io.out(SIMULATE_HELP);
    return 0;
  }
  let sim;
  try {
    const clock = createSimClock({
      speed: parsed.speed,
      ...(parsed.startMs !== undefined ? { startMs: parsed.startMs } : {}),
    });
    if (parsed.provider !== 'openai') {
      const { port, seed, historyDays, faults } = parsed.options;
      const other = await startProviderSimulator(parsed.provider, {
        clock,
        port,
        seed,
        historyDays,
        faults: typeof faults === 'string' ? faults : null,
      });
      return await serveUntilStopped(other, io, opts);
    }
    sim = await startSimulator({ ...parsed.options, clock });
  } catch (err) {
    if (/FaultSpecError$/.test((err as Error).name)) {
      io.err(`--faults: ${(err as Error).message}\nRun 'creditwatch simulate --help' for the options.`);
      return 2;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      io.err(`Port ${parsed.options.port} is in use: pick another with --port, or 0 for any free port.`);
      return 1;
    }
    // Bad trace contents and shape errors surface here, with the line or value at fault.
    io.err(`Cannot start the simulator: ${(err as Error).message}`);
    return err instanceof RangeError || /^trace /.test((err as Error).message) ? 2 : 1;
  }
  io.out(`OpenAI Admin API simulator listening at ${sim.baseUrl}`);
  io.out(`Admin key: ${DEMO_ADMIN_KEY}`);
  io.out(
    `Try: curl -H "Authorization: Bearer ${DEMO_ADMIN_KEY}" "${sim.baseUrl}/organization/costs?start_time=${Math.floor(sim.clock.nowMs() / 1000) - 7 * 86_400}"`,
  );
  io.out('Press Ctrl+C to stop.');
  await waitForStop(opts);
  await sim.close();
  io.out(`Stopped after ${sim.requests.length} request(s).`);
  return 0;
}

/** Serves another provider's simulator until stopped, saying where it is and how to call it. */
async function serveUntilStopped(
  sim: RunningProviderSimulator,
  io: { out(s: string): void },
  opts: { until?: Promise<unknown> },
): Promise<number> {
  io.out(`${PROVIDERS[sim.provider].name} API simulator listening at ${sim.baseUrl}`);
  io.out(`${PROVIDERS[sim.provider].keyName}: ${sim.apiKey}`);
  io.out(`Try: ${sim.curlExample}`);
  io.out('Press Ctrl+C to stop.');
  await waitForStop(opts);
  await sim.close();
  io.out(`Stopped after ${sim.requests.length} request(s).`);
  return 0;
}

function waitForStop(opts: { until?: Promise<unknown> }): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    opts.until?.then(stop, stop);
  });
}
