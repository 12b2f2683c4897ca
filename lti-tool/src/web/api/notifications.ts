/** The person's notices, their read state and how e-mail reaches them. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import type { BodyOf } from './types.ts';

/** New notices show within a minute while the app is open. */
const POLL_MS = 60_000;

export const notificationKeys = {
  all: () => ['notifications'] as const,
  list: () => [...notificationKeys.all(), 'list'] as const,
  preferences: () => [...notificationKeys.all(), 'preferences'] as const,
};

export const notificationQueries = {
  list: (api: ApiClient) =>
    queryOptions({
      queryKey: notificationKeys.list(),
      queryFn: ({ signal }) => api.listNotifications({ signal }),
      refetchInterval: POLL_MS,
    }),
  preferences: (api: ApiClient) =>
    queryOptions({
      queryKey: notificationKeys.preferences(),
      queryFn: ({ signal }) => api.notificationPreferences({ signal }),
    }),
};

export function useNotifications() {
  const api = useApi();
  return useQuery(notificationQueries.list(api));
}

export function useMarkNotificationsRead() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'markNotificationsRead'>) => api.markNotificationsRead({ body }),
    onSuccess: (list) => qc.setQueryData(notificationKeys.list(), list),
  });
}

export function useNotificationPreferences() {
  const api = useApi();
  return useQuery(notificationQueries.preferences(api));
}

export function useUpdateNotificationPreferences() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'updateNotificationPreferences'>) => api.updateNotificationPreferences({ body }),
    onSuccess: (prefs) => qc.setQueryData(notificationKeys.preferences(), prefs),
  });
}
