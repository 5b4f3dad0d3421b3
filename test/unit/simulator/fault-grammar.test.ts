// The one fault grammar every simulator parses with: same rules, same messages, each simulator's table.
import { describe, expect, it } from 'vitest';
import { parseAnthropicFaults } from '../../../main/simulator/anthropic/faults';
import { createBalanceFaults, parseBalanceFaults } from '../../../main/simulator/balance/faults';
import { FaultSpecError } from '../../../main/simulator/fault-grammar';
import { parseFaults } from '../../../main/simulator/faults';

const PARSERS = {
  openai: (s: string) => parseFaults(s),
  anthropic: (s: string) => parseAnthropicFaults(s),
  balance: (s: string) => parseBalanceFaults(s),
};
const TARGET = { openai: 'costs=', anthropic: 'cost_report=', balance: '' };

describe('one grammar for every simulator', () => {
  it.each(Object.keys(PARSERS) as Array<keyof typeof PARSERS>)(
    '%s: counts, chances and shared actions',
    (sim) => {
      const t = TARGET[sim];
      const rules = PARSERS[sim](`${t}429:retry-after=3x2, ${t}latency:40@0.5, ${t}hang`);
      expect(rules.map((r) => [r.action, r.times, r.probability])).toEqual([
        [{ kind: 'rate-limit', retryAfterSec: 3 }, 2, undefined],
        [{ kind: 'latency', ms: 40 }, undefined, 0.5],
        [{ kind: 'hang' }, undefined, undefined],
      ]);
    },
  );

  it.each([
    ['{t}500x0', /times must be a whole number/],
    ['{t}500@1.5', /probability must be in/],
    ['{t}latency', /latency needs milliseconds/],
    ['{t}hang:5', /takes no option/],
    ['{t}429:soon', /retry-after=SECONDS/],
    ['{t}500,,{t}hang', /empty rule/],
    ['{t}teapot', /unknown action 'teapot'/],
  ])('every simulator refuses %s with the same words', (spec, message) => {
    for (const sim of Object.keys(PARSERS) as Array<keyof typeof PARSERS>) {
      const text = spec.replaceAll('{t}', TARGET[sim]);
      expect(() => PARSERS[sim](text), `${sim}: ${text}`).toThrow(FaultSpecError);
      expect(() => PARSERS[sim](text), `${sim}: ${text}`).toThrow(message);
    }
  });

  it('refuses an action on a target it never applies to, in every table', () => {
    expect(() => parseFaults('images=string-amount')).toThrow(/string-amount only applies to costs/);
    expect(() => parseAnthropicFaults('workspaces=bad-amount')).toThrow(/bad-amount only applies to/);
    expect(() => parseAnthropicFaults('spend_limits=page-too-large')).toThrow(/only applies to/);
    expect(parseAnthropicFaults('*=bad-amount')).toHaveLength(1);
  });

  it('a balance rule names no target; a chance on it is drawn from the seed, the same way each run', () => {
    expect(() => parseBalanceFaults('costs=500')).toThrow(/unknown action 'costs=500'/);
    const run = (seed: number) => {
      const faults = createBalanceFaults('500@0.3', seed);
      return Array.from({ length: 400 }, () => faults.decide().fault !== null);
    };
    const a = run(3);
    expect(run(3)).toEqual(a);
    const rate = a.filter(Boolean).length / a.length;
    expect(rate).toBeGreaterThan(0.2);
    expect(rate).toBeLessThan(0.4);
  });
});
