/**
 * settings.json: the user's settings and organizations (never keys). Small, pretty-printed, versioned.
 */
import { join } from 'node:path';
import { SettingsSchema, type Settings } from '@core/schemas';
import { createProblemList, type StoreProblem } from './store-problem';
import { openVersionedFile, type FileSpec } from './versioned-file';

export interface SettingsStore {
  get(): Settings;
  /** Applies `mutate` to the current settings, validates and saves; updates run one at a time. */
  update(mutate: (s: Settings) => Settings): Promise<Settings>;
}

export const SETTINGS_FILE = 'settings.json';

/** The settings file format. Version 1 is the first; upgrades go in `migrations`. */
export const SETTINGS_SPEC: FileSpec<Settings> = {
  label: 'settings',
  version: 1,
  schema: SettingsSchema,
  migrations: {},
  defaults: () => SettingsSchema.parse({ version: 1 }),
  indent: 2,
};

/** Opens settings.json in `dataDir` (a corrupt file is quarantined and reported, then defaults are used). */
export async function openSettingsStore(
  dataDir: string,
  opts: { onProblem?(p: StoreProblem): void; nowMs?(): number } = {},
): Promise<SettingsStore> {
  const problems = createProblemList(opts.onProblem);
  const file = await openVersionedFile(join(dataDir, SETTINGS_FILE), SETTINGS_SPEC, {
    problems,
    nowMs: opts.nowMs ?? Date.now,
  });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get: () => file.data(),
    update(mutate) {
      const run = queue.then(async () => {
        const next = SettingsSchema.safeParse(mutate(structuredClone(file.data())));
        if (!next.success) {
          const issue = next.error.issues[0];
          throw new Error(`Invalid settings${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}.`);
        }
        await file.write(next.data);
        return file.data();
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
