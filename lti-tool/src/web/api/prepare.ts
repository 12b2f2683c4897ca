import { useQuery } from '@tanstack/react-query';
import { useApi } from './ApiContext.tsx';
import { partnershipKeys } from './partnerships.ts';

export const prepareKeys = {
  detail: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'prepare'] as const,
};

/** Everything a mentor reads before the next conversation, in one answer. */
export function usePreparation(partnershipId: string) {
  const api = useApi();
  return useQuery({
    queryKey: prepareKeys.detail(partnershipId),
    queryFn: () => api.prepare({ params: { id: partnershipId } }),
  });
}
