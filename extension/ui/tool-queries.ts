/**
 * The tool's data as TanStack queries for the extension's pages: one `queryOptions` factory per
 * resource, which holds its key and its fetch (cancelled with the query's signal). Lists needed to
 * file a clip (partnerships, goals) fall back to their last saved copy when the tool cannot answer.
 */
import { useEffect, useRef } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { canWriteContent, clipPageUrl } from '@mentoring/shared';
import { withCache } from '@/lib/cache';
import type { Connection } from '@/lib/connection';
import { readPickerInput } from '@/lib/picker-handoff';
import { callTool } from '@/lib/tool';

export const partnershipQueries = {
  /** The reader's active partnerships they may add to. */
  writable: (personId: string | undefined) =>
    queryOptions({
      queryKey: ['partnerships', personId],
      enabled: !!personId,
      queryFn: async ({ signal }) => {
        const cached = await withCache(`${personId}:partnerships`, () =>
          callTool((api) => api.listPartnerships({ signal })).then((r) => r.partnerships),
        );
        return { ...cached, data: cached.data.filter((p) => canWriteContent(p, personId!)) };
      },
    }),
  /** What the next conversation holds: its agenda, open prompts, new clips. */
  preparation: (partnershipId: string) =>
    queryOptions({
      queryKey: ['partnerships', 'detail', partnershipId, 'prepare'],
      queryFn: ({ signal }) => callTool((api) => api.prepare({ params: { id: partnershipId }, signal })),
    }),
};

export const goalQueries = {
  list: (personId: string | undefined, partnershipId: string | null) =>
    queryOptions({
      queryKey: ['partnerships', 'detail', partnershipId, 'goals'],
      enabled: !!personId && !!partnershipId,
      queryFn: ({ signal }) =>
        withCache(`${personId}:goals:${partnershipId}`, () =>
          callTool((api) => api.listGoals({ params: { id: partnershipId! }, signal })).then((r) => r.goals),
        ),
    }),
};

export const clipQueries = {
  recent: (partnershipId: string) =>
    queryOptions({
      queryKey: ['partnerships', 'detail', partnershipId, 'clips', 'recent'],
      queryFn: ({ signal }) =>
        callTool((api) => api.listClips({ params: { id: partnershipId }, query: { limit: 10 }, signal })).then(
          (r) => r.clips,
        ),
    }),
  /** Clips already on the page at `url`, to warn before clipping a passage twice. */
  onPage: (url: string) =>
    queryOptions({
      queryKey: ['clips', 'on-page', clipPageUrl(url)],
      queryFn: ({ signal }) =>
        callTool((api) => api.clipsOnPage({ query: { url: clipPageUrl(url) }, signal })).then((r) => r.clips),
      retry: false,
    }),
};

export const pickerQueries = {
  /** The passage handed to the picker window `id`; it never changes while the window is open. */
  input: (id: string) =>
    queryOptions({ queryKey: ['picker-input', id], queryFn: () => readPickerInput(id), staleTime: Infinity }),
};

/** Refetches everything when the person connects, reconnects or is signed out. */
export function useRefetchOnConnectionChange(connection: Connection | null | undefined): void {
  const client = useQueryClient();
  const token = connection === undefined ? undefined : (connection?.token ?? null);
  const previous = useRef(token);
  useEffect(() => {
    if (previous.current !== undefined && previous.current !== token) void client.invalidateQueries();
    previous.current = token;
  }, [client, token]);
}

export const usePartnerships = (connection: Connection | null | undefined) =>
  useQuery(partnershipQueries.writable(connection?.me.person.id));

export const useGoals = (connection: Connection | null | undefined, partnershipId: string | null) =>
  useQuery(goalQueries.list(connection?.me.person.id, partnershipId));
