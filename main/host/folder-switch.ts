/**
 * The Node host over two data folders — the user's own and the demo's, beside it — so demo money and
 * real money never share a folder. "Try the demo" on the page opens the demo's folder (same address,
 * same token); adding an account or restoring a backup while the demo is open goes back to the user's
 * folder first and does it there. One app is open at a time; the host's handlers, events and files follow it.
 */
import { ApiError, type Handlers, type RequestChannel } from '@core/api-contract';
import type { App } from '../app/create-app';
import type { AppFiles } from '../app/app-files';
import { createEventBus, type EventBus } from '../app/event-bus';

export type FolderKind = 'own' | 'demo';

export interface FolderSwitch {
  /** Handlers that route to the open folder's app (and switch folders for the demo and adding). */
  handlers: Handlers;
  /** The open app's events, whichever it is. */
  bus: EventBus;
  files: AppFiles;
  /** The open folder's app (its clock, sync, alerts and settings follow a switch). */
  current(): App;
  /** Which folder is open. */
  kind(): FolderKind;
  close(): Promise<void>;
}

/**
 * Wraps `first` (the app of the `firstKind` folder); `open` creates and starts the app of a folder.
 * Without `open` nothing switches (a folder given on the command line is used as it is).
 */
export function createFolderSwitch(opts: {
  first: App;
  firstKind: FolderKind;
  open: ((kind: FolderKind) => Promise<App>) | null;
  log(line: string): void;
}): FolderSwitch {
  const relay = createEventBus(opts.log);
  let app = opts.first;
  let kind = opts.firstKind;
  const follow = (a: App) => a.bus.subscribe((event, payload) => a === app && relay.emit(event, payload));
  let unfollow = follow(app);
  let switching: Promise<void> = Promise.resolve();

  const switchTo = (next: FolderKind) => {
    const run = switching.then(async () => {
      if (kind === next || !opts.open) return;
      const opened = await opts.open(next);
      const old = app;
      unfollow();
      app = opened;
      kind = next;
      unfollow = follow(app);
      await old.close();
      opts.log(`opened the ${next === 'demo' ? "demo's" : 'own'} data folder`);
      relay.emit('orgs:changed', {});
    });
    switching = run.catch(() => undefined);
    return run;
  };

  const route = async (channel: RequestChannel, args: unknown): Promise<unknown> => {
    await switching;
    if (opts.open && channel === 'orgs:startDemo' && kind === 'own') {
      if (app.settings.get().orgs.length > 0)
        throw new ApiError(
          'rejected',
          'The demo opens in a folder of its own, and your accounts are open here: it never mixes with them.',
        );
      await switchTo('demo');
    }
    // A real account belongs in the user's own folder, never beside the demo's accounts: adding one, or
    // restoring a backup (once confirmed; its preview is only read), goes back there first.
    const isRestore = channel === 'backup:restore' && !(args as { preview?: boolean }).preview;
    if (opts.open && kind === 'demo' && (channel === 'orgs:add' || isRestore)) await switchTo('own');
    const handler = app.handlers[channel] as (a: unknown) => Promise<unknown>;
    return handler(args);
  };

  const handlers = Object.fromEntries(
    (Object.keys(opts.first.handlers) as RequestChannel[]).map((channel) => [
      channel,
      (args: unknown) => route(channel, args),
    ]),
  ) as unknown as Handlers;

  const files: AppFiles = {
    plan: (request) => app.files.plan(request),
    chunks: (plan) => app.files.chunks(plan),
    backupText: () => app.files.backupText(),
    backupFileName: () => app.files.backupFileName(),
    restore: (text, o) => app.files.restore(text, o),
  };

  return {
    handlers,
    bus: relay,
    files,
    current: () => app,
    kind: () => kind,
    async close() {
      await switching;
      unfollow();
      await app.close();
    },
  };
}
