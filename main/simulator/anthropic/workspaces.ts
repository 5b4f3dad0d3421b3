/**
 * GET /v1/organizations/workspaces: the organization's workspaces (the Default workspace is not listed),
 * `limit` 1–1000 (default 20), `after_id` / `before_id` cursors, `include_archived` (default false);
 * answers `{data, has_more, first_id, last_id}`.
 */
import type { SpendModel } from '../spend-model';
import { badParam } from './errors';
import { listedWorkspaces, workspaceIdOf } from './mapping';
import { toRfc3339, type Params } from './params';

/** A few of the Console's workspace colours. */
const COLORS = ['#6C5BB9', '#C45E3C', '#3C8DC4', '#5BB96C', '#B9A35B'];

/** Builds one workspaces page. */
export function handleWorkspaces(q: Params, model: SpendModel): unknown {
  const limit = q.int('limit', 1, 1000, 20);
  const includeArchived = q.bool('include_archived', false);
  const afterId = q.string('after_id');
  const beforeId = q.string('before_id');
  if (afterId !== undefined && beforeId !== undefined)
    throw badParam('before_id', 'cannot be combined with after_id');
  const all = listedWorkspaces(model)
    .filter((p) => includeArchived || p.archivedAtSec === null)
    .map((p, i) => ({
      id: workspaceIdOf(p.id),
      type: 'workspace' as const,
      name: p.name,
      created_at: toRfc3339(p.createdAtSec * 1000),
      archived_at: p.archivedAtSec === null ? null : toRfc3339(p.archivedAtSec * 1000),
      display_color: COLORS[i % COLORS.length]!,
    }));
  const indexOf = (param: string, id: string): number => {
    const i = all.findIndex((w) => w.id === id);
    if (i < 0) throw badParam(param, `no workspace '${id.slice(0, 40)}' in this list`);
    return i;
  };
  let from = 0;
  let to = all.length;
  if (afterId !== undefined) from = indexOf('after_id', afterId) + 1;
  if (beforeId !== undefined) {
    to = indexOf('before_id', beforeId);
    from = Math.max(0, to - limit);
  }
  const data = all.slice(from, Math.min(to, from + limit));
  const hasMore = beforeId !== undefined ? from > 0 : from + limit < to;
  return {
    data,
    has_more: hasMore,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
  };
}
