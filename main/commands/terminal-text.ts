/**
 * Text from stored data printed to a terminal: control characters (escape sequences, carriage returns,
 * bells) are shown as `\u{…}` instead of being sent raw, so a name cannot rewrite the screen.
 */

/**
 * The text with every C0/C1 control character made visible.
 *
 * Example: `terminalSafe('Acme\u001b[2J')` → `"Acme\\u{1b}[2J"`.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
