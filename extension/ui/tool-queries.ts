/**
 * The tool's data as TanStack queries for the extension's pages. Lists needed to file a clip
 * (partnerships, goals) fall back to their last saved copy when the tool cannot answer.
 */
import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { canWriteContent } from '@mentoring/shared';
import { withCache } from '@/lib/cache';
import type { Connection } from '@/lib/connection';
import { callTool } from '@/lib/tool';

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

/** The reader's active partnerships they may add to. */
export function usePartnerships(connection: Connection | null | undefined) {
  const personId = connection?.me.person.id;
  return useQuery({
    queryKey: ['partnerships', personId],
    enabled: !!personId,
    queryFn: async () => {
      const cached = await withCache(`${personId}:partnerships`, () =>
        callTool((api) => api.listPartnerships({})).then((r) => r.partnerships),
      );
      return { ...cached, data: cached.data.filter((p) => canWriteContent(p, personId!)) };
    },
  });
}

export function useGoals(connection: Connection | null | undefined, partnershipId: string | null) {
  const personId = connection?.me.person.id;
  return useQuery({
    queryKey: ['goals', partnershipId],
    enabled: !!personId && !!partnershipId,
    queryFn: () =>
      withCache(`${personId}:goals:${partnershipId}`, () =>
        callTool((api) => api.listGoals({ params: { id: partnershipId! } })).then((r) => r.goals),
      ),
  });
}
