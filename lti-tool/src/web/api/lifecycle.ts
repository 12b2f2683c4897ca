/** Staff steering a partnership (pause, end, members, nudges), the program report, nudges a pair sees, calendars. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeMembers, PartnershipLifecycle } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { partnershipKeys } from './partnerships.ts';
import { programKeys } from './program.ts';

export const lifecycleKeys = {
  history: (id: string) => ['program', 'history', id] as const,
  report: () => ['program', 'report'] as const,
  nudges: (id: string) => [...partnershipKeys.detail(id), 'nudges'] as const,
  calendarFeed: () => ['calendar-feed'] as const,
};

export function usePartnershipHistory(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: lifecycleKeys.history(id),
    queryFn: ({ signal }) => api.partnershipHistory({ params: { id }, signal }),
  });
}

/** Whatever staff change shows in activity, roster, report and the history. */
function useRefreshProgram(id: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: programKeys.all() });
    void qc.invalidateQueries({ queryKey: partnershipKeys.list() });
    void qc.invalidateQueries({ queryKey: lifecycleKeys.history(id) });
  };
}

export function useChangeLifecycle(id: string) {
  const api = useApi();
  const refresh = useRefreshProgram(id);
  return useMutation({
    mutationFn: (body: PartnershipLifecycle) => api.partnershipLifecycle({ params: { id }, body }),
    onSuccess: refresh,
  });
}

export function useChangeMembers(id: string) {
  const api = useApi();
  const refresh = useRefreshProgram(id);
  return useMutation({
    mutationFn: (body: ChangeMembers) => api.changeMembers({ params: { id }, body }),
    onSuccess: refresh,
  });
}

export function useNudge(id: string) {
  const api = useApi();
  const refresh = useRefreshProgram(id);
  return useMutation({ mutationFn: () => api.nudgePartnership({ params: { id } }), onSuccess: refresh });
}

export function useNudges(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: lifecycleKeys.nudges(id),
    queryFn: ({ signal }) => api.listNudges({ params: { id }, signal }),
  });
}

export function useProgramReport() {
  const api = useApi();
  return useQuery({ queryKey: lifecycleKeys.report(), queryFn: ({ signal }) => api.programReport({ signal }) });
}

export function useReportCsv() {
  const api = useApi();
  return useMutation({
    mutationFn: async () => (await api.programReport({ query: { format: 'csv' } })) as unknown as string,
  });
}

export function useCalendarFeed() {
  const api = useApi();
  return useQuery({ queryKey: lifecycleKeys.calendarFeed(), queryFn: ({ signal }) => api.calendarFeed({ signal }) });
}

/** The new address is shown from the answer (the server keeps only its hash). */
export function useCreateCalendarFeed() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.createCalendarFeed({}),
    onSuccess: (feed) => qc.setQueryData(lifecycleKeys.calendarFeed(), { ...feed, url: null }),
  });
}

export function useRevokeCalendarFeed() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.revokeCalendarFeed({}),
    onSuccess: () => qc.setQueryData(lifecycleKeys.calendarFeed(), { active: false, createdAt: null, url: null }),
  });
}

/** A conversation's `.ics`, fetched with the bearer token and saved as a file. */
export function useConversationIcs() {
  const api = useApi();
  return useMutation({ mutationFn: (id: string) => api.conversationCalendar({ params: { id } }) });
}
