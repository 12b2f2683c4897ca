/** Checkpoint evaluations of one partnership: a separate record, visible to program staff (docs/design.md, principle 3). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { partnershipKeys } from './partnerships.ts';
import type { BodyOf } from './types.ts';

export const evaluationKeys = {
  list: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'evaluations'] as const,
};

export const evaluationQueries = {
  list: (api: ApiClient, partnershipId: string) =>
    queryOptions({
      queryKey: evaluationKeys.list(partnershipId),
      queryFn: ({ signal }) => api.listEvaluations({ params: { id: partnershipId }, signal }),
    }),
};

export function useEvaluations(partnershipId: string) {
  const api = useApi();
  return useQuery(evaluationQueries.list(api, partnershipId));
}

export function useCreateEvaluation(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'createEvaluation'>) => api.createEvaluation({ params: { id: partnershipId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: evaluationKeys.list(partnershipId) }),
  });
}
