import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../../renderer/view-models/route';

describe('routes', () => {
  it('reads the overview and an account from the hash', () => {
    expect(parseRoute('')).toEqual({ page: 'overview' });
    expect(parseRoute('#/')).toEqual({ page: 'overview' });
    expect(parseRoute('#/org/org_abc')).toEqual({ page: 'org', orgId: 'org_abc' });
    expect(parseRoute('#/org/')).toEqual({ page: 'overview' });
    expect(parseRoute('#/org/%E0%A4%A')).toEqual({ page: 'overview' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'overview' });
  });

  it('writes a hash that reads back as the same route', () => {
    for (const orgId of ['org_abc', 'org with space', 'a/b', 'ü']) {
      const route = { page: 'org', orgId } as const;
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(routeHash({ page: 'overview' })).toBe('#/');
  });
});
