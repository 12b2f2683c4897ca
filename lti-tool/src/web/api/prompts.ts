/** Reflection prompts: questions written or made from clips, and the mentee's responses. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePrompt, Prompt, UpdatePrompt } from '@mentoring/shared';
import type { ApiClient } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { partnershipKeys } from './partnerships.ts';
import { prepareKeys } from './prepare.ts';
import { replaceById } from './types.ts';

type PromptList = { prompts: Prompt[] };

export const promptKeys = {
  list: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'prompts'] as const,
};

export const promptQueries = {
  list: (api: ApiClient, partnershipId: string) =>
    queryOptions({
      queryKey: promptKeys.list(partnershipId),
      queryFn: ({ signal }) => api.listPrompts({ params: { id: partnershipId }, signal }),
    }),
};

export function usePrompts(partnershipId: string) {
  const api = useApi();
  return useQuery(promptQueries.list(api, partnershipId));
}

export function useCreatePrompt(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePrompt) => api.createPrompt({ params: { id: partnershipId }, body }),
    onSuccess: (prompt) => {
      qc.setQueryData<PromptList>(
        promptKeys.list(partnershipId),
        (old) => old && { prompts: [...old.prompts, prompt] },
      );
      void qc.invalidateQueries({ queryKey: prepareKeys.detail(partnershipId) });
    },
  });
}

export function useUpdatePrompt(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePrompt }) => api.updatePrompt({ params: { id }, body }),
    onSuccess: (prompt) => {
      qc.setQueryData<PromptList>(
        promptKeys.list(partnershipId),
        (old) => old && { prompts: replaceById(old.prompts, prompt) ?? [] },
      );
      void qc.invalidateQueries({ queryKey: prepareKeys.detail(partnershipId) });
    },
  });
}

/** A deleted prompt leaves the agenda and preparation too: the whole partnership is read again. */
export function useDeletePrompt(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deletePrompt({ params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) }),
  });
}
