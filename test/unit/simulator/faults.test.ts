import { describe, expect, it } from 'vitest';
import { createFaultInjector } from '../../../main/simulator/fault-injector';
import { FaultSpecError, parseFaults } from '../../../main/simulator/faults';

describe('parseFaults', () => {
  it('parses the documented example', () => {
    expect(parseFaults('costs=429:retry-after=2x3, completions=latency:800, *=500@0.1')).toEqual([
      { target: 'costs', action: { kind: 'rate-limit', retryAfterSec: 2 }, times: 3 },
      { target: 'completions', action: { kind: 'latency', ms: 800 } },
      { target: '*', action: { kind: 'status', status: 500 }, probability: 0.1 },
    ]);
  });

  it('parses every action kind', () => {
    const rules = parseFaults(
      'costs=401,costs=403,costs=503,costs=429,projects=hang,images=malformed,costs=string-amount,spend_limit=bare-error:403,embeddings=bare-error,*=spend-limit-429x1',
    );
    expect(rules.map((r) => r.action)).toEqual([
      { kind: 'status', status: 401 },
      { kind: 'status', status: 403 },
      { kind: 'status', status: 503 },
      { kind: 'rate-limit', retryAfterSec: 1 },
      { kind: 'hang' },
      { kind: 'malformed' },
      { kind: 'string-amount' },
      { kind: 'bare-error', status: 403 },
      { kind: 'bare-error', status: 500 },
      { kind: 'spend-limit-429' },
    ]);
  });

  it('treats empty, none and null as no faults', () => {
    expect(parseFaults('')).toEqual([]);
    expect(parseFaults(' none ')).toEqual([]);
    expect(parseFaults(null)).toEqual([]);
  });

  it.each([
    ['costs', /expected TARGET=ACTION/],
    ['bills=500', /unknown target 'bills'/],
    ['costs=418', /unknown action '418'/],
    ['costs=429:retry-after=-1', /retry-after=SECONDS/],
    ['costs=latency', /latency needs milliseconds/],
    ['costs=500@1.5', /probability must be in/],
    ['costs=500x0', /times must be a whole number/],
    ['costs=hang:5', /takes no option/],
    ['images=string-amount', /only applies to costs/],
    ['costs=500,,images=503', /empty rule/],
  ])('rejects %s with a clear message', (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(FaultSpecError);
    expect(() => parseFaults(spec)).toThrow(message);
  });

  it('validates rules given as objects', () => {
    expect(() =>
      parseFaults([{ target: 'costs', action: { kind: 'hang' }, times: 1, probability: 0.5 }]),
    ).toThrow(/either times or probability/);
  });
});

describe('createFaultInjector', () => {
  it('runs counted rules down, then answers normally', () => {
    const inj = createFaultInjector(1, 'costs=429:retry-after=2x2,completions=500');
    const seen = [1, 2, 3].map(() => inj.decide('costs').action?.kind ?? 'ok');
    expect(seen).toEqual(['rate-limit', 'rate-limit', 'ok']);
    expect(inj.decide('completions').action).toEqual({ kind: 'status', status: 500 });
    expect(inj.decide('projects').action).toBeNull();
  });

  it('adds latencies and lets the first response rule win', () => {
    const inj = createFaultInjector(1, '*=latency:100,costs=latency:50,costs=503,costs=500');
    expect(inj.decide('costs')).toEqual({ latencyMs: 150, action: { kind: 'status', status: 503 } });
  });

  it('fires probabilistic rules at about their rate, the same way for the same seed', () => {
    const run = (seed: number): boolean[] => {
      const inj = createFaultInjector(seed, '*=500@0.3');
      return Array.from({ length: 2000 }, () => inj.decide('costs').action !== null);
    };
    const a = run(5);
    expect(run(5)).toEqual(a);
    expect(run(6)).not.toEqual(a);
    const rate = a.filter(Boolean).length / a.length;
    expect(rate).toBeGreaterThan(0.25);
    expect(rate).toBeLessThan(0.35);
  });

  it('can be replaced at run time', () => {
    const inj = createFaultInjector(1, 'costs=hang');
    inj.set(null);
    expect(inj.decide('costs').action).toBeNull();
  });
});
