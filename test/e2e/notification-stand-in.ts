// A stand-in for the browser's Notification API, for the headless Chromium inside @sparticuz/chromium,
// which refuses every notification permission (it has no permission prompt and no notification service).
// It replaces `window.Notification` before the page loads with a class that answers like a browser: the
// permission the test starts from, the answer the "user" gives to the page's own request, and every
// `new Notification(title, { body, tag })` the page makes, whose click the test can perform. So the app's
// own code runs unchanged: its request, the notification it builds, its tag, its click handler.
import type { Page } from '@playwright/test';

/** How the stand-in behaves: the permission on load, and the answer to `Notification.requestPermission()`. */
export interface StandInSetup {
  permission: NotificationPermission;
  answer: 'granted' | 'denied';
}

/** One notification the page made while allowed to. */
export interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  isClosed: boolean;
}

interface StandInRecord {
  requests: number;
  /** Notifications constructed while the permission was not granted (a browser shows none). */
  refused: number;
  shown: ShownNotification[];
  click(tag: string): boolean;
}

/** Puts the stand-in in place for every page load that follows (call before `page.goto`). */
export const standInNotifications = async (page: Page, setup: StandInSetup): Promise<void> => {
  await page.addInitScript(installStandIn, setup);
};

// Runs in the page, before its own scripts.
const installStandIn = ({ permission, answer }: StandInSetup): void => {
  let current: NotificationPermission = permission;
  const made: Array<{ entry: ShownNotification; note: EventTarget & { onclick: unknown } }> = [];
  const record: StandInRecord = {
    requests: 0,
    refused: 0,
    shown: [],
    click(tag) {
      const last = [...made].reverse().find((m) => m.entry.tag === tag && !m.entry.isClosed);
      if (!last) return false;
      const event = new Event('click', { cancelable: true });
      last.note.dispatchEvent(event);
      if (typeof last.note.onclick === 'function')
        (last.note.onclick as (e: Event) => void).call(last.note, event);
      return true;
    },
  };
  class StandInNotification extends EventTarget {
    static get permission(): NotificationPermission {
      return current;
    }
    static requestPermission(
      callback?: (p: NotificationPermission) => void,
    ): Promise<NotificationPermission> {
      record.requests += 1;
      current = answer;
      callback?.(current);
      return Promise.resolve(current);
    }
    onclick: ((this: StandInNotification, ev: Event) => unknown) | null = null;
    onclose: ((this: StandInNotification, ev: Event) => unknown) | null = null;
    onerror: ((this: StandInNotification, ev: Event) => unknown) | null = null;
    onshow: ((this: StandInNotification, ev: Event) => unknown) | null = null;
    readonly title: string;
    readonly body: string;
    readonly tag: string;
    private readonly entry: ShownNotification;
    constructor(title: string, options: NotificationOptions = {}) {
      super();
      this.title = title;
      this.body = options.body ?? '';
      this.tag = options.tag ?? '';
      this.entry = { title, body: this.body, tag: this.tag, isClosed: false };
      // Like a browser: nothing is shown without the permission.
      if (current !== 'granted') {
        record.refused += 1;
        return;
      }
      // Like a browser: a notification with the tag of one still showing replaces it.
      for (const m of made) if (m.entry.tag && m.entry.tag === this.tag) m.entry.isClosed = true;
      record.shown.push(this.entry);
      made.push({ entry: this.entry, note: this });
    }
    close(): void {
      if (this.entry.isClosed) return;
      this.entry.isClosed = true;
      this.dispatchEvent(new Event('close'));
    }
  }
  Object.defineProperty(window, 'Notification', {
    value: StandInNotification,
    configurable: true,
    writable: true,
  });
  (window as unknown as { __standInNotifications: StandInRecord }).__standInNotifications = record;
};

const read = (page: Page) =>
  page.evaluate(() => {
    const r = (window as unknown as { __standInNotifications: StandInRecord }).__standInNotifications;
    return { requests: r.requests, refused: r.refused, shown: r.shown.map((n) => ({ ...n })) };
  });

/** Every notification the page showed, oldest first. */
export const shownNotifications = async (page: Page): Promise<ShownNotification[]> =>
  (await read(page)).shown;

/** How many times the page asked for the permission, and how many notifications it made without it. */
export const notificationRequests = async (page: Page): Promise<{ requests: number; refused: number }> => {
  const { requests, refused } = await read(page);
  return { requests, refused };
};

/** Clicks the newest open notification with this tag, as the user would on the desktop; false if none. */
export const clickNotification = (page: Page, tag: string): Promise<boolean> =>
  page.evaluate(
    (t) => (window as unknown as { __standInNotifications: StandInRecord }).__standInNotifications.click(t),
    tag,
  );
