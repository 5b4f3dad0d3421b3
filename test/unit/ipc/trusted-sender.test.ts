import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/ipc/trusted-sender';

const APP = 'file:///opt/Creditwatch/resources/app/dist/renderer/index.html';
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('isTrustedSender', () => {
  it("answers the app's own page in its main frame, whatever its route", () => {
    expect(isTrustedSender(frame(APP), APP)).toBe(true);
    expect(isTrustedSender(frame(`${APP}#/org/org_abc12345`), APP)).toBe(true);
  });

  it('refuses an iframe of the same page, another page or origin, a query trick and a missing frame', () => {
    expect(isTrustedSender(frame(APP, { url: APP }), APP)).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/'), APP)).toBe(false);
    expect(isTrustedSender(frame('file:///tmp/index.html'), APP)).toBe(false);
    expect(isTrustedSender(frame(`${APP}?x=1`), APP)).toBe(false);
    expect(isTrustedSender(frame(`${APP}.evil`), APP)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, APP)).toBe(false);
  });
});
