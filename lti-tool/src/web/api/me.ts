import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient, Locale } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';

export const meKeys = { me: () => ['me'] as const };

export const meQueries = {
  me: (api: ApiClient) =>
    queryOptions({ queryKey: meKeys.me(), queryFn: ({ signal }) => api.me({ signal }), staleTime: Infinity }),
};

/** The signed-in person and program role; decides which home the app shows. */
export function useMe(enabled = true) {
  const api = useApi();
  return useQuery({ ...meQueries.me(api), enabled });
}

/** Keeps the person's choice of language; the app switches once `me` says so. */
export function useChooseLocale() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale | null) => api.chooseLocale({ body: { locale } }),
    onSuccess: (me) => qc.setQueryData(meKeys.me(), me),
  });
}
