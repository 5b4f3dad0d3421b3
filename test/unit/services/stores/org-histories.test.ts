// Each account's history is opened once and shared by every reader; a dropped one opens afresh.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrgHistories } from '../../../../main/services/stores/org-histories';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-histories-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

describe('createOrgHistories', () => {
  it('opens an account’s history once for every reader, and afresh after it is dropped', async () => {
    const histories = createOrgHistories(dir, { nowMs: () => Date.UTC(2026, 10, 24) });
    const first = await histories.of('org_hist000001');
    expect(await histories.of('org_hist000001')).toBe(first);
    expect(await histories.of('org_hist000002')).not.toBe(first);
    histories.drop('org_hist000001');
    expect(await histories.of('org_hist000001')).not.toBe(first);
    expect(histories.problems()).toEqual([]);
  });
});
