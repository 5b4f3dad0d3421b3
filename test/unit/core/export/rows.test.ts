import { describe, expect, it } from 'vitest';
import { COLUMNS } from '@core/export/columns';
import { answerRow, costRows, ledgerRows, projectNamer, snapshotRows } from '@core/export/rows';
import { HOUR_MS } from '@core/time';
import { accountState, answerOf, NOW, observation } from '../answer/answer-fixtures';
import type { Org } from '@core/schemas';

const ORG: Org = {
  id: 'org_1',
  name: 'Acme',
  kind: 'live',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: 0,
};

describe('cost rows', () => {
  it('carry project name, line item and API key, in the columns of the costs table', () => {
    const name = projectNamer([{ id: 'p1', name: 'Web' }]);
    const day = Date.UTC(2026, 10, 1);
    const rows = costRows(ORG, name, {
      dayStartMs: day,
      rows: [
        { projectId: 'p1', lineItem: 'gpt-4o, input', micros: 1_250_000, apiKeyId: 'key_abc' },
        { projectId: null, lineItem: null, micros: -20_000 },
      ],
    });
    expect(rows).toEqual([
      [day, 'org_1', 'Acme', 'openai', 'USD', 'p1', 'Web', 'gpt-4o, input', 'key_abc', 1_250_000],
      [day, 'org_1', 'Acme', 'openai', 'USD', null, 'Default project', null, null, -20_000],
    ]);
    expect(COLUMNS.costs.map((c) => c.name)).toEqual([
      'date_utc',
      'org_id',
      'org_name',
      'provider',
      'currency',
      'project_id',
      'project_name',
      'line_item',
      'api_key_id',
      'cost_usd',
    ]);
  });

  it('name the provider and the currency of a DeepSeek account in CNY', () => {
    const deepseek: Org = { ...ORG, id: 'org_ds', name: 'DeepSeek', provider: 'deepseek', currency: 'CNY' };
    const day = Date.UTC(2026, 10, 1);
    const rows = costRows(deepseek, projectNamer([]), {
      dayStartMs: day,
      rows: [{ projectId: null, lineItem: 'spend (read from the balance)', micros: 3_400_000 }],
    });
    expect(rows).toEqual([
      [
        day,
        'org_ds',
        'DeepSeek',
        'deepseek',
        'CNY',
        null,
        'Default project',
        'spend (read from the balance)',
        null,
        3_400_000,
      ],
    ]);
    // Before its first reading names a currency, a DeepSeek account's rows say USD (the fallback).
    expect(
      costRows({ ...deepseek, currency: undefined }, projectNamer([]), {
        dayStartMs: day,
        rows: [{ projectId: null, lineItem: null, micros: 1 }],
      })[0]?.[4],
    ).toBe('USD');
  });
});

describe('rows with empty cells', () => {
  const width = (kind: keyof typeof COLUMNS) => COLUMNS[kind].length;

  it('a stored snapshot, the answer row and the ledger rows each fill exactly their table’s columns', () => {
    // A failed sync's snapshot, kept without a forecast.
    const failed = { state: 'error', errorKind: 'rate-limited', forecast: null } as const;
    const snapshot = snapshotRows(ORG, [
      { ...failed, atMs: NOW, monthToDateMicros: 3, todayMicros: 2, balanceMicros: 1 },
    ]);
    expect(snapshot[0]).toHaveLength(width('snapshots'));
    const answerColumns =
      width('snapshots') - 1 - COLUMNS.snapshots.findIndex((c) => c.name === 'forecast_confidence');
    // The answer columns are empty on a stored snapshot.
    expect(snapshot[0]!.slice(-answerColumns)).toEqual(new Array(answerColumns).fill(null));

    const answer = answerRow(
      ORG,
      answerOf(accountState({ entries: [observation(NOW - HOUR_MS, 5_000_000)] })),
    );
    expect(answer).toHaveLength(width('snapshots'));
    const confidence = COLUMNS.snapshots.findIndex((c) => c.name === 'forecast_confidence');
    // The stored-snapshot cells (error kind to confidence) are empty; the figures start right after.
    expect(
      answer.slice(
        COLUMNS.snapshots.findIndex((c) => c.name === 'error_kind'),
        confidence + 1,
      ),
    ).toEqual(new Array(12).fill(null));
    expect(answer[confidence + 1]).toBeTypeOf('number'); // credit left, in micro-units

    const ledger = ledgerRows(
      ORG,
      {
        version: 1,
        billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
        entries: [{ id: 'p1', kind: 'purchase', atMs: NOW, micros: 1, expiresAtMs: null, note: '' }],
      },
      0,
      NOW + 1,
    );
    expect(ledger.map((r) => r.length)).toEqual([width('ledger'), width('ledger')]);
    expect(ledger[0]![COLUMNS.ledger.findIndex((c) => c.name === 'billing_mode')]).toBe('prepaid');
    expect(ledger[1]![COLUMNS.ledger.findIndex((c) => c.name === 'entry_id')]).toBe('p1');
  });
});
