/** Resource requests: the mentee asks for what they need, the mentor answers (docs/design.md, principle 7). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { partnershipKeys } from './partnerships.ts';
import { prepareKeys } from './prepare.ts';
import type { BodyOf } from './types.ts';

export const requestKeys = {
  list: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'requests'] as const,
};

export const requestQueries = {
  list: (api: ApiClient, partnershipId: string) =>
    queryOptions({
      queryKey: requestKeys.list(partnershipId),
      queryFn: ({ signal }) => api.listRequests({ params: { id: partnershipId }, signal }),
    }),
};

export function useRequests(partnershipId: string) {
  const api = useApi();
  return useQuery(requestQueries.list(api, partnershipId));
}

function useRefresh(partnershipId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: requestKeys.list(partnershipId) });
    void qc.invalidateQueries({ queryKey: prepareKeys.detail(partnershipId) });
  };
}

export function useCreateRequest(partnershipId: string) {
  const api = useApi();
  const refresh = useRefresh(partnershipId);
  return useMutation({
    mutationFn: (body: BodyOf<'createRequest'>) => api.createRequest({ params: { id: partnershipId }, body }),
    onSuccess: refresh,
  });
}

export function useAnswerRequest(partnershipId: string) {
  const api = useApi();
  const refresh = useRefresh(partnershipId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<'answerRequest'> }) =>
      api.answerRequest({ params: { id }, body }),
    onSuccess: refresh,
  });
}
