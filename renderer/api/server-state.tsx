/**
 * The page's one cache of server data (TanStack Query), keyed by request: `[channel, args]`. Every view that
 * shows a figure reads it through `useServerState`, so the overview and an account's page asking for the same
 * account share one request and one answer. The host's events keep it current: `data:changed` refetches that
 * account's figures, `sync:status` patches its dashboard at once, `orgs:changed` the list and the store
 * problems, `alerts:changed`
 * replaces the alerts view; a minute's refresh catches up events missed while the stream reconnected.
 */
import { useEffect, useState, type ReactNode } from 'react';
import {
  QueryClient,
  QueryClientProvider,
  useQuery,
  useQueryClient,
  type Query,
  type QueryKey,
} from '@tanstack/react-query';
import type { CreditwatchApi, RequestArgs, RequestChannel, RequestResults } from '@core/api-contract';
import { errorText } from '../hooks/use-orgs';
import { useApi } from './api-context';

/** Safety-net refresh interval for every figure on screen. */
export const REFRESH_MS = 60_000;

/** Events within this window cause one refetch (a sync announces itself several times per account). */
export const EVENT_COALESCE_MS = 250;

/** The cache key of one request. */
export function serverKey<K extends RequestChannel>(channel: K, args: RequestArgs<K>): QueryKey {
  return [channel, args];
}

/** Whether a cached request is about `orgId` (its arguments name it). */
function isAboutOrg(query: Query, orgId: string): boolean {
  const args = query.queryKey[1] as { orgId?: unknown } | undefined;
  return args?.orgId === orgId;
}

function createServerCache(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Fresh until the host says otherwise (its events) or the safety net runs.
        staleTime: Infinity,
        refetchInterval: REFRESH_MS,
        refetchOnWindowFocus: false,
        // The transports already say what went wrong in words; asking again is the user's or the event's call.
        retry: false,
      },
    },
  });
}

/** Keeps `cache` current from the host's events; returns the unsubscribe function. */
function followEvents(api: CreditwatchApi, cache: QueryClient): () => void {
  const changedOrgs = new Set<string>();
  let pending: ReturnType<typeof setTimeout> | null = null;
  const refetchSoon = (orgId: string) => {
    changedOrgs.add(orgId);
    pending ??= setTimeout(() => {
      pending = null;
      const orgs = [...changedOrgs];
      changedOrgs.clear();
      void cache.invalidateQueries({ predicate: (q) => orgs.some((orgId) => isAboutOrg(q, orgId)) });
    }, EVENT_COALESCE_MS);
  };
  const offs = [
    api.on('data:changed', ({ orgId }) => refetchSoon(orgId)),
    api.on('sync:status', ({ orgId, status }) => {
      cache.setQueryData<RequestResults['dashboard:get']>(serverKey('dashboard:get', { orgId }), (d) =>
        d ? { ...d, sync: status } : d,
      );
      // The account's answer quotes its sync state.
      void cache.invalidateQueries({ queryKey: serverKey('answer:get', { orgId }) });
    }),
    api.on('orgs:changed', () => {
      void cache.invalidateQueries({ queryKey: ['orgs:list'] });
      // Adding, removing or restoring accounts is when a store file may have been set aside or recovered.
      void cache.invalidateQueries({ queryKey: ['app:problems'] });
    }),
    api.on('alerts:changed', (view) => cache.setQueryData(serverKey('alerts:get', {}), view)),
  ];
  return () => {
    if (pending !== null) clearTimeout(pending);
    for (const off of offs) off();
  };
}

/** Gives everything below one server cache for the injected API, kept current by its events. */
export function ServerStateProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [cache] = useState(createServerCache);
  useEffect(() => followEvents(api, cache), [api, cache]);
  return <QueryClientProvider client={cache}>{children}</QueryClientProvider>;
}

export interface ServerState<T> {
  /** The last answer (kept, with `error`, when a refresh fails), or null before the first. */
  value: T | null;
  isLoading: boolean;
  /** Why the last request failed, in words, or null. */
  error: string | null;
  /** Asks again now. */
  reload: () => void;
}

/** The cache entry of one request: its key and how to fetch it (for `useQuery` and `useQueries`). */
export function serverQuery<K extends RequestChannel>(api: CreditwatchApi, channel: K, args: RequestArgs<K>) {
  return { queryKey: serverKey(channel, args), queryFn: () => api.invoke(channel, args) };
}

/** One request's answer from the cache, fetched once for every view that shows it. */
export function useServerState<K extends RequestChannel>(
  channel: K,
  args: RequestArgs<K>,
): ServerState<RequestResults[K]> {
  const query = useQuery(serverQuery(useApi(), channel, args));
  return {
    value: query.data ?? null,
    isLoading: query.isPending,
    error: query.error ? errorText(query.error) : null,
    reload: () => void query.refetch(),
  };
}

/**
 * Writes an answer the server just gave (a save's reply), or a change made ahead of the server's (a selection),
 * into the cache, so every view shows it at once.
 */
export function useServerWrite(): <K extends RequestChannel>(
  channel: K,
  args: RequestArgs<K>,
  value: RequestResults[K] | ((current: RequestResults[K] | undefined) => RequestResults[K] | undefined),
) => void {
  const cache = useQueryClient();
  return (channel, args, value) => cache.setQueryData(serverKey(channel, args), value);
}

/** Marks every cached answer about `orgId` stale and refetches those on screen (after a change made here). */
export function useOrgRefetch(): (orgId: string) => void {
  const cache = useQueryClient();
  return (orgId) => void cache.invalidateQueries({ predicate: (q) => isAboutOrg(q, orgId) });
}

/** Marks every cached answer stale and refetches those on screen (after a change that may touch any, a restore). */
export function useServerRefetchAll(): () => void {
  const cache = useQueryClient();
  return () => void cache.invalidateQueries();
}
