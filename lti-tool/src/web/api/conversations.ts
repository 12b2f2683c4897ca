/** Conversations: scheduling, the mentee's agenda, notes, commitments and marking one held. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgendaItem,
  Conversation,
  CreateCommitment,
  CreateConversation,
  UpdateCommitment,
  UpdateConversation,
} from '@mentoring/shared';
import type { ApiClient } from '@mentoring/shared';
import { useApi } from './ApiContext.tsx';
import { orderedChanges } from './orderedChanges.ts';
import { partnershipKeys } from './partnerships.ts';
import { prepareKeys } from './prepare.ts';
import { replaceById } from './types.ts';

type ConversationList = { conversations: Conversation[] };

export const conversationKeys = {
  list: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'conversations'] as const,
};

export const conversationQueries = {
  list: (api: ApiClient, partnershipId: string) =>
    queryOptions({
      queryKey: conversationKeys.list(partnershipId),
      queryFn: ({ signal }) => api.listConversations({ params: { id: partnershipId }, signal }),
    }),
};

export function useConversations(partnershipId: string) {
  const api = useApi();
  return useQuery(conversationQueries.list(api, partnershipId));
}

/**
 * A conversation's date, holding and commitments change what the whole workspace shows (the next
 * conversation, "new since last conversation", actions), so the partnership is refreshed as a whole.
 */
function usePutConversation(partnershipId: string) {
  const qc = useQueryClient();
  return (c: Conversation) => {
    qc.setQueryData<ConversationList>(
      conversationKeys.list(partnershipId),
      (old) => old && { conversations: replaceById(old.conversations, c) ?? [] },
    );
    void qc.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) });
    void qc.invalidateQueries({ queryKey: partnershipKeys.list() });
  };
}

export function useCreateConversation(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConversation) => api.createConversation({ params: { id: partnershipId }, body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) });
      void qc.invalidateQueries({ queryKey: partnershipKeys.list() });
    },
  });
}

export function useUpdateConversation(partnershipId: string) {
  const api = useApi();
  const put = usePutConversation(partnershipId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateConversation }) =>
      api.updateConversation({ params: { id }, body }),
    onSuccess: put,
  });
}

/**
 * Optimistic: the agenda is reordered on screen at once, and put back if the tool refuses. Each
 * change carries the version it was made on; the tool takes one step per change, so the shown
 * version steps on with it and a quick second change is made on the first's result. A partner's
 * change in between makes the tool refuse (409) rather than overwrite it.
 */
export function useSetAgenda(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation(
    orderedChanges(qc, {
      queryKey: conversationKeys.list(partnershipId),
      kind: 'agenda',
      mutationFn: ({ id, agenda, version }: { id: string; agenda: AgendaItem[]; version: number }) =>
        api.setAgenda({ params: { id }, body: { agenda, version } }),
      optimistic: (list: ConversationList, { id, agenda, version }) => ({
        conversations: list.conversations.map((c) => (c.id === id ? { ...c, agenda, version: version + 1 } : c)),
      }),
      settled: (list, c) => ({ conversations: replaceById(list.conversations, c) ?? [] }),
      onReply: () => void qc.invalidateQueries({ queryKey: prepareKeys.detail(partnershipId) }),
    }),
  );
}

export function useAddCommitment(partnershipId: string) {
  const api = useApi();
  const put = usePutConversation(partnershipId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateCommitment }) => api.addCommitment({ params: { id }, body }),
    onSuccess: put,
  });
}

/** A commitment's goal action follows its changes, so goals are read again with the conversations. */
export function useUpdateCommitment(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCommitment }) =>
      api.updateCommitment({ params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) }),
  });
}

export function useDeleteCommitment(partnershipId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteCommitment({ params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: partnershipKeys.detail(partnershipId) }),
  });
}
