/**
 * What the one run command (`npm start`) opens: the user's own folder when it holds an account or an
 * Admin key is given; otherwise the demo, from its own folder, so a first look needs no key and never
 * puts demo accounts into the user's folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether `dataDir` holds at least one organization (settings.json lists one; unreadable counts as yes). */
export function folderHasAccounts(dataDir: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  try {
    const orgs = (JSON.parse(text) as { orgs?: unknown }).orgs;
    return !Array.isArray(orgs) || orgs.length > 0;
  } catch {
    return true; // a damaged file is the app's to recover, in its own folder
  }
}

/**
 * The arguments `npm start` runs with: the user's own unless nothing is there to show, in which case
 * `--demo` is added (the demo folder is the default of `--demo`).
 *
 * Example: `[]`, no key, empty folder → `['--demo']`; `['--data-dir', 'x']` (or CREDITWATCH_DATA_DIR
 * set: a folder chosen on purpose) → unchanged.
 */
export function firstRunArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  hasAccounts: () => boolean,
): string[] {
  const chosen =
    Boolean(env.CREDITWATCH_DATA_DIR) ||
    args.some((a) => a === '--demo' || a === '--data-dir' || a.startsWith('--data-dir='));
  if (chosen || env.OPENAI_ADMIN_KEY?.trim() || hasAccounts()) return [...args];
  return [...args, '--demo'];
}
