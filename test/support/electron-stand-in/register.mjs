// `node --import ./register.mjs dist/main/index.mjs`: every `import … from 'electron'` in the built main bundle
// resolves to the recording stand-in beside this file instead of Electron's binary, so the desktop shell's wiring
// (window, permissions, IPC, tray, notifications, quit) runs in plain Node.
import { register } from 'node:module';

register('./resolve-hook.mjs', import.meta.url);
