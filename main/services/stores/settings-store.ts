/**
 * settings.json: the user's settings and organizations (never keys). Small, pretty-printed, versioned,
 * every state written backed up. A damaged file falls back to its newest readable backup; with none,
 * the organizations are rebuilt from what is on disk (ledgers, history folders, stored keys) — never a
 * silent fresh start. A stored schedule that is no longer allowed falls back to the default, reported.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SYNC_CRON, SettingsSchema, type Settings } from '@core/schemas';
import { repairSettingsRaw } from '@core/sane-repair';
import { SETTINGS_VERSION, upgradeSettingsV1ToV2 } from '@core/settings-upgrade';
import { validateCron } from '../scheduler';
import type { ProviderId } from '@core/providers';
import { discoverOrgs } from './org-discovery';
import { createWriteQueue } from './private-file';
import { createProblemList, type ProblemList, type StoreProblem } from './store-problem';
import { openVersionedFile, type FileSpec } from './versioned-file';

export interface SettingsStore {
  get(): Settings;
  /** Applies `mutate` to the current settings, validates and saves; updates run one at a time. */
  update(mutate: (s: Settings) => Settings): Promise<Settings>;
}

export const SETTINGS_FILE = 'settings.json';
export const SETTINGS_BACKUPS_KEPT = 10;

/**
 * Settings as read from the file: a schedule that is not a string (or too long) is read as empty, so the
 * schedule check after load replaces it with the default and says so, instead of the whole file —
 * with its organizations — being set aside.
 */
const SettingsFileSchema = SettingsSchema.extend({
  syncCron: z
    .unknown()
    .transform((v) => (typeof v === 'string' && v.length <= 100 ? v : ''))
    .default(DEFAULT_SYNC_CRON),
});

/** The settings file format; older versions are upgraded by the pure steps in core/settings-upgrade.ts. */
export const SETTINGS_SPEC: FileSpec<Settings> = {
  label: 'settings',
  version: SETTINGS_VERSION,
  schema: SettingsFileSchema,
  migrations: { 1: upgradeSettingsV1ToV2 },
  repairRaw: repairSettingsRaw,
  defaults: () => SettingsSchema.parse({ version: SETTINGS_VERSION }),
  indent: 2,
  describe: (s) =>
    `${s.orgs.length} ${s.orgs.length === 1 ? 'organization' : 'organizations'}: ${s.orgs.map((o) => o.name).join(', ') || 'none'}`,
};

/** Opens settings.json in `dataDir` (see the file comment for what happens to a damaged file). */
export async function openSettingsStore(
  dataDir: string,
  opts: {
    onProblem?(p: StoreProblem): void;
    nowMs?(): number;
    /** Org ids that have a stored key (to rebuild orgs when nothing else is left). */
    keyIds?(): Promise<string[]>;
    /** The provider of an org's stored key, by its shape (recovery lists the org under it). */
    providerOfKey?(orgId: string): Promise<ProviderId | null>;
  } = {},
): Promise<SettingsStore> {
  const problems = createProblemList(opts.onProblem);
  const nowMs = opts.nowMs ?? Date.now;
  const path = join(dataDir, SETTINGS_FILE);
  const file = await openVersionedFile(
    path,
    SETTINGS_SPEC,
    { problems, nowMs },
    { dir: join(dataDir, 'backups'), prefix: 'settings', keep: SETTINGS_BACKUPS_KEPT },
  );
  const queue = createWriteQueue();
  const update: SettingsStore['update'] = (mutate) =>
    queue(async () => {
      const next = SettingsSchema.safeParse(mutate(structuredClone(file.data())));
      if (!next.success) {
        const issue = next.error.issues[0];
        throw new Error(`Invalid settings${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}.`);
      }
      await file.backup();
      await file.write(next.data);
      await file.backup();
      return file.data();
    });

  // A file this version must not write (a newer one's) is shown as it was read, without repairs saved.
  if (file.isLocked) return { get: () => file.data(), update };
  if (file.origin === 'defaults')
    await rebuildOrgs(dataDir, opts.keyIds, opts.providerOfKey, update, problems, path, nowMs);
  const cronProblem = validateCron(file.data().syncCron);
  if (cronProblem) {
    await update((s) => ({ ...s, syncCron: DEFAULT_SYNC_CRON }));
    problems.report({
      file: path,
      quarantinedAs: null,
      atMs: nowMs(),
      message: `The stored sync schedule could not be used: ${cronProblem} Creditwatch uses the default (every 5 minutes) until you choose another in Settings.`,
    });
  }
  return { get: () => file.data(), update };
}

async function rebuildOrgs(
  dataDir: string,
  keyIds: (() => Promise<string[]>) | undefined,
  providerOfKey: ((orgId: string) => Promise<ProviderId | null>) | undefined,
  update: SettingsStore['update'],
  problems: ProblemList,
  path: string,
  nowMs: () => number,
): Promise<void> {
  const ids = await keyIds?.().catch(() => []);
  const orgs = await discoverOrgs(dataDir, ids ?? [], nowMs(), providerOfKey);
  if (orgs.length === 0) return;
  await update((s) => ({ ...s, orgs, selectedOrgId: orgs[0]!.id }));
  problems.report({
    file: path,
    quarantinedAs: null,
    atMs: nowMs(),
    message: `Creditwatch found ${orgs.length} ${orgs.length === 1 ? 'organization' : 'organizations'} on disk (their ledgers, history or keys) and listed ${orgs.length === 1 ? 'it' : 'them'} again as “Recovered organization …”, with ${orgs.length === 1 ? 'its' : 'their'} ledger and history; the names were in the damaged file. An organization without a stored key needs its key added again.`,
  });
}
