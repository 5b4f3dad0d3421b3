/** The instant the fake UI's world is built at unless a spec passes `?now=ISO`. */
export const FAKE_UI_NOW = '2026-11-18T15:20:00Z';
