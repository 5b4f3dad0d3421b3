// Lost cost months come back: a damaged month read first by a read-only reader (the export command) leaves a
// marker the next sync's open turns into a rewind; a deleted month is found missing and fetched again too.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INITIAL_SYNC_STATUS } from '@core/schemas';
import type { CostDay } from '@core/sync-data';
import { DAY_MS } from '@core/time';
import { openOrgHistory } from '../../../../main/services/stores/history-store';
import { createProblemList } from '../../../../main/services/stores/store-problem';

const D = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const NOW = D('2026-11-20') + 10 * 3_600_000;
const SETTLED = D('2026-11-19');
const cost = (dayStartMs: number): CostDay => ({
  dayStartMs,
  rows: [{ projectId: 'proj_a', lineItem: 'gpt-4o, input', micros: 1_000_000 }],
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-refetch-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

const ctx = () => ({ nowMs: () => NOW, problems: createProblemList() });

/** A history synced from Sep 15 to today, costs settled through Nov 19. */
async function synced(): Promise<void> {
  const h = await openOrgHistory(dir, ctx());
  const range = { startMs: D('2026-09-15'), endMs: D('2026-11-21') };
  const days: CostDay[] = [];
  for (let d = range.startMs; d < range.endMs; d += DAY_MS) days.push(cost(d));
  await h.putCosts(range, days, SETTLED);
  await h.saveSync(INITIAL_SYNC_STATUS, {
    costsSettledThroughMs: SETTLED,
    backfillStartMs: range.startMs,
    usageFinalThroughMs: null,
    projectsFetchedAtMs: null,
  });
}

describe('lost cost months are fetched again', () => {
  it.each([
    ['damaged', '{"version":1,"projects":[' as string],
    ['emptied', ''],
  ])('a %s month read first by a read-only reader rewinds the cursor at the next sync', async (_, text) => {
    await synced();
    await writeFile(join(dir, 'costs-2026-10.json'), text);
    const reader = await openOrgHistory(dir, ctx(), { rewindDamaged: false });
    const october = await reader.costDays({ startMs: D('2026-10-01'), endMs: D('2026-11-01') });
    expect(october).toEqual([]); // set aside, not used
    expect(reader.sync().cursor.costsSettledThroughMs, 'the reader moves no cursor').toBe(SETTLED);
    expect(await readdir(dir)).toContain('costs-2026-10.json.refetch');

    const problems = createProblemList();
    const engine = await openOrgHistory(dir, { nowMs: () => NOW, problems });
    expect(engine.sync().cursor.costsSettledThroughMs).toBe(D('2026-10-01'));
    expect(
      problems
        .list()
        .map((p) => p.message)
        .join(' '),
    ).toContain('settled costs of 2026-10');
    expect(await readdir(dir), 'the marker is used up').not.toContain('costs-2026-10.json.refetch');
  });

  it('a deleted month is found missing and fetched again', async () => {
    await synced();
    await rm(join(dir, 'costs-2026-10.json'));
    const engine = await openOrgHistory(dir, ctx());
    expect(engine.sync().cursor.costsSettledThroughMs).toBe(D('2026-10-01'));
  });

  it('an intact history is left as it is', async () => {
    await synced();
    const engine = await openOrgHistory(dir, ctx());
    expect(engine.sync().cursor.costsSettledThroughMs).toBe(SETTLED);
  });

  it('costs made from balance readings are not "missing" (they cannot be fetched again)', async () => {
    await synced();
    await writeFile(
      join(dir, 'balances.json'),
      JSON.stringify({ version: 1, currency: 'USD', first: null, last: null, daily: [], topUps: [] }),
    );
    await rm(join(dir, 'costs-2026-10.json'));
    const engine = await openOrgHistory(dir, ctx());
    expect(engine.sync().cursor.costsSettledThroughMs).toBe(SETTLED);
  });
});
