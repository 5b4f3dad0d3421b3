// A recording stand-in for the parts of Electron's main-process API the desktop shell uses. It runs inside the
// app's own process (see register.mjs), reports what the shell did to the test through the fork IPC channel
// (`process.send`), and acts on the test's commands: invoke an IPC channel as a given frame, click a tray menu
// item, click a notification. Nothing here decides anything: it only records and relays.
import { EventEmitter } from 'node:events';

const send = (msg) => process.send?.(msg);
const record = (kind, data = {}) => send({ type: 'record', kind, ...data });

class Emitter extends EventEmitter {}

// ---- app
const appEvents = new Emitter();
let loginItem = { openAtLogin: false };
export const app = {
  getPath: (name) => `${process.env.CREDITWATCH_STANDIN_HOME ?? '/nonexistent'}/${name}`,
  requestSingleInstanceLock: () => true,
  whenReady: () => new Promise((resolve) => setImmediate(resolve)),
  on: (event, listener) => {
    appEvents.on(event, listener);
    return app;
  },
  setAppUserModelId: (id) => record('app.setAppUserModelId', { id }),
  getLoginItemSettings: () => loginItem,
  setLoginItemSettings: (settings) => {
    loginItem = { ...loginItem, ...settings };
    record('app.setLoginItemSettings', { settings });
  },
  quit: () => {
    record('app.quit');
    let prevented = false;
    appEvents.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    appEvents.emit('will-quit', { preventDefault: () => {} });
    // Give the shell's before-quit work (closing stores) a moment, as Electron does, then end.
    setTimeout(() => process.exit(0), 300);
  },
};

// ---- windows and their sessions
const windows = [];
export class BrowserWindow extends Emitter {
  constructor(options) {
    super();
    this.options = options;
    this.destroyed = false;
    const contents = new Emitter();
    contents.session = {
      setPermissionRequestHandler: (handler) => {
        contents.session.requestHandler = handler;
      },
      setPermissionCheckHandler: (handler) => {
        contents.session.checkHandler = handler;
      },
    };
    contents.setWindowOpenHandler = (handler) => {
      contents.windowOpenHandler = handler;
    };
    contents.send = (channel, payload) => record('webContents.send', { channel, payload });
    this.webContents = contents;
    windows.push(this);
    record('BrowserWindow.new', { options: JSON.parse(JSON.stringify(options)) });
  }
  loadURL(url) {
    this.url = url;
    record('BrowserWindow.loadURL', { url });
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show() {
    record('BrowserWindow.show');
  }
  hide() {
    record('BrowserWindow.hide');
  }
  focus() {}
  isDestroyed() {
    return this.destroyed;
  }
}

/** What the window's session answers for a permission, asked both ways (request and check). */
function permissionAnswers(permission) {
  const session = windows.at(-1)?.webContents.session;
  if (!session?.requestHandler || !session.checkHandler) return null;
  let requested = null;
  session.requestHandler(null, permission, (granted) => (requested = granted));
  return { requested, checked: session.checkHandler(null, permission) };
}

/** What the window does when the page tries to open or navigate to a URL. */
function navigationAnswers(url) {
  const contents = windows.at(-1)?.webContents;
  const open = contents?.windowOpenHandler?.({ url })?.action ?? null;
  let navigationPrevented = false;
  contents?.emit('will-navigate', { preventDefault: () => (navigationPrevented = true) }, url);
  return { open, navigationPrevented };
}

export const shell = {
  openExternal: (url) => {
    record('shell.openExternal', { url });
    return Promise.resolve();
  },
};

// ---- IPC
const handlers = new Map();
export const ipcMain = {
  handle: (channel, handler) => {
    handlers.set(channel, handler);
  },
  removeHandler: (channel) => handlers.delete(channel),
};

// ---- keys (a reversible stand-in: the real one is the OS keychain)
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`stand-in:${text}`, 'utf8'),
  decryptString: (buf) => buf.toString('utf8').replace(/^stand-in:/, ''),
};

// ---- tray, menus, images
let lastMenu = null;
export const Menu = {
  buildFromTemplate: (template) => ({ items: template }),
};
export const nativeImage = {
  createEmpty: () => {
    const reps = [];
    return {
      reps,
      addRepresentation: (rep) => reps.push({ scaleFactor: rep.scaleFactor, bytes: rep.buffer?.length ?? 0 }),
      setTemplateImage: () => {},
    };
  },
};
export class Tray extends Emitter {
  constructor(image) {
    super();
    record('Tray.new', { images: image.reps });
  }
  setImage(image) {
    record('Tray.setImage', { images: image.reps });
  }
  setToolTip(tooltip) {
    record('Tray.setToolTip', { tooltip });
  }
  setTitle(title) {
    record('Tray.setTitle', { title });
  }
  setContextMenu(menu) {
    lastMenu = menu;
    record('Tray.setContextMenu', {
      items: menu.items.map((i) => ({
        label: i.label ?? null,
        type: i.type ?? 'normal',
        enabled: i.enabled ?? true,
      })),
    });
  }
  destroy() {}
}

// ---- notifications
const notifications = [];
export class Notification extends Emitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
    notifications.push(this);
    record('Notification.new', { options, index: notifications.length - 1 });
  }
  show() {
    record('Notification.show', { index: notifications.indexOf(this) });
  }
  close() {
    record('Notification.close', { index: notifications.indexOf(this) });
    this.emit('close');
  }
}

// ---- dialogs (a save dialog the user cancels)
export const dialog = {
  showSaveDialog: async () => ({ canceled: true, filePath: undefined }),
  showErrorBox: (title, content) => record('dialog.showErrorBox', { title, content }),
};

// ---- preload-side names, so the module shape matches; the main bundle never calls them
export const contextBridge = { exposeInMainWorld: () => {} };
export const ipcRenderer = { invoke: async () => undefined, on: () => {}, removeListener: () => {} };

// ---- the test's commands
process.on('message', async (msg) => {
  const reply = (data) => send({ type: 'reply', id: msg.id, ...data });
  try {
    if (msg.cmd === 'invoke') {
      const handler = handlers.get(msg.channel);
      if (!handler) return reply({ error: `no handler for ${msg.channel}` });
      const event = { senderFrame: { url: msg.frameUrl, parent: msg.isSubframe ? {} : null } };
      return reply({ result: await handler(event, msg.args) });
    }
    if (msg.cmd === 'channels') return reply({ result: [...handlers.keys()] });
    if (msg.cmd === 'window') {
      const win = windows.at(-1);
      return reply({ result: win ? { url: win.url ?? null } : null });
    }
    if (msg.cmd === 'permission') return reply({ result: permissionAnswers(msg.permission) });
    if (msg.cmd === 'navigate') return reply({ result: navigationAnswers(msg.url) });
    if (msg.cmd === 'clickMenu') {
      const item = lastMenu?.items.find((i) => i.label === msg.label);
      if (!item?.click) return reply({ error: `no menu item '${msg.label}'` });
      reply({ result: true });
      return item.click(item);
    }
    if (msg.cmd === 'clickNotification') {
      const n = notifications[msg.index];
      if (!n) return reply({ error: `no notification ${msg.index}` });
      n.emit('click');
      return reply({ result: true });
    }
    reply({ error: `unknown command ${msg.cmd}` });
  } catch (err) {
    reply({ error: String(err?.stack ?? err) });
  }
});
