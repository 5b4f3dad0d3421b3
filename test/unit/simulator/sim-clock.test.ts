import { describe, expect, it } from 'vitest';
import { createSimClock } from '../../../main/simulator/sim-clock';
import { maskKey } from '../../../main/simulator/api-errors';

describe('createSimClock', () => {
  it('runs at the given speed from the given start', () => {
    let real = 1_000_000;
    const clock = createSimClock({ startMs: 5_000, speed: 60, realNowMs: () => real });
    expect(clock.nowMs()).toBe(5_000);
    real += 1_000;
    expect(clock.nowMs()).toBe(65_000);
  });

  it('can be frozen and moved by hand', () => {
    let real = 0;
    const clock = createSimClock({ startMs: 100, speed: 0, realNowMs: () => real });
    real += 10_000;
    expect(clock.nowMs()).toBe(100);
    clock.advance(3_600_000);
    expect(clock.nowMs()).toBe(3_600_100);
    clock.set(42);
    expect(clock.nowMs()).toBe(42);
  });

  it('rejects a negative speed', () => {
    expect(() => createSimClock({ speed: -1 })).toThrow(/speed/);
  });
});

describe('maskKey', () => {
  it('never shows a key whole', () => {
    for (const key of ['sk-abcdefghijklmnopqrstuvwxyz0123456789', 'sk-short', 'x', 'sk-proj-abcdefghijkl']) {
      const masked = maskKey(key);
      expect(masked).not.toBe(key);
      expect(masked).toContain('***');
      expect(masked.replace(/\*/g, '').length).toBeLessThan(Math.max(key.length, 4));
    }
    expect(maskKey('sk-abcdefghijklmnopqrstuvwxyz')).toBe('sk-ab********************wxyz');
  });
});
