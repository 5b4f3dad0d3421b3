import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrgAlertFacts } from '@core/alerts/alert-facts';
import type { Alert } from '@core/alerts/alert-types';
import type { Org } from '@core/schemas';
import { createAlertDispatcher } from '../../../main/services/alert-dispatcher';
import { openAlertStore } from '../../../main/services/stores/alert-store';
import { postWebhook } from '../../../main/services/webhook';
import { HOUR_MS } from '@core/time';
import { statusJson } from '../../../main/commands/status-text';
import { calmFacts, NOW } from '../core/alerts/alert-fixtures';
import { accountState, answerOf, observation } from '../core/answer/answer-fixtures';

const ORG: Org = {
  id: 'org_acme0001',
  name: 'Acme',
  kind: 'demo',
  provider: 'openai',
  baseUrl: null,
  createdAtMs: 0,
};
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-alerts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

async function open(facts: () => OrgAlertFacts, nowMs = () => NOW) {
  const fired: Alert[] = [];
  const webhook = vi.fn();
  const d = createAlertDispatcher({
    store: await openAlertStore(dir, { nowMs }),
    orgs: () => [ORG],
    factsFor: async () => facts(),
    nowMs,
    displayZone: () => 'UTC',
    onFired: (a) => fired.push(a),
    onChanged: () => {},
    webhook,
  });
  return { d, fired, webhook };
}

const low = () => calmFacts({ balance: { micros: 5_000_000, asOfMs: NOW }, spendPerDayMicros: 100_000 });

describe('alert dispatcher', () => {
  it('fires once, and a restart (a new dispatcher on the same folder) does not repeat it', async () => {
    const a = await open(low);
    await a.d.evaluate();
    await a.d.evaluate();
    expect(a.fired.map((x) => x.id)).toEqual(['low-credit:org_acme0001']);
    const saved = JSON.parse(await readFile(join(dir, 'alerts.json'), 'utf8'));
    expect(saved.version).toBe(1);
    const b = await open(low, () => NOW + 300_000);
    const view = await b.d.evaluate();
    expect(b.fired).toEqual([]);
    expect(view.active.map((x) => x.kind)).toEqual(['low-credit']);
  });

  it('refuses a snooze in the past and bad settings with clear messages, leaving the files as they were', async () => {
    const { d } = await open(low);
    await d.evaluate();
    await expect(d.snooze('low-credit:org_acme0001', NOW - 60_000)).rejects.toThrow(
      'A snooze must end in the future: pick a later time.',
    );
    await expect(d.updateSettings({ quietHours: { start: '07:00', end: '07:00' } })).rejects.toThrow(
      /quietHours\.end: quiet hours must end at a different time than they start/,
    );
    await expect(d.updateSettings({ webhookUrl: 'http://hooks.example.com/x' })).rejects.toThrow(
      /must use https/,
    );
    expect(d.settings().quietHours).toBeNull();
    expect((await d.updateSettings({ quietHours: { start: '22:00', end: '07:00' } })).quietHours).toEqual({
      start: '22:00',
      end: '07:00',
    });
  });

  it('keeps a money threshold per currency: a CNY account fires on its own figure, the dollar one on its own', async () => {
    // CN¥30 left: under a CN¥50 CNY threshold, while the $20 dollar default would not have caught it.
    const cny = () =>
      calmFacts({
        currency: 'CNY',
        provider: 'deepseek',
        providerName: 'DeepSeek',
        balanceSource: 'api',
        balance: { micros: 30_000_000, asOfMs: NOW },
        spendPerDayMicros: 0,
      });
    const { d } = await open(cny);
    await d.updateSettings({ defaults: { lowCreditMicros: 20_000_000 } });
    expect((await d.evaluate()).active.map((a) => a.kind)).toEqual([]);
    await expect(d.updateSettings({ currencyDefaults: { yuan: { lowCreditMicros: 1 } } })).rejects.toThrow(
      /currencyDefaults\.yuan: not a currency code/,
    );
    await d.updateSettings({ currencyDefaults: { CNY: { lowCreditMicros: 50_000_000 } } });
    const saved = JSON.parse(await readFile(join(dir, 'alert-settings.json'), 'utf8')) as {
      currencyDefaults: unknown;
      defaults: unknown;
    };
    expect(saved.currencyDefaults).toEqual({ CNY: { lowCreditMicros: 50_000_000 } });
    expect(saved.defaults).toEqual({ lowCreditMicros: 20_000_000 });
    const [alert] = (await d.evaluate()).active;
    expect(alert?.title).toBe('Acme: DeepSeek balance is low: CN¥30.00 left');
    expect(alert?.body).toContain('below your CN¥50.00 alert');
  });

  it('posts new alerts to the webhook when one is set', async () => {
    const { d, webhook } = await open(low);
    await d.updateSettings({ webhookUrl: 'https://hooks.example.com/T1/B2' });
    await d.evaluate();
    expect(webhook).toHaveBeenCalledTimes(1);
    expect(webhook.mock.calls[0]![0]).toBe('https://hooks.example.com/T1/B2');
  });

  it('an org whose facts cannot be read keeps its episodes', async () => {
    let fail = false;
    const { d } = await open(() => {
      if (fail) throw new Error('disk');
      return low();
    });
    await d.evaluate();
    fail = true;
    expect((await d.evaluate()).active).toHaveLength(1);
  });
});

