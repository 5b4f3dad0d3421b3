// The answer service computes each account's answer at one instant: the money view and the dashboard are
// read at the answer's own `nowMs`, even while the clock runs between the reads (a real-time clock, a busy
// machine), so `status --now` at that instant says the very same figures.
import { describe, expect, it } from 'vitest';
import { createAnswerService } from '../../../main/services/answers';
import { accountState, NOW, observation } from '../core/answer/answer-fixtures';
import { HOUR_MS } from '@core/time';

describe('answer service', () => {
  it('reads the money view and the dashboard at the instant the answer carries', async () => {
    const s = accountState({
      entries: [observation(NOW - HOUR_MS, 90_000_000)],
      billing: { mode: 'prepaid' },
    });
    let clock = NOW;
    const asked: Array<[string, number | undefined]> = [];
    const service = createAnswerService({
      orgs: () => [{ ...s.org, createdAtMs: s.org.createdAtMs }],
      money: {
        view: async (_orgId: string, atMs?: number) => {
          asked.push(['money', atMs]);
          return s.money;
        },
      },
      sync: {
        dashboard: async (_orgId: string, atMs?: number) => {
          asked.push(['dashboard', atMs]);
          return s.dashboard;
        },
      },
      spendLimit: () => null,
      // Every read of the clock is 250 ms later, as on a real-time clock.
      nowMs: () => (clock += 250),
      timeZone: () => 'UTC',
    });
    const answer = await service.get(s.org.id);
    expect(asked).toEqual([
      ['dashboard', answer.nowMs],
      ['money', answer.nowMs],
    ]);
  });
});
