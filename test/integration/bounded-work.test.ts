// Bounded work per request: an export range is clipped to 2015 and to what is stored, and refused past
// five years; the ledger replay walks hour by hour only where spend is stored, so an old entry costs no
// more than a recent one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportInputError, planExport, type ExportRequest } from '@core/export/request';
import { ledgerState } from '@core/ledger-estimate';
import { upgradeLedger } from '@core/ledger-schema';
import type { Org } from '@core/schemas';
import { DAY_MS } from '@core/time';
import { exportChunks } from '../../main/services/exporter';
import { openOrgHistory } from '../../main/services/stores/history-store';

const NOW = Date.UTC(2026, 11, 7, 10);
const ORG: Org = {
  id: 'org_boundedwork1',
  name: 'Acme',
  kind: 'live',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: Date.UTC(2026, 0, 1),
};
const request = (patch: Partial<ExportRequest>): ExportRequest => ({
  org: ORG.id,
  from: '2026-11-01',
  to: '2026-12-07',
  what: 'hourly',
  format: 'csv',
  ...patch,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-bounded-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

describe('export ranges', () => {
  it('refuses a year typed as "0000" with words instead of building millions of rows', () => {
    const err = (() => {
      try {
        planExport(request({ from: '0000-01-01' }), [ORG], NOW);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ExportInputError);
    expect((err as Error).message).toMatch(/more than 5 years: export at most 5 years at a time/);
  });

  it('clips a start before 2015 to 2015, and refuses a range wholly before it', () => {
    const plan = planExport(request({ from: '2012-06-01', to: '2016-01-01' }), [ORG], NOW);
    expect(plan.fromMs).toBe(Date.UTC(2015, 0, 1));
    expect(() => planExport(request({ from: '2001-01-01', to: '2002-01-01' }), [ORG], NOW)).toThrow(
      /before 2015/,
    );
  });

  it('an hourly export over four years holds only the hours of the stored days', async () => {
    const history = await openOrgHistory(join(dir, 'history', ORG.id), { nowMs: () => NOW });
    const start = Date.UTC(2026, 10, 27);
    const end = Date.UTC(2026, 11, 7);
    const days = [];
    for (let d = start; d < end; d += DAY_MS)
      days.push({ dayStartMs: d, rows: [{ projectId: null, lineItem: 'gpt-4o', micros: 2_400_000 }] });
    await history.putCosts({ startMs: start, endMs: end }, days, end - DAY_MS);
    const plan = planExport(request({ from: '2022-12-08' }), [ORG], NOW);
    let text = '';
    let chunks = 0;
    const deps = {
      history: async () => history,
      ledger: async () => upgradeLedger({ version: 1 }),
      zone: 'UTC',
    };
    for await (const chunk of exportChunks(deps, plan)) {
      text += chunk;
      chunks++;
    }
    const rows = text.trim().split('\r\n').length - 1;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual((NOW - start) / 3_600_000 + 1);
    expect(chunks).toBeGreaterThan(1);
  });
});

describe('the ledger replay starts at the first entry that matters', () => {
  it('predicts no reload in the years before any spend is stored', () => {
    const ledger = upgradeLedger({
      version: 1,
      billing: {
        mode: 'prepaid',
        hardLimitMicros: null,
        timeZone: 'UTC',
        reload: {
          enabled: true,
          thresholdMicros: 10e6,
          action: { kind: 'restore-to', targetMicros: 50e6 },
          monthlyLimit: null,
        },
      },
      entries: [
        { id: 'p', kind: 'purchase', atMs: Date.UTC(2015, 0, 1), micros: 100e6, expiresAtMs: null, note: '' },
      ],
    });
    const firstDay = Date.UTC(2026, 10, 27);
    const costs = Array.from({ length: 10 }, (_, i) => ({ dayStartMs: firstDay + i * DAY_MS, micros: 1e6 }));
    const state = ledgerState(ledger, costs, NOW);
    const reloads = state.estimate?.predictedReloads ?? [];
    // The 2015 purchase expired in 2016; one reload restores $50 when the stored spend begins.
    expect(reloads.every((r) => r.atMs >= firstDay)).toBe(true);
    expect(reloads).toHaveLength(1);
    // Restored to $50 after the first stored hour, then the other 10 days less that hour ($1 a day) spent.
    expect(state.estimate?.estimateMicros).toBe(Math.round(50e6 - 10e6 + 1e6 / 24));
  });
});
