import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { partnershipKeys } from './partnerships.ts';

export const prepareKeys = {
  detail: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'prepare'] as const,
};

export const prepareQueries = {
  detail: (api: ApiClient, partnershipId: string) =>
    queryOptions({
      queryKey: prepareKeys.detail(partnershipId),
      queryFn: ({ signal }) => api.prepare({ params: { id: partnershipId }, signal }),
    }),
};

/** Everything a mentor reads before the next conversation, in one answer. */
export function usePreparation(partnershipId: string) {
  const api = useApi();
  return useQuery(prepareQueries.detail(api, partnershipId));
}
