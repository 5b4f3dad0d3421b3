import { describe, expect, it } from 'vitest';
import type { Org } from '@core/schemas';
import { assertPinnedClockAllowed, PinnedClockError } from '../../../main/app/pinned-clock';
import { parseServeArgs } from '../../../main/commands/serve-command';

const org = (over: Partial<Org>): Org => ({
  id: 'org_1',
  name: 'Acme',
  kind: 'live',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: 0,
  ...over,
});

describe('a clock set with --now', () => {
  it('is allowed for the demo and for orgs pointed at a local simulator', () => {
    expect(() =>
      assertPinnedClockAllowed([org({ kind: 'demo' }), org({ baseUrl: 'http://127.0.0.1:9/v1' })], null),
    ).not.toThrow();
  });

  it('is refused for a real organization or OPENAI_ADMIN_KEY, naming why', () => {
    expect(() => assertPinnedClockAllowed([org({})], null)).toThrow(PinnedClockError);
    expect(() => assertPinnedClockAllowed([org({})], null)).toThrow(/'Acme' is a real organization/);
    expect(() => assertPinnedClockAllowed([], 'sk-admin-x')).toThrow(/OPENAI_ADMIN_KEY/);
  });

  it('takes an ISO instant with a zone and refuses anything else', () => {
    expect(parseServeArgs(['--now', '2026-12-31T23:30:00Z']).nowMs).toBe(Date.UTC(2026, 11, 31, 23, 30));
    expect(parseServeArgs(['--now', '2026-12-31T23:30:00+01:00']).nowMs).toBe(Date.UTC(2026, 11, 31, 22, 30));
    expect(parseServeArgs([]).nowMs).toBeNull();
    expect(() => parseServeArgs(['--now', '2026-12-31'])).toThrow(/ISO date and time with a zone/);
    expect(() => parseServeArgs(['--now', 'tomorrow'])).toThrow(/ISO date and time with a zone/);
  });
});
