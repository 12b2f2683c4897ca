/** Partnerships: the caller's list, one workspace, invitations and the agreement. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient, CreatePartnership, Partnership, UpdatePartnership } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { programKeys } from './program.ts';

export const partnershipKeys = {
  list: () => ['partnerships'] as const,
  /** Every query about one partnership's content sits under this key, so one invalidation reaches all. */
  detail: (id: string) => ['partnership', id] as const,
};

export const partnershipQueries = {
  list: (api: ApiClient) =>
    queryOptions({ queryKey: partnershipKeys.list(), queryFn: ({ signal }) => api.listPartnerships({ signal }) }),
  detail: (api: ApiClient, id: string) =>
    queryOptions({
      queryKey: partnershipKeys.detail(id),
      queryFn: ({ signal }) => api.getPartnership({ params: { id }, signal }),
    }),
};

export function usePartnerships() {
  const api = useApi();
  return useQuery(partnershipQueries.list(api));
}

export function usePartnership(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useQuery({
    ...partnershipQueries.detail(api, id),
    // The list already holds it: show that at once, then refresh.
    initialData: () =>
      qc.getQueryData<{ partnerships: Partnership[] }>(partnershipKeys.list())?.partnerships.find((p) => p.id === id),
    initialDataUpdatedAt: () => qc.getQueryState(partnershipKeys.list())?.dataUpdatedAt,
  });
}

function usePutPartnership() {
  const qc = useQueryClient();
  return (p: Partnership) => {
    qc.setQueryData(partnershipKeys.detail(p.id), p);
    void qc.invalidateQueries({ queryKey: partnershipKeys.list() });
  };
}

/** Staff form partnerships; participants invite someone, which waits for the other's answer. */
export function useCreatePartnership() {
  const api = useApi();
  const qc = useQueryClient();
  const put = usePutPartnership();
  return useMutation({
    mutationFn: (body: CreatePartnership) => api.createPartnership({ body }),
    onSuccess: (p) => {
      put(p);
      void qc.invalidateQueries({ queryKey: programKeys.activity() });
    },
  });
}

export function useUpdatePartnership(id: string) {
  const api = useApi();
  const put = usePutPartnership();
  return useMutation({
    mutationFn: (body: UpdatePartnership) => api.updatePartnership({ params: { id }, body }),
    onSuccess: put,
  });
}

export function useAnswerInvitation() {
  const api = useApi();
  const put = usePutPartnership();
  return useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      accept ? api.acceptPartnership({ params: { id } }) : api.declinePartnership({ params: { id } }),
    onSuccess: put,
  });
}

/** Fetches the export with the bearer token (a plain link could not carry it). */
export function useExportPartnership(id: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (format: 'md' | 'json') => {
      const payload = await api.exportPartnership({ params: { id }, query: { format } });
      return typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
    },
  });
}
