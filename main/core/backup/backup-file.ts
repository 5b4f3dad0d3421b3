/**
 * The backup file: one versioned JSON document with the settings, every organization and its ledger and
 * billing rule — what the user typed and cannot get back from the provider. Never Admin keys. Cost and usage
 * history is left out on purpose: it is fetched again from the provider after a restore. Each organization
 * keeps its provider and currency, and the settings their conversion rates; a backup written before those
 * existed restores its organizations as OpenAI accounts in US dollars, with no rates. Version 1 carried the
 * organizations as settings version 1 wrote them; they are upgraded as the settings file is.
 *
 * Example: `{ format: 'creditwatch-backup', version: 2, createdAt: '2026-11-18T15:20:00.000Z', …,
 *   orgs: [{ org: { id: 'org_…', name: 'Acme', … }, ledger: { version: 1, billing: …, entries: […] } }] }`.
 */
import { z } from 'zod';
import { AlertSettingsSchema, type AlertSettings } from '../alerts/alert-settings';
import { LEDGER_VERSION, LedgerFileSchema, upgradeLedger, type LedgerFile } from '../ledger-schema';
import { OrgSchema, SettingsSchema, type Settings } from '../schemas';
import { upgradeOrgV1ToV2 } from '../settings-upgrade';

export const BACKUP_FORMAT = 'creditwatch-backup';
export const BACKUP_VERSION = 2;
export const BACKUP_NOTE =
  'Settings, organizations, ledgers, billing rules and alert settings (with the webhook address, if any). Admin keys are never included: add each key again after restoring. Cost and usage history is not included: it is fetched again from each provider.';

/** The settings a backup carries (organizations travel with their ledgers). */
export const BackupSettingsSchema = SettingsSchema.pick({
  syncCron: true,
  backfillDays: true,
  timeZone: true,
  selectedOrgId: true,
  conversionRates: true,
}).strict();

const BackupOrgSchema = z.object({ org: OrgSchema, ledger: LedgerFileSchema }).strict();

export const BackupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.string(),
    appVersion: z.string(),
    note: z.string(),
    settings: BackupSettingsSchema,
    orgs: z.array(BackupOrgSchema),
    /** Alert settings (thresholds, quiet hours, per-account values, webhook); absent in older backups. */
    alertSettings: AlertSettingsSchema.optional(),
    /** sha256 of the JSON of every other field, in this order: tells a hand-edited file apart. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type Backup = z.infer<typeof BackupSchema>;
export type BackupBody = Omit<Backup, 'sha256'>;

/**
 * Backup version 1 → 2: each organization upgraded as settings version 1 → 2 (kind `'openai'` → `'live'`,
 * the provider always named); everything else kept.
 *
 * Example: `{ version: 1, orgs: [{ org: { kind: 'openai', … }, ledger }] }` → `{ version: 2, orgs: [{ org: { kind: 'live', provider: 'openai', … }, ledger }] }`.
 */
export function upgradeBackupV1ToV2(raw: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(raw.orgs)) return { ...raw, version: 2 };
  return {
    ...raw,
    version: 2,
    orgs: raw.orgs.map((o: unknown) =>
      typeof o === 'object' && o !== null && !Array.isArray(o)
        ? { ...(o as Record<string, unknown>), org: upgradeOrgV1ToV2((o as Record<string, unknown>).org) }
        : o,
    ),
  };
}

/** A backup that cannot be restored as it is; the message says why. */
export class BackupInputError extends Error {
  override name = 'BackupInputError';
}

/** Builds the body of a backup (the caller adds the checksum). Keys are not in Settings or Org, so never here. */
export function buildBackupBody(input: {
  settings: Settings;
  ledgers: ReadonlyMap<string, LedgerFile>;
  nowMs: number;
  appVersion: string;
  alertSettings?: AlertSettings;
}): BackupBody {
  const { syncCron, backfillDays, timeZone, selectedOrgId, conversionRates } = input.settings;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date(input.nowMs).toISOString(),
    appVersion: input.appVersion,
    note: BACKUP_NOTE,
    settings: { syncCron, backfillDays, timeZone, selectedOrgId, conversionRates },
    orgs: input.settings.orgs.map((org) => ({
      org,
      ledger: input.ledgers.get(org.id) ?? LedgerFileSchema.parse({ version: LEDGER_VERSION }),
    })),
    ...(input.alertSettings ? { alertSettings: input.alertSettings } : {}),
  };
}

/**
 * The text the checksum covers: the body's JSON, fields in the order of `buildBackupBody`. A backup
 * without alert settings (older ones) is covered exactly as before: an absent field adds nothing.
 */
export function checksumText(body: BackupBody): string {
  const { format, version, createdAt, appVersion, note, settings, orgs, alertSettings } = body;
  return JSON.stringify({ format, version, createdAt, appVersion, note, settings, orgs, alertSettings });
}

/**
 * Reads backup text; throws BackupInputError naming the problem (not JSON / cut short, not a backup, from a
 * newer version, an invalid field, duplicate ids). `sha256Of` is injected (core has no crypto); a checksum
 * mismatch is refused unless `acceptEdited`.
 */
export function parseBackup(
  text: string,
  sha256Of: (text: string) => string,
  opts: { acceptEdited?: boolean } = {},
): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new BackupInputError(
      `The backup is not complete JSON (${(err as Error).message}); it may have been cut short while copying. Nothing was changed.`,
    );
  }
  const head = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT)
    throw new BackupInputError(
      'This file is not a Creditwatch backup (no "format": "creditwatch-backup"). Nothing was changed.',
    );
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION)
    throw new BackupInputError(
      `This backup was written by a newer Creditwatch (backup version ${head.version}; this one reads version ${BACKUP_VERSION}). Update Creditwatch, then restore. Nothing was changed.`,
    );
  const parsed = BackupSchema.safeParse(head.version === 1 ? upgradeBackupV1ToV2(head) : raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new BackupInputError(`The backup has invalid content — ${issues.join('; ')}. Nothing was changed.`);
  }
  const backup = parsed.data;
  // The checksum covers the fields as written: a file from before a field existed (an org without
  // `provider`) is checked as it is, not with the defaults parsing fills in.
  if (!opts.acceptEdited && sha256Of(checksumText(raw as BackupBody)) !== backup.sha256)
    throw new BackupInputError(
      'The backup was changed after Creditwatch wrote it (its checksum does not match). If you edited it on purpose, restore it with --accept-edited (in the app: tick "Restore an edited file"). Nothing was changed.',
    );
  const ids = new Set<string>();
  for (const { org, ledger } of backup.orgs) {
    if (ids.has(org.id))
      throw new BackupInputError(`The backup lists organization ${org.id} twice. Nothing was changed.`);
    ids.add(org.id);
    try {
      upgradeLedger(ledger); // duplicate entry ids and the other whole-file rules
    } catch (err) {
      throw new BackupInputError(
        `The ledger of "${org.name}" in the backup: ${(err as Error).message}. Nothing was changed.`,
      );
    }
  }
  return backup;
}
