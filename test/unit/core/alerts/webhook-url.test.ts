// The alert webhook carries spend figures: an address with a user name or password, or one on this
// machine, a private or a link-local network, is refused with words when it is set, and a stored one
// is not called (it was accepted before; loading keeps it, so nothing the user typed is lost).
import { describe, expect, it, vi } from 'vitest';
import { parseArgs } from '@core/api-contract';
import { AlertSettingsSchema } from '@core/alerts/alert-settings';
import { webhookUrlProblem } from '@core/alerts/webhook-url';
import { postWebhook } from '../../../../main/services/webhook';
import type { Alert } from '@core/alerts/alert-types';

const REFUSED: [string, RegExp][] = [
  ['https://user:secret@hooks.example.com/x', /user name or password/],
  ['https://token@hooks.example.com/x', /user name or password/],
  ['https://169.254.169.254/latest/meta-data', /public address/],
  ['https://127.0.0.1:8443/hook', /public address/],
  ['https://10.1.2.3/hook', /public address/],
  ['https://172.20.0.1/hook', /public address/],
  ['https://192.168.1.1/hook', /public address/],
  ['https://100.64.0.1/hook', /public address/],
  ['https://0.0.0.0/hook', /public address/],
  ['https://localhost/hook', /public address/],
  ['https://printer.local/hook', /public address/],
  ['https://[::1]/hook', /public address/],
  ['https://[fe80::1]/hook', /public address/],
  ['https://[fd00::1]/hook', /public address/],
  ['https://[::ffff:192.168.0.1]/hook', /public address/],
  ['https://2130706433/hook', /four numbers/],
  ['https://0x7f.1/hook', /four numbers/],
];
const ACCEPTED = [
  'https://hooks.slack.com/services/T000/B000/XXXX',
  'https://203.0.113.7/hook',
  'https://example.com:8443/a?b=c',
  'https://[2001:db8::1]/hook',
  'https://172.32.0.1/x',
];

describe('the webhook address', () => {
  it.each(REFUSED)('refuses %s when it is set, in words', (url, words) => {
    expect(webhookUrlProblem(url)).toMatch(words);
    expect(() => parseArgs('alerts:updateSettings', { webhookUrl: url })).toThrow(words);
  });

  it.each(ACCEPTED)('accepts %s', (url) => {
    expect(webhookUrlProblem(url)).toBeNull();
    expect(parseArgs('alerts:updateSettings', { webhookUrl: url }).webhookUrl).toBe(url);
  });

  it('keeps a stored one on loading, but does not call it', async () => {
    const url = 'https://user:pw@169.254.169.254/hook';
    expect(AlertSettingsSchema.parse({ version: 1, webhookUrl: url }).webhookUrl).toBe(url);
    const fetch = vi.fn();
    const onResult = vi.fn();
    const alert = { title: 'Low credit', body: '$5 left' } as Alert;
    await postWebhook(url, alert, { fetch, sleep: async () => {}, onResult });
    expect(fetch).not.toHaveBeenCalled();
    expect(onResult).toHaveBeenCalledWith(expect.stringMatching(/was not called: .*user name or password/));
  });
});
