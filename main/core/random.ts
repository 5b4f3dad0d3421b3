/**
 * Seeded pseudo-random numbers, so every forecast and simulated org is reproducible for a given seed.
 *
 * Mulberry32: 32-bit state, period 2^32, plenty for Monte-Carlo paths and spend generation.
 * Example: `createRandom(42)()` always returns the same first number.
 */
export type Random = () => number;

/** Creates a deterministic generator of numbers in [0, 1). */
export function createRandom(seed: number): Random {
  let state = (Math.floor(seed) >>> 0) ^ 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent seed from a base seed and a label (FNV-1a over the label). */
export function deriveSeed(seed: number, label: string): number {
  let h = (2166136261 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** A standard normal deviate by Box–Muller. */
export function normal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
