/** The program as staff see it (roster, activity, checkpoints) and the directory participants invite from. */
import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { ApiClient, PartnershipQuery } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import type { BodyOf } from './types.ts';

export const programKeys = {
  all: () => ['program'] as const,
  people: () => ['program', 'people'] as const,
  directory: () => ['program', 'directory'] as const,
  activity: () => ['program', 'activity'] as const,
  checkpoints: () => ['program', 'checkpoints'] as const,
  evaluations: () => ['program', 'evaluations'] as const,
};

export const programQueries = {
  people: (api: ApiClient) =>
    queryOptions({ queryKey: programKeys.people(), queryFn: ({ signal }) => api.programPeople({ signal }) }),
  directory: (api: ApiClient) =>
    queryOptions({ queryKey: programKeys.directory(), queryFn: ({ signal }) => api.programDirectory({ signal }) }),
  checkpoints: (api: ApiClient) =>
    queryOptions({ queryKey: programKeys.checkpoints(), queryFn: ({ signal }) => api.listCheckpoints({ signal }) }),
  evaluations: (api: ApiClient) =>
    queryOptions({
      queryKey: programKeys.evaluations(),
      queryFn: ({ signal }) => api.programEvaluations({ signal }),
    }),
};

export function useProgramPeople() {
  const api = useApi();
  return useQuery(programQueries.people(api));
}

export function useSyncRoster() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.syncRoster({}),
    onSuccess: (roster) => {
      qc.setQueryData(programKeys.people(), roster);
      void qc.invalidateQueries({ queryKey: programKeys.directory() });
    },
  });
}

export function useProgramDirectory() {
  const api = useApi();
  return useQuery(programQueries.directory(api));
}

/** Partnerships per page of the staff's activity list. */
export const ACTIVITY_PAGE = 50;

export type ActivityFilter = Pick<PartnershipQuery, 'status' | 'quiet' | 'name'>;

/** The program's activity a page at a time; filters go to the server, which pages through the program. */
export function useProgramActivity(filter: ActivityFilter) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...programKeys.activity(), filter],
    queryFn: ({ pageParam, signal }) =>
      api.programActivity({
        query: { ...filter, limit: ACTIVITY_PAGE, ...(pageParam !== null && { cursor: pageParam }) },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useUpdateProgramSettings() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'updateProgramSettings'>) => api.updateProgramSettings({ body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: programKeys.activity() }),
  });
}

export function useCheckpoints() {
  const api = useApi();
  return useQuery(programQueries.checkpoints(api));
}

export function useCreateCheckpoint() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'createCheckpoint'>) => api.createCheckpoint({ body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: programKeys.checkpoints() }),
  });
}

export function useProgramEvaluations() {
  const api = useApi();
  return useQuery(programQueries.evaluations(api));
}

export function useUpdateCheckpoint() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<'updateCheckpoint'> }) =>
      api.updateCheckpoint({ params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: programKeys.checkpoints() }),
  });
}

/** The checkpoint leaves the list; its evaluations stay. */
export function useRemoveCheckpoint() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.removeCheckpoint({ params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: programKeys.checkpoints() }),
  });
}
