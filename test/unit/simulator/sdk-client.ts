/** Test helpers: the official SDK pointed at a simulator, and a raw fetch for what the SDK hides. */
import OpenAI from 'openai';
import type { Simulator } from '../../../main/simulator/index';
import { DEMO_ADMIN_KEY } from '../../../main/simulator/index';

/** An SDK client for the simulator, without retries unless asked (tests count requests). */
export function sdkFor(
  sim: Simulator,
  opts: { key?: string; maxRetries?: number; timeout?: number } = {},
): OpenAI {
  return new OpenAI({
    adminAPIKey: opts.key ?? DEMO_ADMIN_KEY,
    apiKey: null,
    baseURL: sim.baseUrl,
    maxRetries: opts.maxRetries ?? 0,
    timeout: opts.timeout ?? 10_000,
  } as ConstructorParameters<typeof OpenAI>[0]);
}

/** A raw GET against the simulator: status, headers and the body text. */
export async function rawGet(
  sim: Simulator,
  pathAndQuery: string,
  opts: { key?: string | null; method?: string } = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const headers: Record<string, string> = {};
  const key = opts.key === undefined ? DEMO_ADMIN_KEY : opts.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const res = await fetch(`${sim.baseUrl}${pathAndQuery}`, { method: opts.method ?? 'GET', headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** A usage or costs result with its fields open (the SDK types results as a union of ten shapes). */
export type LooseResult = Record<string, unknown> & { amount?: { value: number | string } };

/** The results of a bucket, typed loosely for assertions. */
export function rs(bucket: { results: unknown[] }): LooseResult[] {
  return bucket.results as LooseResult[];
}