describe('webhook', () => {
  const alert = { id: 'low-credit:org_a', title: 'Acme: credit low', body: 'About $5.00 left.' } as Alert;

  it('retries with backoff and reports the final failure', async () => {
    const results: Array<string | null> = [];
    const sleeps: number[] = [];
    const fetch = vi.fn(async () => new Response('', { status: 503 }));
    await postWebhook('https://hooks.example.com/x', alert, {
      fetch: fetch as unknown as typeof globalThis.fetch,
      sleep: async (ms) => void sleeps.push(ms),
      onResult: (p) => results.push(p),
    });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([2000, 4000]);
    expect(results).toEqual([expect.stringMatching(/failed 3 times \(HTTP 503\)/)]);
  });

  it('sends Slack-compatible JSON and stops at the first success', async () => {
    const fetch = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('fetch failed'))
      .mockResolvedValueOnce(new Response('ok', { status: 200 }));
    const results: Array<string | null> = [];
    await postWebhook('https://hooks.example.com/x', alert, {
      fetch,
      sleep: async () => {},
      onResult: (p) => results.push(p),
    });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(JSON.parse(fetch.mock.calls[1]![1].body)).toEqual({
      text: '*Acme: credit low*\nAbout $5.00 left.',
    });
    expect(results).toEqual([null]);
  });

  it('never calls a URL that is not https', async () => {
    const fetch = vi.fn();
    const results: Array<string | null> = [];
    await postWebhook('http://insecure.example.com', alert, {
      fetch,
      sleep: async () => {},
      onResult: (p) => results.push(p),
    });
    expect(fetch).not.toHaveBeenCalled();
    expect(results[0]).toMatch(/not called: the webhook must use https/);
  });
});

describe('webhook payload', () => {
  it("carries the account's named figures as status --json does, and the alert's words for Slack", async () => {
    const answer = answerOf(accountState({ entries: [observation(NOW - HOUR_MS, 5_000_000)] }));
    const alert = { id: 'low-credit:org_a', title: 'Acme: credit low', body: 'About $5.00 left.' } as Alert;
    const fetch = vi.fn(async () => new Response('ok', { status: 200 }));
    await postWebhook(
      'https://hooks.example.com/x',
      alert,
      { fetch: fetch as unknown as typeof globalThis.fetch, sleep: async () => {}, onResult: () => {} },
      answer,
    );
    const body = JSON.parse((fetch.mock.calls[0] as unknown as [string, { body: string }])[1].body);
    expect(body.text).toBe('*Acme: credit low*\nAbout $5.00 left.');
    expect(body.account.orgId).toBe(answer.orgId);
    expect(body.account.figures).toEqual(statusJson([answer], []).accounts[0]!.figures);
    expect(body.account.figures['credit-left'].text).toBe(answer.figures['credit-left'].text);
  });

  it("hands the webhook the answer the rules read for the alert's account", async () => {
    const answer = answerOf(
      accountState({ orgId: ORG.id, entries: [observation(NOW - HOUR_MS, 5_000_000)] }),
    );
    const { d, webhook } = await open(() => ({ ...low(), answer }));
    await d.updateSettings({ webhookUrl: 'https://hooks.example.com/x' });
    await d.evaluate();
    expect(webhook).toHaveBeenCalled();
    expect(webhook.mock.calls[0]![3]).toBe(answer);
  });
});
