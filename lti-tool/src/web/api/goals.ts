/** Goals and their actions: the mentee's own work, carried from one conversation to the next. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateAction, CreateGoal, Goal, UpdateAction, UpdateGoal } from '@mentoring/shared';
import type { ApiClient } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { orderedChanges } from './orderedChanges.ts';
import { partnershipKeys } from './partnerships.ts';
import { prepareKeys } from './prepare.ts';
import { replaceById } from './types.ts';

type GoalList = { goals: Goal[] };

export const goalKeys = {
  list: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'goals'] as const,
};

export const goalQueries = {
  list: (api: ApiClient, partnershipId: string) =>
    queryOptions({
      queryKey: goalKeys.list(partnershipId),
      queryFn: ({ signal }) => api.listGoals({ params: { id: partnershipId }, signal }),
    }),
};

export function useGoals(partnershipId: string) {
  const api = useApi();
  return useQuery(goalQueries.list(api, partnershipId));
}

/** Goal and action changes answer with the whole goal: put it in the list at once. */
function usePutGoal(partnershipId: string) {
  const qc = useQueryClient();
  return (goal: Goal) => {
    qc.setQueryData<GoalList>(
      goalKeys.list(partnershipId),
      (old) => old && { goals: replaceById(old.goals, goal) ?? [] },
    );
    void qc.invalidateQueries({ queryKey: prepareKeys.detail(partnershipId) });
  };
}

export function useCreateGoal(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGoal) => api.createGoal({ params: { id: partnershipId }, body }),
    onSuccess: (goal) =>
      qc.setQueryData<GoalList>(goalKeys.list(partnershipId), (old) => old && { goals: [...old.goals, goal] }),
  });
}

export function useUpdateGoal(partnershipId: string) {
  const api = useApi();
  const put = usePutGoal(partnershipId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateGoal }) => api.updateGoal({ params: { id }, body }),
    onSuccess: put,
  });
}

export function useCreateAction(partnershipId: string) {
  const api = useApi();
  const put = usePutGoal(partnershipId);
  return useMutation({
    mutationFn: ({ goalId, body }: { goalId: string; body: CreateAction }) =>
      api.createAction({ params: { id: goalId }, body }),
    onSuccess: put,
  });
}

/** Optimistic: ticking an action off shows at once, and is put back if the tool refuses. */
export function useUpdateAction(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation(
    orderedChanges(qc, {
      queryKey: goalKeys.list(partnershipId),
      kind: 'actions',
      mutationFn: ({ id, body }: { id: string; body: UpdateAction }) => api.updateAction({ params: { id }, body }),
      optimistic: (list: GoalList, { id, body }) => ({
        goals: list.goals.map((g) => ({
          ...g,
          actions: g.actions.map((a) =>
            a.id === id ? { ...a, ...body, doneAt: body.done ? new Date().toISOString() : a.doneAt } : a,
          ),
        })),
      }),
      settled: (list, goal) => ({ goals: replaceById(list.goals, goal) ?? [] }),
      onReply: () => void qc.invalidateQueries({ queryKey: prepareKeys.detail(partnershipId) }),
    }),
  );
}

/** A deleted goal leaves the agenda, commitments and preparation too: the whole partnership is read again. */
export function useDeleteGoal(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteGoal({ params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) }),
  });
}
