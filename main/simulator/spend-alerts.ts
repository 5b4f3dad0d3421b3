/**
 * `/organization/spend_alerts` and `/organization/projects/{project_id}/spend_alerts` (list, cursor paging
 * with `after`, `order`, `limit` 0–100, default 20; amounts in cents), and the "no limit set" answer of the
 * spend-limit endpoints (`threshold_amount` 0, enforcement `inactive`). Checked against the spec snapshot
 * in `test/fixtures/openapi` and the `openai` SDK 7.57.0 types (`OrganizationSpendAlert`, `ProjectSpendAlert`).
 */
import { ApiHttpError, invalidValue } from './api-errors';
import type { QueryReader } from './query';

const ALERT_LIMIT = { default: 20, max: 100 };

export interface SimSpendAlert {
  id: string;
  thresholdCents: number;
}

/** The spend-limit resource of an org or project without a limit (the API's "no limit set" answer). */
export function noLimitBody(object: 'organization.spend_limit' | 'project.spend_limit'): unknown {
  return {
    object,
    threshold_amount: 0,
    currency: 'USD',
    interval: 'month',
    enforcement: { status: 'inactive' },
  };
}

/**
 * The org's alerts: at half and at four fifths of its hard limit, rounded to whole dollars (a common setup:
 * warn well before requests are refused). Example: a $2,300 limit → alerts at $1,150 and $1,840.
 */
export function orgAlertsFor(limitCents: number): SimSpendAlert[] {
  if (limitCents <= 0) return [];
  return [
    { id: 'alert_org_half', thresholdCents: Math.round(limitCents / 200) * 100 },
    { id: 'alert_org_most', thresholdCents: Math.round((limitCents * 0.8) / 100) * 100 },
  ];
}

/** Answers a spend-alert list for `alerts` of `object` type, paged as the spec says. */
export function handleSpendAlertList(
  q: QueryReader,
  alerts: readonly SimSpendAlert[],
  object: 'organization.spend_alert' | 'project.spend_alert',
): unknown {
  const limit = q.int('limit') ?? ALERT_LIMIT.default;
  if (limit < 0 || limit > ALERT_LIMIT.max) {
    throw invalidValue(
      'limit',
      `Invalid value for 'limit': ${limit}. It must be between 0 and ${ALERT_LIMIT.max}.`,
    );
  }
  const order = q.enumOne('order', ['asc', 'desc'] as const, 'asc');
  const all = order === 'asc' ? [...alerts] : [...alerts].reverse();
  const after = q.string('after');
  let from = 0;
  if (after !== undefined) {
    const i = all.findIndex((a) => a.id === after);
    if (i < 0) throw invalidValue('after', `Invalid value for 'after': no spend alert with id '${after}'.`);
    from = i + 1;
  }
  const page = all.slice(from, from + limit);
  return {
    object: 'list',
    data: page.map((a) => ({
      id: a.id,
      object,
      threshold_amount: a.thresholdCents,
      currency: 'USD',
      interval: 'month',
      notification_channel: {
        type: 'email',
        recipients: ['finance@example.com'],
        subject_prefix: 'OpenAI spend alert',
      },
    })),
    first_id: page[0]?.id ?? null,
    last_id: page[page.length - 1]?.id ?? null,
    has_more: from + limit < all.length,
  };
}

/** 404 for a project id the org does not have (same words as the project spend-limit endpoint). */
export function unknownProject(projectId: string): ApiHttpError {
  return new ApiHttpError(404, {
    error: {
      message: `No project found with id '${projectId}'.`,
      type: 'invalid_request_error',
      param: null,
      code: null,
    },
  });
}
