import { describe, expect, it } from 'vitest';
import { createBalanceFaults, parseBalanceFaults } from '../../../main/simulator/balance/faults';
import { FaultSpecError } from '../../../main/simulator/fault-grammar';

describe('balance fault grammar', () => {
  it('parses every action, counts and quoted amounts', () => {
    expect(
      parseBalanceFaults("402x2, 429:retry-after=120, latency:50, bad-amount:'12,30', unknown-currency"),
    ).toEqual([
      { target: '*', action: { kind: 'status', status: 402 }, times: 2 },
      { target: '*', action: { kind: 'rate-limit', retryAfterSec: 120 } },
      { target: '*', action: { kind: 'latency', ms: 50 } },
      { target: '*', action: { kind: 'bad-amount', text: '12,30' } },
      { target: '*', action: { kind: 'unknown-currency', code: 'XYZ' } },
    ]);
    expect(parseBalanceFaults('none')).toEqual([]);
    expect(parseBalanceFaults(null)).toEqual([]);
  });

  it.each(['404', 'latency', 'hang:1', '429:soon', 'hang,,html', 'html x0'])('rejects %s', (spec) => {
    expect(() => parseBalanceFaults(spec)).toThrow(FaultSpecError);
  });

  it('counted rules run down; latency adds to whatever else fires', () => {
    const faults = createBalanceFaults('latency:10,500x1,hang');
    expect(faults.decide()).toEqual({ latencyMs: 10, fault: { kind: 'status', status: 500 } });
    expect(faults.decide()).toEqual({ latencyMs: 10, fault: { kind: 'hang' } });
    faults.set(null);
    expect(faults.decide()).toEqual({ latencyMs: 0, fault: null });
  });
});
