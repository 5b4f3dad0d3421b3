/**
 * `/organization/admin_api_keys` (list, cursor paging with `after`): the org's Admin keys with their
 * `redacted_value` ("sk-admin...def": the prefix and the last three characters) and `expires_at` (Unix
 * seconds or null). The API has no "this key" endpoint, so a client finds its own key by its redacted
 * value. Checked against the spec snapshot (`AdminApiKey`, `ApiKeyList`) and `openai` SDK 7.57.0.
 */
import { invalidValue } from './api-errors';
import type { QueryReader } from './query';

/** The API's redacted form of a key. Example: 'sk-admin-abc…xyz0' → 'sk-admin...yz0'. */
export function redactedKey(key: string): string {
  return `${key.slice(0, 8)}...${key.slice(-3)}`;
}

/** Answers the list for the calling key plus another Admin key of the org (created earlier, never expiring). */
export function handleAdminKeys(
  q: QueryReader,
  callerKey: string,
  callerExpiresAtSec: number | null,
  createdAtSec: number,
): unknown {
  const keys = [
    {
      object: 'organization.admin_api_key',
      id: 'key_admin_finance',
      name: 'Finance export',
      redacted_value: 'sk-admin...f1n',
      created_at: createdAtSec - 86_400 * 200,
      expires_at: null,
      last_used_at: createdAtSec - 86_400,
      owner: {
        type: 'user',
        object: 'organization.user',
        id: 'user_finance',
        name: 'Finance',
        created_at: createdAtSec - 86_400 * 400,
        role: 'owner',
      },
    },
    {
      object: 'organization.admin_api_key',
      id: 'key_admin_monitor',
      name: 'Creditwatch',
      redacted_value: redactedKey(callerKey),
      created_at: createdAtSec - 86_400 * 30,
      expires_at: callerExpiresAtSec,
      last_used_at: createdAtSec,
      owner: {
        type: 'service_account',
        object: 'organization.service_account',
        id: 'sa_monitor',
        name: 'Monitoring',
        created_at: createdAtSec - 86_400 * 30,
        role: 'member',
      },
    },
  ];
  const limit = q.int('limit') ?? 20;
  if (limit < 1 || limit > 100)
    throw invalidValue('limit', `Invalid value for 'limit': ${limit}. It must be between 1 and 100.`);
  const after = q.string('after');
  const from = after === undefined ? 0 : keys.findIndex((k) => k.id === after) + 1;
  if (after !== undefined && from === 0)
    throw invalidValue('after', `Invalid value for 'after': no key with id '${after}'.`);
  const page = keys.slice(from, from + limit);
  return {
    object: 'list',
    data: page,
    first_id: page[0]?.id ?? null,
    last_id: page[page.length - 1]?.id ?? null,
    has_more: from + limit < keys.length,
  };
}
